from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Shared presentation helpers (number formatting), form safety for every app, the `<year:>` URL converter."""

    name = "core"

    def ready(self) -> None:
        from django.urls import register_converter

        from . import checks  # noqa: F401  (registers the system checks)
        from .converters import YearConverter

        # Once, before any urls.py is imported (URL modules load lazily, after every app is ready).
        register_converter(YearConverter, "year")
