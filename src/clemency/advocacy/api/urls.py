from rest_framework.routers import SimpleRouter

from clemency.advocacy.api.views import OfficeMemberViewSet, OfficeViewSet, OutreachViewSet

router = SimpleRouter()
router.register("offices", OfficeViewSet, basename="office")
router.register("office-members", OfficeMemberViewSet, basename="office-member")
router.register("outreach", OutreachViewSet, basename="outreach")
urlpatterns = router.urls
