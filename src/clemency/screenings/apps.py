from django.apps import AppConfig


class ScreeningsConfig(AppConfig):
    name = "clemency.screenings"
    label = "screenings"
    verbose_name = "Population screenings"
