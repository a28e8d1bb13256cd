"""The ISU and the committee: the inbox, the compliance lists, the reporting cycles. (A report received
by e-mail or on paper is keyed in by the ISU in the State's editor: views/editor.py.)"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.roles import require_committee, require_isu
from core.converters import year_from_query
from core.forms import add_service_errors
from core.messages import saved_or_unchanged

from .. import permissions, selectors, services
from ..forms import (
    CycleCreateForm,
    CycleDeadlineForm,
    ExtensionForm,
    InboxFilterForm,
)
from ..models import CycleStatus, ReportingCycle


@login_required
def inbox(request):
    """All reports of a cycle with their status and flags; filters by status, region, profile."""
    require_committee(request.user)
    form = InboxFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    year = data.get("year") or selectors.current_cycle_year()
    all_rows = selectors.cycle_statuses(year=year)
    rows = selectors.reports_inbox(
        year=year, status=data.get("status", ""), region=data.get("region", ""), profile=data.get("profile", "")
    )
    counts = selectors.cycle_counts(all_rows)
    counts["amended"] = sum(1 for r in all_rows if r.amended)
    return render(
        request,
        "reporting/inbox.html",
        {
            "form": form,
            "year": year,
            "cycle": selectors.cycle_for_year(year),
            "rows": rows,
            "total": len(all_rows),
            "counts": counts,
            "statuses": [(s, CycleStatus(s).label, counts[s]) for s in selectors.STATUSES],
            "today": timezone.localdate(),
        },
    )


@login_required
def ca_without_gender(request):
    """States that report on cooperation and assistance but say nothing on gender, with contacts."""
    require_committee(request.user)
    year = year_from_query(request.GET.get("year")) or selectors.current_cycle_year()
    rows = selectors.states_with_ca_but_no_gender(year=year)
    return render(request, "reporting/ca_without_gender.html", {"rows": rows, "year": year})


@login_required
def compliance_csv(request):
    require_committee(request.user)
    year = year_from_query(request.GET.get("year")) or selectors.current_cycle_year()
    from ..compliance import write_compliance_csv

    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="article7-compliance-{year}.csv"'
    write_compliance_csv(response, year=year)
    return response


@login_required
def cycle_list(request):
    """ISU: the reporting cycles, and opening the cycle for a year (the yearly task opens the next one)."""
    require_isu(request.user)
    form = CycleCreateForm(request.POST or None, initial={"year": selectors.current_cycle_year() + 1})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            cycle, created = services.cycle_create(
                year=d["year"], deadline=d["deadline"], note=d["note"], by=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if created:
                messages.success(request, _("Reporting on %(year)s opened.") % {"year": cycle.year})
            else:
                messages.info(
                    request, _("No change: the reporting on %(year)s was already open.") % {"year": cycle.year}
                )
            return redirect("reporting:cycle_settings", year=cycle.year)
    return render(request, "reporting/cycle_list.html", {"form": form, "cycles": selectors.cycles_overview()})


@login_required
def cycle_settings(request, year: int):
    """ISU: the cycle's deadline and note, and the extensions granted to individual States."""
    require_isu(request.user)
    cycle = permissions.get_cycle(year)
    deadline_form = CycleDeadlineForm(instance=cycle, prefix="cycle")
    extension_form = ExtensionForm(prefix="ext")
    if request.method == "POST" and "cycle-deadline" in request.POST:
        # Bound to a copy: the service compares the typed values with the stored row.
        deadline_form = CycleDeadlineForm(
            request.POST, instance=ReportingCycle.objects.get(pk=cycle.pk), prefix="cycle"
        )
        if deadline_form.is_valid():
            try:
                update = services.cycle_update(
                    cycle=cycle,
                    deadline=deadline_form.cleaned_data["deadline"],
                    note=deadline_form.cleaned_data["note"],
                    online_tool_promoted_by=deadline_form.cleaned_data["online_tool_promoted_by"],
                    by=request.user,
                )
            except ValidationError as exc:
                add_service_errors(deadline_form, exc)
            else:
                saved_or_unchanged(request, update.changed, _("Deadline and note saved."))
                return redirect("reporting:cycle_settings", year=year)
    elif request.method == "POST":
        extension_form = ExtensionForm(request.POST, prefix="ext")
        if extension_form.is_valid():
            try:
                update = services.deadline_extension_grant(cycle=cycle, by=request.user, **extension_form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(extension_form, exc)
            else:
                saved_or_unchanged(request, update.changed, _("Extension recorded."))
                return redirect("reporting:cycle_settings", year=year)
    extensions = cycle.extensions.select_related("state", "granted_by").order_by("state__name_en")
    return render(
        request,
        "reporting/cycle_settings.html",
        {"cycle": cycle, "deadline_form": deadline_form, "extension_form": extension_form, "extensions": extensions},
    )
