from django.apps import AppConfig


class DraftingConfig(AppConfig):
    name = "clemency.drafting"
    label = "drafting"
    verbose_name = "Generated documents and exhibit bundles"
