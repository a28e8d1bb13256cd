"""API token secrets: random, recognisable by their prefix, and kept only as a SHA-256 digest.

A secret has 256 random bits, so a fast hash is enough (nothing to brute-force, unlike a
password) and the digest can be looked up directly."""

import hashlib
import re
import secrets

from django.conf import settings

PREFIX = "apmbc_"
SHOWN_CHARS = 8  # characters after PREFIX kept in clear to tell a user's tokens apart
_SHAPE = re.compile(rf"^{PREFIX}[A-Za-z0-9_-]{{43}}$")


def new_secret() -> str:
    return PREFIX + secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def shown_prefix(secret: str) -> str:
    return secret[: len(PREFIX) + SHOWN_CHARS]


def looks_like_token(secret: str) -> bool:
    return bool(_SHAPE.match(secret))


def lifetime_choices() -> list[int]:
    """Lifetimes (days) offered when creating a token, the default among them, none above the maximum."""
    days = {30, 90, 180, 365, settings.API_TOKEN_DEFAULT_DAYS}
    return sorted(d for d in days if 0 < d <= settings.API_TOKEN_MAX_DAYS)
