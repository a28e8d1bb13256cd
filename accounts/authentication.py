"""API authentication by personal token: `Authorization: Bearer <token>` (or `Token <token>`).

A token acts as its owner for reading only (GET, HEAD, OPTIONS). People in a browser use their
session instead (DRF's SessionAuthentication, with its CSRF check); HTTP Basic is not accepted.
"""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, get_authorization_header
from rest_framework.permissions import SAFE_METHODS

from . import services, tokens
from .models import ApiToken, AuditEvent

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
