from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "clemency.outcomes"
    label = "outcomes"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from clemency.outcomes.shipped import load_shipped_after_migrate

        # A fresh install (and every test database) starts with the shipped public record.
        post_migrate.connect(load_shipped_after_migrate, sender=self)
