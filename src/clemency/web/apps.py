from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "clemency.web"
    label = "web"
    verbose_name = "Web"

    def ready(self) -> None:
        from allauth.mfa.signals import authenticator_added

        from clemency.web.security import record_mfa_set_up

        authenticator_added.connect(record_mfa_set_up, dispatch_uid="clemency.record_mfa_set_up")
