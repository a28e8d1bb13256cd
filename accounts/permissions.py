"""Access to people: ISU staff manage delegates; everyone manages their own profile."""

from django.shortcuts import get_object_or_404

from accounts.roles import require_isu

from .models import User


def get_user_for_manager(user, pk: int) -> User:
    require_isu(user)
    return get_object_or_404(User, pk=pk)
