"""The read-only REST API: each app contributes its resources through `<app>/api.py:register`."""

from importlib import import_module

from django.conf import settings
from rest_framework.routers import DefaultRouter

router = DefaultRouter()

for app_label in settings.INSTALLED_APPS:
    if "." in app_label:
        continue
    try:
        module = import_module(f"{app_label}.api")
    except ModuleNotFoundError as exc:
        if exc.name != f"{app_label}.api":
            raise
        continue
    module.register(router)
