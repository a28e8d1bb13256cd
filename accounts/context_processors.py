from core.panels import collect_nav

from . import roles as role_checks


def roles(request):
    user = request.user
    return {
        "is_isu": role_checks.is_isu(user),
        "is_committee": role_checks.is_committee(user),
        "my_state_id": role_checks.delegate_state_id(user),
        **collect_nav(request),
    }
