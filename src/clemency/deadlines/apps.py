from django.apps import AppConfig


class DeadlinesConfig(AppConfig):
    name = "clemency.deadlines"
    label = "deadlines"
