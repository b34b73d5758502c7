from rest_framework.routers import SimpleRouter

from clemency.petitions.api.views import CategoricalActionViewSet, DecisionViewSet, PetitionViewSet

router = SimpleRouter()
router.register("petitions", PetitionViewSet, basename="petition")
router.register("decisions", DecisionViewSet, basename="decision")
router.register("categorical-actions", CategoricalActionViewSet, basename="categorical-action")
urlpatterns = router.urls
