from rest_framework.routers import SimpleRouter

from clemency.drafting.api.views import BundleViewSet, GeneratedDocumentViewSet

router = SimpleRouter()
router.register("generated-documents", GeneratedDocumentViewSet, basename="generated-document")
router.register("bundles", BundleViewSet, basename="bundle")
urlpatterns = router.urls
