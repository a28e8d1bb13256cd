"""Role checks shared by every app's permissions module."""

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied

from .models import User


def is_isu(user: User | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_isu)


def is_committee(user: User | AnonymousUser) -> bool:
    return bool(user.is_authenticated and user.is_committee)


def delegate_state_id(user: User | AnonymousUser) -> int | None:
    """The State a delegate acts for (writes), or None for anyone who is not a delegate (a read-only
    user of a State included)."""
    if user.is_authenticated and user.is_delegate:
        return user.state_id
    return None


def own_state_id(user: User | AnonymousUser) -> int | None:
    """The State whose non-public data the user may read: a delegate's or a read-only user's; None for
    anyone else. Writing for the State needs `delegate_state_id`."""
    if user.is_authenticated and user.is_state_user:
        return user.state_id
    return None


def is_reader_of(user: User | AnonymousUser, state_id: int | None) -> bool:
    """A read-only user of this State: may read what its delegates read; any write answers 403."""
    return bool(state_id and user.is_authenticated and user.is_reader and user.state_id == state_id)


def require_isu(user: User | AnonymousUser) -> None:
    if not is_isu(user):
        raise PermissionDenied


def require_committee(user: User | AnonymousUser) -> None:
    if not is_committee(user):
        raise PermissionDenied
