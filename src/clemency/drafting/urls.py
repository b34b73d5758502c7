from django.urls import path

from clemency.drafting import views

app_name = "drafting"
urlpatterns = [
    path("", views.drafting_list, name="list"),
    path("case/<int:case_pk>/", views.case_drafting, name="case"),
    path("generated/<int:pk>/download/", views.generated_download, name="generated-download"),
    path("generated/<int:pk>/keep/", views.generated_add_document, name="generated-add-document"),
    path("case/<int:case_pk>/bundles/new/", views.bundle_create, name="bundle-create"),
    path("bundles/<int:pk>/", views.bundle_detail, name="bundle-detail"),
    path("bundles/<int:pk>/download/", views.bundle_download, name="bundle-download"),
    path("bundles/<int:pk>/retry/", views.bundle_retry, name="bundle-retry"),
]
