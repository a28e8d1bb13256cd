"""The workplan's contributions to shared pages: the chair's dashboard and the navigation."""

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.roles import is_committee
from core.panels import NavItem, Panel

from .selectors import status_counts_for_year


def dashboard(request, year: int) -> Panel | None:
    if not is_committee(request.user):
        return None
    return Panel(
        template="workplan/panels/dashboard.html",
        context={"year": year, "rows": status_counts_for_year(year=year)},
        order=60,
    )


def nav_items(request) -> list[NavItem]:
    if not is_committee(request.user):
        return []
    return [NavItem(label=_("Gender workplan"), url=reverse("workplan:index"), order=60)]
