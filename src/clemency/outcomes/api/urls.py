from django.urls import path

from clemency.outcomes.api.views import PublicChartView, TeamResultsView

urlpatterns = [
    path("outcomes/team/", TeamResultsView.as_view(), name="outcomes-team"),
    path("outcomes/public/<slug:key>/", PublicChartView.as_view(), name="outcomes-public-chart"),
]
