from core.panels import collect_nav

from . import roles as role_checks


def roles(request):
    if not hasattr(request, "user"):  # an error page for a request refused before authentication (a bad Host)
        return {"is_isu": False, "is_committee": False, "my_state_id": None, "nav_items": [], "isu_nav_items": []}
    user = request.user
    return {
        "is_isu": role_checks.is_isu(user),
        "is_committee": role_checks.is_committee(user),
        "my_state_id": role_checks.own_state_id(user),
        **collect_nav(request),
    }
