"""Role checks shared by every app's permissions module."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from .models import User


def is_isu(user: User | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_isu)


def is_committee(user: User | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_committee)


def delegate_state_id(user: User | AnonymousUser) -> int | None:
    """The State a delegate acts for, or None for anyone who is not a delegate."""
    if user.is_authenticated and user.is_delegate:
        return user.state_id
    return None


def require_isu(user: User | AnonymousUser) -> None:
    if not is_isu(user):
        raise PermissionDenied


def require_committee(user: User | AnonymousUser) -> None:
    if not is_committee(user):
        raise PermissionDenied
