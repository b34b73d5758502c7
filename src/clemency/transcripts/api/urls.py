from rest_framework.routers import SimpleRouter

from clemency.transcripts.api.views import AnalysisViewSet, TranscriptViewSet

router = SimpleRouter()
router.register("transcripts", TranscriptViewSet, basename="transcript")
router.register("transcript-analyses", AnalysisViewSet, basename="transcript-analysis")
urlpatterns = router.urls
