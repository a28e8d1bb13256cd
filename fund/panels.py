"""The Fund's contributions to shared pages: a State's page, "My State", the dashboard, the navigation."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.roles import delegate_state_id, is_committee, is_isu, own_state_id
from core.dates import days_until
from core.panels import NavItem, Panel

from . import selectors
from .models import Application, Status


def state_page(request, state, private: bool) -> Panel | None:
    """The State's applications, for its delegates and the committee (applications are not public)."""
    if not private:
        return None
    applications = list(selectors.application_list(queryset=Application.objects.for_state(state.pk)))
    return Panel(
        template="fund/panels/state_page.html",
        context={
            "state": state,
            "applications": applications,
            "can_apply": delegate_state_id(request.user) == state.pk,
        },
        order=50,
    )


def my_state(request, state) -> Panel | None:
    """Applications waiting for the delegate: a draft to submit, a revision, a final report."""
    today = timezone.localdate()
    waiting = []
    qs = Application.objects.for_state(state.pk).filter(
        status__in=[Status.DRAFT, Status.REVISION_REQUESTED, Status.APPROVED, Status.DISBURSED]
    )
    for application in qs.order_by("final_report_due", "created_at"):
        if application.status in (Status.APPROVED, Status.DISBURSED):
            if not application.report_owed:
                continue
            days = days_until(application.final_report_due, today)
            waiting.append(
                {"application": application, "kind": "report", "days": days, "late": days < 0, "late_days": -days}
            )
        else:
            waiting.append({"application": application, "kind": application.status, "days": None, "late": False})
    if not waiting:
        return None
    urgent = any(w["late"] or (w["days"] is not None and w["days"] <= 30) for w in waiting)
    return Panel(
        template="fund/panels/my_state.html",
        context={"waiting": waiting, "can_act": delegate_state_id(request.user) == state.pk},
        order=20 if urgent else 50,
    )


def dashboard(request, year: int) -> Panel | None:
    """The Fund's figures for the chair: balance per currency, applications by status, commitments."""
    if not is_committee(request.user):
        return None
    return Panel(
        template="fund/panels/dashboard.html",
        context={
            "year": year,
            "balances": selectors.fund_balances(),
            "by_status": [
                row
                for row in selectors.applications_by_status(queryset=Application.objects.filter(created_at__year=year))
                if row[2]
            ],
        },
        order=60,
    )


def nav_items(request) -> list[NavItem]:
    if is_committee(request.user):
        items = [NavItem(label=_("Fund"), url=reverse("fund:overview"), order=50)]
        if is_isu(request.user):
            items += [
                NavItem(
                    label=_("Fund: record a contribution"),
                    url=reverse("fund:contribution_add"),
                    section="isu",
                    order=50,
                ),
                NavItem(label=_("Fund: terms of reference"), url=reverse("fund:terms_list"), section="isu", order=51),
            ]
        return items
    if own_state_id(request.user) is not None:
        return [NavItem(label=_("Fund applications"), url=reverse("fund:application_list"), order=50)]
    return []
