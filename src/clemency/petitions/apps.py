from django.apps import AppConfig


class PetitionsConfig(AppConfig):
    name = "clemency.petitions"
    label = "petitions"
