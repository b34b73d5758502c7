from django.urls import path

from clemency.outcomes import views

app_name = "outcomes"
urlpatterns = [
    path("", views.index, name="index"),
    path("federal/", views.federal_page, name="federal"),
    path("executions/", views.executions_page, name="executions"),
    path("exonerations/", views.exonerations_page, name="exonerations"),
    path("states/", views.states_page, name="states"),
    path("team/", views.team_page, name="team"),
    path("chart/<slug:key>.csv", views.chart_csv, name="chart-csv"),
    path("embed/<slug:key>/", views.embed, name="embed"),
    path("embed/<slug:key>.svg", views.embed_svg, name="embed-svg"),
]
