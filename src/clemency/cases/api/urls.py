from rest_framework.routers import SimpleRouter

from clemency.cases.api.views import CaseViewSet, ConvictionViewSet, NoteViewSet

router = SimpleRouter()
router.register("cases", CaseViewSet, basename="api-cases")
router.register("convictions", ConvictionViewSet, basename="api-convictions")
router.register("notes", NoteViewSet, basename="api-notes")
urlpatterns = router.urls
