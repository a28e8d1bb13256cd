"""A test-only urlconf: the site's URLs plus views that raise each error, with the site's handlers."""

from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.urls import path

from config.urls import handler500
from config.urls import urlpatterns as site_urlpatterns


def _bad_request(request):
    raise SuspiciousOperation("a test")


def _forbidden(request):
    raise PermissionDenied


def _broken(request):
    raise RuntimeError("a test failure")


urlpatterns = [
    *site_urlpatterns,
    path("test-errors/400/", _bad_request),
    path("test-errors/403/", _forbidden),
    path("test-errors/500/", _broken),
]

__all__ = ["handler500", "urlpatterns"]
