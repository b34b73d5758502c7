from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "clemency.web"
    label = "web"
    verbose_name = "Web"
