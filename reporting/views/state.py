"""A State's own pages: its reports, and the overview of one year's report."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from accounts.roles import is_committee, is_isu
from states.models import State

from .. import permissions, selectors, services
from ..documents import receipt
from ..forms import StartForm


@login_required
def my_reports(request):
    """A delegate's (or a State's read-only user's) reports, current cycle first (the committee goes to the inbox)."""
    if not request.user.is_state_user:
        if is_committee(request.user):
            return redirect("reporting:inbox")
        raise PermissionDenied
    state = State.objects.prefetch_related("memberships").get(pk=request.user.state_id)
    return redirect("reporting:state_reports", iso3=state.iso3)


@login_required
def state_reports(request, iso3: str):
    state = permissions.get_state_for_user(request.user, iso3, private=True)
    current = selectors.state_current_cycle(state)
    current_row = selectors.state_cycle_row(state=state, cycle=current)
    reports = [r for r in selectors.state_reports(state=state, include_drafts=True) if r.cycle.year != current.year]
    return render(
        request,
        "reporting/state_reports.html",
        {
            "state": state,
            "current": current,
            "current_row": current_row,
            "reports": reports,
            "can_write": permissions.can_write(request.user, state),
            "start_form": StartForm(),
            "has_previous": selectors.last_submitted_version(state=state, before_year=current.year) is not None,
        },
    )


@login_required
def report_overview(request, iso3: str, year: int):
    """A report's private page: status, receipt, versions, history (ISU), the ISU's internal remarks
    (ISU and committee), and what the State can do next."""
    state = permissions.get_state_for_user(request.user, iso3, private=True)
    cycle = selectors.cycle_for_year(year)
    row = selectors.state_cycle_row(state=state, cycle=cycle)
    report = row.report
    context = {
        "state": state,
        "cycle": cycle,
        "row": row,
        "report": report,
        "period": selectors.reporting_period(state, cycle) if row.status != "not_required" else None,
        "can_write": permissions.can_write(request.user, state),
        "can_open_editor": permissions.can_open_editor(request.user, state),
        "start_form": StartForm(),
        "has_previous": selectors.last_submitted_version(state=state, before_year=year) is not None,
    }
    if report is not None:
        checks = services.report_check(report=report)
        versions = selectors.report_versions(report)
        context |= {
            "checks": checks,
            "done": sum(1 for c in checks if c.is_done),
            "versions": versions,
            "first_version": next((v for v in versions if not v.is_recalled), None),
            "receipt": receipt(report) if report.is_submitted else None,
        }
        if is_committee(request.user):
            reviews = selectors.section_reviews(report)
            context["reviews"] = [(c.section, reviews.get(c.section.key)) for c in checks]
            context["n_reviews"] = len(reviews)
        if is_isu(request.user):
            context["history"] = selectors.report_history(report)
    return render(request, "reporting/report_overview.html", context)
