from django.apps import AppConfig


class DnaConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "clemency.dna"
    verbose_name = "DNA testing"
