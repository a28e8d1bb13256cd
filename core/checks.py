"""System checks that keep an insecure configuration from starting."""

from django.conf import settings
from django.core.checks import Error, Tags, register
from django.core.exceptions import ImproperlyConfigured

# Values shipped in the repository (settings default, deploy/env.example): never a production key.
PLACEHOLDER_PREFIXES = ("insecure-", "django-insecure-", "change-me")


def _secret_key_problem() -> str | None:
    if settings.DEBUG:
        return None
    try:
        key = settings.SECRET_KEY
    except ImproperlyConfigured:
        key = ""
    if not key:
        return "SECRET_KEY is not set."
    if key == getattr(settings, "DEV_SECRET_KEY", None) or key.lower().startswith(PLACEHOLDER_PREFIXES):
        return "SECRET_KEY is the development key or a placeholder from the repository."
    return None


@register(Tags.security, deploy=False)
def check_secret_key(app_configs=None, **kwargs) -> list[Error]:
    """With DEBUG off, a missing, embedded or placeholder SECRET_KEY is an error (not only with --deploy)."""
    problem = _secret_key_problem()
    if problem is None:
        return []
    return [
        Error(
            problem,
            hint="Set SECRET_KEY in the environment to a long random value, e.g. "
            "`python -c 'import secrets; print(secrets.token_urlsafe(50))'` (deploy/README.md).",
            id="core.E001",
        )
    ]


RATE_SETTINGS = ("PUBLIC_PDF_RATE", "PASSWORD_RESET_RATE_PER_CLIENT", "PASSWORD_RESET_RATE_PER_ADDRESS")


@register(Tags.security)
def check_rates(app_configs=None, **kwargs) -> list[Error]:
    """A rate limit the app cannot read would answer 500 on the pages it guards: refuse it at start."""
    from .ratelimit import parse_rate

    errors = []
    for name in RATE_SETTINGS:
        try:
            parse_rate(getattr(settings, name))
        except (ValueError, TypeError):
            errors.append(
                Error(
                    f"{name} = {getattr(settings, name)!r} is not a rate.",
                    hint="e.g. 10/m or 10/minute",
                    id="core.E002",
                )
            )
    return errors


def refuse_insecure_start() -> None:
    """Called by the WSGI application (config/wsgi.py) and the Celery worker and beat, which do not run
    system checks."""
    problem = _secret_key_problem()
    if problem is not None:
        raise ImproperlyConfigured(f"{problem} Refusing to start with DEBUG off (see deploy/README.md).")
