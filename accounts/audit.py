"""Writes to the security audit log (accounts.AuditEvent)."""

from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from core.net import client_ip

from .models import AuditEvent


def audit_record(
    *, kind: str, request=None, user=None, username: str = "", status_code: int | None = None, detail: str = ""
) -> None:
    AuditEvent.objects.create(
        kind=kind,
        user=user if user is not None and user.is_authenticated else None,
        username=(username or (user.get_username() if user is not None and user.is_authenticated else ""))[:254],
        ip_address=client_ip(request),
        path=(request.get_full_path() if request is not None else "")[:500],
        status_code=status_code,
        detail=detail[:200],
    )


@receiver(user_logged_in)
def _on_login(sender, request, user, **kwargs):
    audit_record(kind=AuditEvent.Kind.LOGIN, request=request, user=user)


@receiver(user_logged_out)
def _on_logout(sender, request, user, **kwargs):
    audit_record(kind=AuditEvent.Kind.LOGOUT, request=request, user=user)


@receiver(user_login_failed)
def _on_login_failed(sender, credentials, request=None, **kwargs):
    audit_record(kind=AuditEvent.Kind.LOGIN_FAILED, request=request, username=credentials.get("username", ""))
