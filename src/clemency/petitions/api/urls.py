from rest_framework.routers import SimpleRouter

from clemency.petitions.api.views import PetitionViewSet

router = SimpleRouter()
router.register("petitions", PetitionViewSet, basename="petition")
urlpatterns = router.urls
