from django.apps import AppConfig


class OutcomesConfig(AppConfig):
    name = "clemency.outcomes"
    label = "outcomes"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from clemency.outcomes.shipped import load_shipped_after_migrate

        # A fresh install (and every test database) starts with the shipped public record.
        post_migrate.connect(load_shipped_after_migrate, sender=self)

        from django.db.models.signals import post_delete, post_save

        from clemency.outcomes.summary import renew_version
        from clemency.petitions.models import Petition

        # The team's cached petition counts are stale once any petition changes.
        post_save.connect(renew_version, sender=Petition, dispatch_uid="outcomes-petition-saved")
        post_delete.connect(renew_version, sender=Petition, dispatch_uid="outcomes-petition-deleted")
