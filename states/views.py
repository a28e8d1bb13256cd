from django.core.paginator import Paginator
from django.shortcuts import render

from core.panels import collect

from . import permissions
from .filters import StateFilter
from .models import State


def state_list(request):
    qs = State.objects.prefetch_related("memberships").order_by("name_en")
    state_filter = StateFilter(request.GET or None, queryset=qs)
    states = state_filter.qs if state_filter.is_bound and state_filter.is_valid() else qs
    page = Paginator(states, 200).get_page(request.GET.get("page"))
    return render(
        request, "states/state_list.html", {"filter": state_filter, "page": page, "count": page.paginator.count}
    )


def state_detail(request, iso3: str):
    state = permissions.get_state_for_user(request.user, iso3)
    can_see_private = permissions.can_see_private(request.user, state)
    panels = collect("state_page", request=request, state=state, private=can_see_private)
    return render(
        request,
        "states/state_detail.html",
        {"state": state, "can_see_private": can_see_private, "panels": panels},
    )
