from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    name = "clemency.campaigns"
    label = "campaigns"
    verbose_name = "Public campaigns"
