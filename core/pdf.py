"""WeasyPrint may only read the app's own static and media files (and data: URLs): no network, no
other file on the disk. Pass `url_fetcher=safe_url_fetcher` to every `HTML(...)` and `CSS(...)`."""

import mimetypes
from pathlib import Path
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import SuspiciousFileOperation
from django.http.request import validate_host
from weasyprint.urls import URLFetcher, URLFetcherResponse


class RefusedURL(ValueError):
    """A resource outside the app's static and media files."""


def _static_roots() -> list[Path]:
    roots = [Path(settings.STATIC_ROOT)]
    for finder in finders.get_finders():
        for storage in getattr(finder, "storages", {}).values():
            location = getattr(storage, "location", None)
            if location:
                roots.append(Path(location))
    return roots


def _allowed_roots() -> list[Path]:
    return [root.resolve() for root in [*_static_roots(), Path(settings.MEDIA_ROOT)]]


def _inside(path: Path, roots: list[Path]) -> bool:
    return any(path == root or path.is_relative_to(root) for root in roots)


def _own_hosts() -> list[str]:
    site_host = urlsplit(getattr(settings, "SITE_URL", "")).hostname
    return [*settings.ALLOWED_HOSTS, *([site_host] if site_host else [])]


def _under(prefix: str, path: str) -> str | None:
    prefix = "/" + prefix.strip("/") + "/"
    return path[len(prefix) :] if path.startswith(prefix) else None


def local_path(url: str) -> Path:
    """The file a URL stands for, if it is one of the app's static or media files; RefusedURL otherwise."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme == "file":
        if parts.netloc not in ("", "localhost"):
            raise RefusedURL(url)
        candidate = Path(url2pathname(unquote(parts.path)))
    elif scheme in ("http", "https"):
        if not parts.hostname or not validate_host(parts.hostname, _own_hosts()):
            raise RefusedURL(url)
        path = unquote(parts.path)
        if (rel := _under(settings.STATIC_URL, path)) is not None:
            try:
                found = finders.find(rel)
            except SuspiciousFileOperation as exc:
                raise RefusedURL(url) from exc
            candidate = Path(found) if found else Path(settings.STATIC_ROOT) / rel
        elif (rel := _under(settings.MEDIA_URL, path)) is not None:
            candidate = Path(settings.MEDIA_ROOT) / rel
        else:
            raise RefusedURL(url)
    else:
        raise RefusedURL(url)
    resolved = candidate.resolve()
    if not _inside(resolved, _allowed_roots()) or not resolved.is_file():
        raise RefusedURL(url)
    return resolved


class SafeURLFetcher(URLFetcher):
    def fetch(self, url, headers=None):
        if urlsplit(url).scheme.lower() == "data":
            return super().fetch(url, headers)
        path = local_path(url)
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": content_type})


safe_url_fetcher = SafeURLFetcher()
