"""The ISU's review of a report: recalling and reinstating submitted versions, internal remarks per section."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import add_service_errors
from core.messages import saved_or_unchanged

from .. import permissions, selectors, services
from ..forms import RecallForm, SectionRemarksForm
from ..models import ReportVersion, SectionReview
from ..sections import SECTION_BY_KEY
from .public import versions_context


def _version(report, number: int) -> ReportVersion:
    return get_object_or_404(ReportVersion.objects.select_related("report"), report=report, number=number)


def _versions_url(report) -> str:
    return reverse("reporting:versions", args=[report.state.iso3, report.cycle.year])


@login_required
@require_POST
def report_version_recall(request, iso3: str, year: int, number: int):
    """ISU: recall a submitted version, with the reason (confirmed in the page before it is sent)."""
    report = permissions.get_report_for_isu(request.user, iso3, year)
    version = _version(report, number)
    form = RecallForm(request.POST)
    if form.is_valid():
        try:
            changed = services.report_version_recall(
                version=version, by=request.user, reason=form.cleaned_data["reason"], request=request
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            report.refresh_from_db()
            if report.current_version_id:
                said = _("Version %(n)s recalled: it is no longer public. Version %(current)s is current again.") % {
                    "n": number,
                    "current": report.current_version.number,
                }
            else:
                said = _("Version %(n)s recalled: no version is public now, the report is a draft again.") % {
                    "n": number
                }
            saved_or_unchanged(request, changed, said)  # recalled already: "No change"
            return redirect(_versions_url(report))
    context = versions_context(request, report, recall_form=form, recalling=number)
    return render(request, "reporting/versions.html", context, status=400)


@login_required
@require_POST
def report_version_reinstate(request, iso3: str, year: int, number: int):
    """ISU: make a recalled version public again (current if it is the latest one not recalled)."""
    report = permissions.get_report_for_isu(request.user, iso3, year)
    version = _version(report, number)
    changed = services.report_version_reinstate(version=version, by=request.user, request=request)
    report.refresh_from_db()
    if report.current_version_id == version.pk:
        said = _("Version %(n)s reinstated: it is public and current again.") % {"n": number}
    else:
        said = _("Version %(n)s reinstated: it is public again; version %(current)s stays current.") % {
            "n": number,
            "current": report.current_version.number,
        }
    saved_or_unchanged(request, changed, said)  # not recalled: "No change"
    return redirect(_versions_url(report))


@login_required
def section_remarks(request, iso3: str, year: int, section: str):
    """ISU: the internal remarks on one section of a report (never public, never shown to the State)."""
    report = permissions.get_report_for_isu(request.user, iso3, year)
    section_def = SECTION_BY_KEY.get(section)
    if section_def is None:
        raise Http404
    stored = selectors.section_review(report, section) or SectionReview(report=report, section_key=section)
    # Bound to a copy: the service compares what was typed with the stored row.
    form = SectionRemarksForm(request.POST or None, instance=SectionReview(isu_remarks=stored.isu_remarks))
    if request.method == "POST" and form.is_valid():
        try:
            update = services.section_review_save(
                report=report, section_key=section, isu_remarks=form.cleaned_data["isu_remarks"], by=request.user
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(
                request, update.changed, _("ISU remarks on %(section)s saved.") % {"section": section_def.title}
            )
            target = request.POST.get("next") or ""
            if target == "edit" and report.is_editable:
                return redirect(f"{reverse('reporting:edit', args=[iso3.upper(), year])}?section={section}")
            return redirect(f"{reverse('reporting:overview', args=[iso3.upper(), year])}#isu-remarks")
    return render(
        request,
        "reporting/section_remarks.html",
        {
            "report": report,
            "section": section_def,
            "review": stored,
            "form": form,
            "next": request.GET.get("next") or request.POST.get("next") or "",
            "row": selectors.state_cycle_row(state=report.state, cycle=report.cycle),
        },
    )
