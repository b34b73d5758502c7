from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "clemency.accounts"
    label = "accounts"

    def ready(self) -> None:
        from clemency.accounts import signals  # noqa: F401 - connects the receivers
