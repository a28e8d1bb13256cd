from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared presentation helpers (number formatting) and form safety applied to every app."""

    name = "core"

    def ready(self) -> None:
        from . import checks, forms_patch  # noqa: F401  (checks registers the system checks)

        forms_patch.apply()
