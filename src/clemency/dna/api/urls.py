from rest_framework.routers import SimpleRouter

from clemency.dna.api.views import EvidenceItemViewSet, TestingRequestViewSet

router = SimpleRouter()
router.register("dna-requests", TestingRequestViewSet, basename="dna-request")
router.register("dna-evidence", EvidenceItemViewSet, basename="dna-evidence")
urlpatterns = router.urls
