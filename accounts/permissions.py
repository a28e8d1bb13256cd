"""Access to people: ISU staff manage delegates; everyone manages their own profile and API tokens."""

from django.shortcuts import get_object_or_404

from accounts.roles import require_isu

from .models import ApiToken, User


def get_user_for_manager(user, pk: int) -> User:
    require_isu(user)
    return get_object_or_404(User, pk=pk)


def get_own_api_token(user, pk: int) -> ApiToken:
    """The user's own token; anyone else's answers 404, whoever asks (the ISU uses its own screen)."""
    return get_object_or_404(ApiToken, pk=pk, user_id=user.pk)


def get_api_token_for_isu(user, pk: int) -> ApiToken:
    require_isu(user)
    return get_object_or_404(ApiToken.objects.select_related("user"), pk=pk)
