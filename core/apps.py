from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared presentation helpers (number and money formatting for the active language)."""

    name = "core"
