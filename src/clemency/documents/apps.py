from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "clemency.documents"
    label = "documents"
