from django.apps import AppConfig


class AdvocacyConfig(AppConfig):
    name = "clemency.advocacy"
    label = "advocacy"
    verbose_name = "Advocacy"
