from django.urls import path

from clemency.documents import views

app_name = "documents"
urlpatterns = [
    path("", views.document_list, name="list"),
    path("case/<int:case_pk>/upload/", views.document_upload, name="upload"),
    path("<int:pk>/", views.document_detail, name="detail"),
    path("<int:pk>/edit/", views.document_edit, name="edit"),
    path("<int:pk>/replace/", views.document_replace, name="replace"),
    path("<int:pk>/delete/", views.document_delete, name="delete"),
    path("<int:pk>/download/", views.document_download, name="download"),
]
