from rest_framework.routers import SimpleRouter

from clemency.screenings.api.views import ScreeningRunViewSet

router = SimpleRouter()
router.register("screenings", ScreeningRunViewSet, basename="screening")
urlpatterns = router.urls
