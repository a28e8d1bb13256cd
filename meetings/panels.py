"""Meetings' contributions to shared pages: a State's page, the chair's dashboard and the navigation."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import is_committee, is_isu
from core.panels import NavItem, Panel

from .selectors import dashboard_figures, state_story


def state_page(request, state, private: bool) -> Panel:
    """The State's story with the committee: a chair reads it before a bilateral meeting."""
    story = state_story(state=state, user=request.user, private=private)
    return Panel(
        template="meetings/panels/state_page.html",
        context={"story": story, "is_isu": is_isu(request.user)},
        order=30,
    )


def my_state(request, state) -> Panel | None:
    today = timezone.localdate()
    story = state_story(state=state, user=request.user, private=True, today=today)
    upcoming = [m for m in story.meetings if m.end_date >= today]
    if not (story.open_followups or upcoming):
        return None
    return Panel(
        template="meetings/panels/my_state.html",
        context={"story": story, "upcoming": upcoming},
        order=40 if story.overdue_followups else 60,
    )


def dashboard(request, year: int) -> Panel | None:
    if not is_committee(request.user):
        return None
    return Panel(template="meetings/panels/dashboard.html", context={"figures": dashboard_figures(year=year)}, order=40)


def nav_items(request) -> list[NavItem]:
    items = [
        NavItem(label=_("Meetings"), url=reverse("meetings:list"), order=30),
        NavItem(label=_("Priority actions"), url=reverse("meetings:priority_list"), order=36),
    ]
    if is_committee(request.user):
        items.append(NavItem(label=_("Follow-ups"), url=reverse("meetings:followup_list"), order=32))
        items.append(
            NavItem(label=_("Individualised approach"), url=reverse("meetings:ia_list"), section="isu", order=31)
        )
    if is_isu(request.user):
        items += [
            NavItem(label=_("Record a meeting"), url=reverse("meetings:create"), section="isu", order=30),
            NavItem(label=_("Plan bilateral meetings"), url=reverse("meetings:series_plan"), section="isu", order=30),
        ]
    return items
