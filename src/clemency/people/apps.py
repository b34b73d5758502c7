from django.apps import AppConfig


class PeopleConfig(AppConfig):
    name = "clemency.people"
    label = "people"
