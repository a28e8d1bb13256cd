"""The read-only REST API: each app contributes its resources through `<app>/api.py:register`."""

from rest_framework.routers import DefaultRouter

from core.modules import app_modules

router = DefaultRouter()

for module in app_modules("api"):
    module.register(router)
