from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared presentation helpers (number formatting) and form safety applied to every app."""

    name = "core"

    def ready(self) -> None:
        from . import forms_patch

        forms_patch.apply()
