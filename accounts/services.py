"""Writes for people: one's own profile, inviting and deactivating delegates."""

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

from . import emails
from .models import Role, User


def invitation_link(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return settings.SITE_URL + reverse("accounts:accept_invite", kwargs={"uidb64": uid, "token": token})


@transaction.atomic
def delegate_invite(
    *, email: str, state: State, first_name: str = "", last_name: str = "", preferred_language: str = "en", by: User
) -> User:
    """Create (or re-activate) a delegate of `state` and e-mail a one-time link to set a password.

    The link stops working once used (the token depends on the password) and after
    PASSWORD_RESET_TIMEOUT seconds.
    """
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    if user is not None and user.is_active and user.has_usable_password():
        if user.role != Role.DELEGATE or user.state_id != state.pk:
            raise ValidationError({"email": _("This e-mail address already belongs to another account.")})
        raise ValidationError(
            {"email": _("This person is already an active delegate of %(state)s.") % {"state": state}}
        )
    if user is None:
        user = User(username=email, email=email)
    user.first_name, user.last_name = first_name, last_name
    user.role, user.state, user.preferred_language = Role.DELEGATE, state, preferred_language
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
    unusable password changes the session hash, so every open session ends.
    """
    user.is_active = False
    user.deactivated_at = timezone.now()
    user.set_unusable_password()
    user.save(update_fields=["is_active", "deactivated_at", "password"])
    return user


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
