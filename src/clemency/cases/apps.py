from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "clemency.cases"
    label = "cases"
