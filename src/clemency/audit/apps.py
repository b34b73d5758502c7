from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "clemency.audit"
    label = "audit"
