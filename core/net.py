"""The client's address, behind as many reverse proxies as `TRUSTED_PROXY_COUNT` says."""

import ipaddress

from django.conf import settings


def _valid(address: str) -> bool:
    try:
        ipaddress.ip_address(address)
    except ValueError:
        return False
    return True


def client_ip(request) -> str | None:
    """The address that connected to the first trusted proxy (or to us, with no proxy).

    Each trusted proxy appends the address it received the request from to X-Forwarded-For, so the
    client is the TRUSTED_PROXY_COUNT-th entry from the right; entries further left are whatever the
    client sent and are never trusted. The same rule as DRF's NUM_PROXIES (api throttles).
    Used by axes (AXES_CLIENT_IP_CALLABLE), the audit log and the rate limits.
    """
    if request is None:
        return None
    remote = request.META.get("REMOTE_ADDR") or None
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count <= 0:
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()]
    if len(forwarded) < count:
        return remote  # fewer entries than trusted proxies: the request did not come through them all
    candidate = forwarded[-count]
    return candidate if _valid(candidate) else remote
