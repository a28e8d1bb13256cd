"""Writes for people: one's own profile, inviting and deactivating delegates; personal API tokens."""

import datetime

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _

from core.services import Update, apply_changes
from states.models import State

from . import emails, tokens
from .audit import audit_record, client_ip
from .models import STATE_ROLES, ApiToken, AuditEvent, Role, User


def invitation_link(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("accounts:accept_invite", kwargs={"uidb64": uid, "token": token})


@transaction.atomic
def delegate_invite(
    *,
    email: str,
    state: State,
    first_name: str = "",
    last_name: str = "",
    preferred_language: str = "en",
    role: str = Role.DELEGATE,
    by: User,
) -> User:
    """Create (or re-activate) a delegate of `state`, or a read-only user of it (`role=Role.READER`),
    and e-mail a one-time link to set a password.

    The link stops working once used (the token depends on the password) and after
    PASSWORD_RESET_TIMEOUT seconds.
    """
    if role not in STATE_ROLES:
        raise ValidationError({"role": _("Choose delegate or read-only access.")})
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None and user.is_active and user.has_usable_password():
        if user.role != role or user.state_id != state.pk:
            raise ValidationError({"email": _("This e-mail address already belongs to another account.")})
        if role == Role.READER:
            raise ValidationError(
                {"email": _("This person already has read-only access to %(state)s.") % {"state": state}}
            )
        raise ValidationError(
            {"email": _("This person is already an active delegate of %(state)s.") % {"state": state}}
        )
    if user is None:
        user = User(username=email, email=email)
    user.first_name, user.last_name = first_name, last_name
    user.role, user.state, user.preferred_language = role, state, preferred_language
    user.is_active, user.deactivated_at = True, None
    user.set_unusable_password()
    user.save()
    link = invitation_link(user)
    transaction.on_commit(lambda: emails.send_invitation(user=user, link=link, invited_by=by))
    return user


@transaction.atomic
def user_deactivate(*, user: User, by: User) -> User:
    """Deactivate an account and end its sessions at once.

    An inactive user is rejected by the authentication backend on the next request, and the
    unusable password changes the session hash, so every open session ends; their API tokens
    are revoked.
    """
    user.is_active = False
    user.deactivated_at = timezone.now()
    user.set_unusable_password()
    user.save(update_fields=["is_active", "deactivated_at", "password"])
    for token in ApiToken.objects.filter(user=user, revoked_at__isnull=True).select_related("user"):
        api_token_revoke(token=token, by=by)
    return user


def audit_action(*, kind: str, by: User | None, detail: str, request=None) -> None:
    """One audit-log line about something a person did (e.g. the ISU recalling a report version)."""
    audit_record(kind=kind, request=request, user=by, detail=detail)


def audit_token_event(*, kind: str, token: ApiToken | None, request=None, by=None, status_code: int | None = None):
    """One audit-log line about an API token: who (owner, or `by` when someone else acts) and which token."""
    owner = token.user if token is not None else None
    detail = f"{token.prefix}… #{token.pk} «{token.name}»" if token is not None else ""
    if by is not None and owner is not None and by.pk != owner.pk:
        detail += f" of {owner.get_username()}"
    audit_record(kind=kind, request=request, user=by or owner, status_code=status_code, detail=detail)


@transaction.atomic
def api_token_create(*, user: User, name: str, days: int, request=None) -> tuple[ApiToken, str]:
    """Create a read-only API token valid for `days` (1 to API_TOKEN_MAX_DAYS) and return it with
    its secret, which is not stored and cannot be shown again."""
    if not 0 < days <= settings.API_TOKEN_MAX_DAYS:
        raise ValidationError(
            {"days": _("A token lives at most %(days)d days.") % {"days": settings.API_TOKEN_MAX_DAYS}}
        )
    User.objects.select_for_update().filter(pk=user.pk).first()  # one creation at a time per user
    if ApiToken.objects.filter(user=user).active().count() >= settings.API_TOKEN_MAX_PER_USER:
        raise ValidationError(
            _("You already have %(count)d active tokens: revoke one you no longer use first.")
            % {"count": settings.API_TOKEN_MAX_PER_USER}
        )
    secret = tokens.new_secret()
    token = ApiToken.objects.create(
        user=user,
        name=name.strip(),
        prefix=tokens.shown_prefix(secret),
        digest=tokens.digest(secret),
        expires_at=timezone.now() + datetime.timedelta(days=days),
    )
    audit_token_event(kind=AuditEvent.Kind.TOKEN_CREATED, token=token, request=request)
    return token, secret


@transaction.atomic
def api_token_revoke(*, token: ApiToken, by: User, request=None) -> bool:
    """Revoke a token at once; False when it was already revoked (nothing changed)."""
    changed = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now(), revoked_by=by
    )
    if changed:
        token.refresh_from_db(fields=["revoked_at", "revoked_by"])
        audit_token_event(kind=AuditEvent.Kind.TOKEN_REVOKED, token=token, request=request, by=by)
    return bool(changed)


def api_token_record_use(*, token: ApiToken, request) -> None:
    """Keep the token's last use (written at most once a minute) and audit its first use, a use
    from a new address, and otherwise at most one use an hour."""
    now = timezone.now()
    ip = client_ip(request)
    last = token.last_used_at
    if last is not None and now - last < datetime.timedelta(seconds=60) and ip == token.last_used_ip:
        return
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now, last_used_ip=ip)
    if last is None or ip != token.last_used_ip or now - last >= datetime.timedelta(hours=1):
        audit_token_event(kind=AuditEvent.Kind.TOKEN_USED, token=token, request=request)
    token.last_used_at, token.last_used_ip = now, ip


PROFILE_FIELDS = ("first_name", "last_name", "title", "phone", "preferred_language")


@transaction.atomic
def user_profile_update(*, user: User, **fields) -> Update[User]:
    """A person's own name, title, phone and language; only what differs from the stored row is written."""
    unknown = set(fields) - set(PROFILE_FIELDS)
    if unknown:
        raise TypeError(f"user_profile_update() got unexpected fields {sorted(unknown)}")
    changed = apply_changes(user, fields)
    if changed:
        user.save(update_fields=changed)
    return Update(user, tuple(changed))
