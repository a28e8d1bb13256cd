"""Reporting's contributions to shared pages: a delegate's home, a State's page, the menus."""

from django.urls import reverse
from django.utils.translation import gettext as _

from accounts.roles import is_committee, is_isu
from core.panels import NavItem, Panel

from . import permissions, selectors, services


def my_state(request, state):
    """This year's report: due date, days left, sections done, and the button to continue."""
    cycle = selectors.state_current_cycle(state)
    row = selectors.state_cycle_row(state=state, cycle=cycle)
    if row.status == "not_required":
        return None
    done = total = 0
    if row.report is not None and row.report.is_editable:
        checks = services.report_check(report=row.report)
        done, total = sum(1 for c in checks if c.is_done), len(checks)
    past = [r for r in selectors.state_reports(state=state, include_drafts=True) if r.cycle.year != cycle.year][:5]
    days = row.days_left
    editing = row.report is not None and row.report.is_editable
    urgent = row.is_outstanding or editing
    return Panel(
        template="reporting/panels/my_state.html",
        context={
            "state": state,
            "cycle": cycle,
            "row": row,
            "done": done,
            "total": total,
            "past": past,
            "editing": editing,
            "can_write": permissions.can_write(request.user, state),
        },
        order=(days if days is not None else 0) if urgent else 500,
    )


def state_page(request, state, private):
    """Reports by year with their status; drafts only for those who may see the State's private data."""
    reports = selectors.state_reports(state=state, include_drafts=private)
    return Panel(
        template="reporting/panels/state_page.html",
        context={"state": state, "reports": reports, "private": private},
        order=20,
    )


def nav_items(request) -> list[NavItem]:
    user = request.user
    items = []
    if is_committee(user):
        items.append(NavItem(label=_("Reports"), url=reverse("reporting:inbox"), order=20))
    elif user.is_authenticated and user.is_state_user:
        items.append(NavItem(label=_("Our reports"), url=reverse("reporting:mine"), order=20))
    else:
        items.append(NavItem(label=_("Article 7 reports"), url=reverse("reporting:public_list"), order=20))
    if is_isu(user):
        items.append(NavItem(label=_("Reports inbox"), url=reverse("reporting:inbox"), section="isu", order=20))
        items.append(NavItem(label=_("Reporting cycles"), url=reverse("reporting:cycle_list"), section="isu", order=22))
    return items
