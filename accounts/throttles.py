"""API throttles: anonymous clients by address, signed-in people by account, scripts by token.

Rates come from REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"] (read on each request, so settings
overrides apply) and counts live in the `api` cache (Redis when REDIS_URL is set). The client's
address is the one DRF finds with NUM_PROXIES (= TRUSTED_PROXY_COUNT). When the cache cannot be
reached the request is let through: a Redis outage must not take the API down.
"""

import logging

from django.core.cache import caches
from redis.exceptions import RedisError
from rest_framework.settings import api_settings
from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken

logger = logging.getLogger(__name__)


class _Throttle(SimpleRateThrottle):
    @property
    def cache(self):
        return caches["api"]

    @property
    def THROTTLE_RATES(self):  # noqa: N802  (DRF's name)
        return api_settings.DEFAULT_THROTTLE_RATES

    def allow_request(self, request, view) -> bool:
        try:
            return super().allow_request(request, view)
        except (OSError, RedisError) as exc:
            logger.warning("API throttle cache unavailable, request let through: %s", exc)
            return True


class AnonThrottle(_Throttle):
    scope = "anon"

    def get_cache_key(self, request, view):
        if request.user and request.user.is_authenticated:
            return None
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class RefusedTokenThrottle(AnonThrottle):
    """A request whose token is refused counts against its address's anonymous rate: DRF throttles
    only after authentication, so without this guessing tokens (and filling the audit log) would
    be unlimited."""

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class UserThrottle(_Throttle):
    """People signed in with their browser session."""

    scope = "user"

    def get_cache_key(self, request, view):
        if not (request.user and request.user.is_authenticated) or isinstance(request.auth, ApiToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.user.pk}


class TokenThrottle(_Throttle):
    """Scripts, one count per token."""

    scope = "token"

    def get_cache_key(self, request, view):
        if not isinstance(request.auth, ApiToken):
            return None
        return self.cache_format % {"scope": self.scope, "ident": request.auth.pk}
