"""API authentication by personal token: `Authorization: Bearer <token>` (or `Token <token>`).

A token acts as its owner for reading only (GET, HEAD, OPTIONS). People in a browser use their
session instead (DRF's SessionAuthentication, with its CSRF check); HTTP Basic is not accepted.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, SessionAuthentication, get_authorization_header
from rest_framework.permissions import SAFE_METHODS

from . import services, tokens
from .models import ApiToken, AuditEvent
from .two_factor import uses_two_factor

KEYWORDS = (b"bearer", b"token")


class ApiTokenAuthentication(BaseAuthentication):
    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() not in KEYWORDS:
            return None
        if len(parts) != 2:
            raise exceptions.AuthenticationFailed(_("Invalid token header: give the token after the keyword."))
        try:
            secret = parts[1].decode("ascii")
        except UnicodeError:
            raise exceptions.AuthenticationFailed(_("Invalid token.")) from None
        token = (
            ApiToken.objects.select_related("user").filter(digest=tokens.digest(secret)).first()
            if tokens.looks_like_token(secret)
            else None
        )
        if token is None or not token.is_active() or not token.user.is_active:
            from .throttles import RefusedTokenThrottle

            throttle = RefusedTokenThrottle()
            if not throttle.allow_request(request, None):
                raise exceptions.Throttled(wait=throttle.wait())
            services.audit_token_event(
                kind=AuditEvent.Kind.TOKEN_REFUSED, request=request, token=token, status_code=401
            )
            raise exceptions.AuthenticationFailed(_("Invalid, expired or revoked token."))
        if request.method not in SAFE_METHODS:
            raise exceptions.PermissionDenied(_("API tokens are read-only."))
        services.api_token_record_use(token=token, request=request)
        return (token.user, token)

    def authenticate_header(self, request) -> str:
        return 'Bearer realm="api"'


class VerifiedSessionAuthentication(SessionAuthentication):
    """The browser session (with DRF's CSRF check on writes), once the second factor is entered by
    those who use one: until then the API treats the request as anonymous (public data, or 401)
    instead of redirecting it to the code page as TwoFactorMiddleware does for pages."""

    def authenticate(self, request):
        user = getattr(request._request, "user", None)
        if user is not None and user.is_authenticated and not user.is_verified() and uses_two_factor(user):
            return None
        return super().authenticate(request)


class VerifiedSessionScheme(OpenApiAuthenticationExtension):
    target_class = "accounts.authentication.VerifiedSessionAuthentication"
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        from django.conf import settings

        return {
            "type": "apiKey",
            "in": "cookie",
            "name": settings.SESSION_COOKIE_NAME,
            "description": "The session of a person signed in with the browser (and their second factor, if used).",
        }


class ApiTokenScheme(OpenApiAuthenticationExtension):
    target_class = "accounts.authentication.ApiTokenAuthentication"
    name = "bearerAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": (
                "A personal API token, created on your profile page (shown once). Read-only; "
                "`Authorization: Token <token>` is accepted too."
            ),
        }
