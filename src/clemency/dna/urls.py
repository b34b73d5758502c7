from django.urls import path

from clemency.dna import views

app_name = "dna"
urlpatterns = [
    path("", views.request_list, name="list"),
    path("export.csv", views.export, name="export"),
    path("case/<int:case_pk>/", views.case_page, name="case"),
    path("case/<int:case_pk>/evidence/new/", views.evidence_create, name="evidence-create"),
    path("case/<int:case_pk>/requests/new/", views.request_create, name="request-create"),
    path("evidence/<int:pk>/edit/", views.evidence_edit, name="evidence-edit"),
    path("requests/<int:pk>/", views.request_detail, name="request-detail"),
    path("requests/<int:pk>/edit/", views.request_edit, name="request-edit"),
    path("requests/<int:pk>/steps/new/", views.step_create, name="step-create"),
    path("steps/<int:pk>/done/", views.step_done, name="step-done"),
    path("requests/<int:pk>/tests/new/", views.test_create, name="test-create"),
    path("tests/<int:pk>/result/", views.test_result, name="test-result"),
]
