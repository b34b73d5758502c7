from django.apps import AppConfig


class ConsoleConfig(AppConfig):
    """Holds the management commands that drive the pure libraries (explain, screen, ...)."""

    name = "clemency.console"
    label = "console"
    verbose_name = "Command line"
