"""The extension points: each project app may have a module of a given name (`panels`, `api`,
`demo`, `deadlines`); this finds them, in INSTALLED_APPS order."""

from importlib import import_module

from django.conf import settings


def app_modules(name: str):
    """Each project app's `<app>.<name>` module (`name` may be dotted: "tests.matrix"); apps without
    one are skipped, and an import error inside a module that exists is raised, not hidden."""
    for app_label in settings.INSTALLED_APPS:
        if "." in app_label:
            continue  # Django's and third-party apps
        wanted = f"{app_label}.{name}"
        try:
            yield import_module(wanted)
        except ModuleNotFoundError as exc:
            missing = exc.name or ""
            if not (missing.startswith(app_label + ".") and (wanted + ".").startswith(missing + ".")):
                raise
