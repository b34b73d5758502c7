from rest_framework.routers import SimpleRouter

from clemency.people.api.views import PersonViewSet

router = SimpleRouter()
router.register("people", PersonViewSet, basename="api-people")
urlpatterns = router.urls
