from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "clemency.accounts"
    label = "accounts"
