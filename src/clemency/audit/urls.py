from django.urls import path

from clemency.audit import views

app_name = "audit"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("export.csv", views.export, name="export"),
    path("events/<int:pk>/", views.event_detail, name="detail"),
    path("cases/<int:case_id>/", views.case_events, name="case"),
    path("cases/<int:case_id>/export.csv", views.case_export, name="case_export"),
]
