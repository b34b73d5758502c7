from django.urls import path

from clemency.transcripts import views

app_name = "transcripts"
urlpatterns = [
    path("", views.transcript_list, name="list"),
    path("case/<int:case_pk>/new/", views.transcript_create, name="create"),
    path("<int:pk>/", views.transcript_detail, name="detail"),
    path("<int:pk>/analyze/", views.transcript_analyze, name="analyze"),
    path("<int:pk>/download/", views.transcript_download, name="download"),
    path("analyses/<int:pk>/", views.analysis_detail, name="analysis"),
    path("analyses/<int:pk>/status/", views.analysis_status, name="analysis-status"),
    path("analyses/<int:pk>/retry/", views.analysis_retry, name="analysis-retry"),
    path("analyses/<int:pk>/report.json", views.analysis_json, name="analysis-json"),
    path("analyses/<int:pk>/report.html", views.analysis_html, name="analysis-html"),
    path("analyses/<int:pk>/report.pdf", views.analysis_pdf, name="analysis-pdf"),
    path("analyses/<int:pk>/speakers/", views.analysis_speakers, name="analysis-speakers"),
    path("analyses/<int:pk>/add-to-documents/", views.analysis_add_document, name="analysis-add-document"),
]
