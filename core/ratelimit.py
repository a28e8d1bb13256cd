"""A small fixed-window rate limit in the cache, shared by every process when Redis is configured
(the `ratelimit` cache, see config/settings.py). Keys are the caller's: a client address
(`core.net.client_ip`), a hashed e-mail address..."""

import hashlib
import logging
import time

from django.core.cache import caches
from django.shortcuts import render

log = logging.getLogger(__name__)
UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """ "5/m" -> (5, 60): at most 5 in a window of 60 seconds ("10/15m" is 10 in 15 minutes). DRF's
    words are read too ("10/minute", "3/hour"), as the API throttles' settings use them."""
    count, _, period = rate.strip().partition("/")
    digits = "".join(c for c in period if c.isdigit())
    unit = period[len(digits) :][:1].lower()
    if unit not in UNITS or not count.strip().isdigit():
        raise ValueError(f"not a rate: {rate!r} (e.g. 10/m, 10/15m, 10/minute)")
    return int(count), int(digits or 1) * UNITS[unit]


def digest(value: str) -> str:
    """A key part that keeps no personal data in the cache (e-mail addresses)."""
    return hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]


def hit(scope: str, key: str | None, rate: str) -> bool:
    """Count one request of `key` in `scope`; False when the rate is exceeded. Fails open."""
    limit, window = parse_rate(rate)
    cache_key = f"rl:{scope}:{key or '-'}:{int(time.time() // window)}"
    cache = caches["ratelimit"]
    try:
        if cache.add(cache_key, 1, timeout=window + 5):
            return limit >= 1
        return cache.incr(cache_key) <= limit
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=window + 5)
        return limit >= 1
    except Exception as exc:  # noqa: BLE001 - a cache outage must not take the site down
        log.warning("rate limit cache unavailable, not limiting %s: %s", scope, exc)
        return True


def too_many_requests(request, rate: str):
    """The 429 answer, with Retry-After (the window's length)."""
    _limit, window = parse_rate(rate)
    response = render(request, "core/too_many_requests.html", status=429)
    response["Retry-After"] = str(window)
    return response
