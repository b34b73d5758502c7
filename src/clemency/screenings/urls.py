from django.urls import path

from clemency.screenings import views, views_candidates

app_name = "screenings"
urlpatterns = [
    path("", views.run_list, name="list"),
    path("new/", views.run_create, name="create"),
    path("sample-population.csv", views.sample_population, name="sample"),
    path("<int:pk>/", views.run_detail, name="detail"),
    path("<int:pk>/status/", views.run_status, name="status"),
    path("<int:pk>/retry/", views.run_retry, name="retry"),
    path("<int:pk>/report/", views.run_report, name="report"),
    path("<int:pk>/results.parquet", views.run_results, name="results"),
    path("<int:pk>/validation.csv", views.run_validation, name="validation"),
    path("<int:pk>/candidates/", views_candidates.candidate_list, name="candidates"),
    path("<int:pk>/candidates/<int:rank>/", views_candidates.candidate_detail, name="candidate"),
    path(
        "<int:pk>/candidates/<int:rank>/case/", views_candidates.candidate_create_case, name="candidate-case"
    ),
]
