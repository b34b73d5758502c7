from rest_framework.routers import SimpleRouter

from clemency.deadlines.api.views import DeadlineViewSet

router = SimpleRouter()
router.register("deadlines", DeadlineViewSet, basename="deadline")
urlpatterns = router.urls
