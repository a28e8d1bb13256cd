"""Access to the dashboard: the committee (chair, members) and the ISU read it; nobody writes through it."""

from django.contrib.auth.models import AnonymousUser
from rest_framework.permissions import BasePermission

from accounts.models import User
from accounts.roles import is_committee, require_committee


def require_dashboard(user: User | AnonymousUser) -> None:
    """Raises PermissionDenied for delegates (anonymous visitors are sent to log in before this)."""
    require_committee(user)


class IsCommittee(BasePermission):
    """API: chair, members and ISU staff only."""

    def has_permission(self, request, view) -> bool:
        return is_committee(request.user)
