from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, get_supported_language_variant
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import is_committee, is_isu, require_committee, require_isu
from core import ratelimit
from core.converters import year_from_query
from core.forms import add_service_errors
from core.messages import saved_or_unchanged
from core.net import client_ip
from core.text import strip_tree, warn_removed
from core.uploads import serve_file
from states.models import State

from .. import pdf, permissions, selectors, services
from ..documents import diff_versions, document_sections, key_figures, receipt
from ..forms import (
    CompareForm,
    CycleCreateForm,
    CycleDeadlineForm,
    ExtensionForm,
    InboxFilterForm,
    RecordReceivedForm,
    StartForm,
)
from ..models import CycleStatus, Report, ReportingCycle, ReportState
from ..sections import (
    SECTION_BY_KEY,
    SECTIONS,
    Mode,
    SectionState,
    bound_forms,
    path_labels,
    raw_from_post,
    section_raw,
)

# --- public ---------------------------------------------------------------------------------------


def public_list(request):
    """Submitted reports of a year: public documents."""
    years = list(ReportingCycle.objects.order_by("-year").values_list("year", flat=True))
    current = selectors.current_cycle_year()
    year = year_from_query(request.GET.get("year")) or next((y for y in years if y <= current), current)
    reports = (
        Report.objects.for_cycle(year)
        .submitted()
        .select_related("state", "cycle", "current_version")
        .defer("draft_data", "current_version__content")
        .order_by("state__name_en")
    )
    return render(request, "reporting/public_list.html", {"year": year, "years": years, "reports": reports})


def public_report(request, iso3: str, year: int, number: int | None = None):
    """A submitted report (its current version, or an earlier one): read-only, for anyone."""
    report = permissions.get_report_for_user(request.user, iso3, year)
    if not report.is_submitted:
        raise Http404
    if number is None:
        version = report.current_version
    else:
        version = permissions.get_version_for_user(request.user, iso3, year, number)
    versions = list(report.versions.order_by("number").only("number", "submitted_at", "received_on", "source"))
    return render(
        request,
        "reporting/public_report.html",
        {
            "report": report,
            "version": version,
            "versions": versions,
            "sections": document_sections(version.content),
            "key_figures": key_figures(version),
            "receipt": receipt(report),
            "can_see_private": permissions.can_see_private(request.user, report.state),
        },
    )


def _document_context(request, iso3: str, year: int, number: int) -> dict:
    return pdf.document_context(permissions.get_version_for_user(request.user, iso3, year, number))


def version_print(request, iso3: str, year: int, number: int):
    return render(request, "reporting/print.html", _document_context(request, iso3, year, number) | {"screen": True})


def version_pdf(request, iso3: str, year: int, number: int):
    """A public document: rendered once per version and language, then served from storage;
    throttled per client (each first rendering takes seconds)."""
    if not ratelimit.hit("public-pdf", client_ip(request), settings.PUBLIC_PDF_RATE):
        return ratelimit.too_many_requests(request, settings.PUBLIC_PDF_RATE)
    version = permissions.get_version_for_user(request.user, iso3, year, number)
    language = get_supported_language_variant(get_language() or settings.LANGUAGE_CODE)
    name = pdf.version_pdf_stored(version, language)
    filename = f"article7-{iso3.upper()}-{year}-v{number}-{language}.pdf"
    response = FileResponse(default_storage.open(name, "rb"), filename=filename, content_type="application/pdf")
    response["X-Content-Type-Options"] = "nosniff"
    return response


def version_document(request, iso3: str, year: int, number: int):
    """The document the State sent by e-mail (recorded by the ISU)."""
    version = permissions.get_version_for_user(request.user, iso3, year, number)
    if not version.document:
        raise Http404
    return serve_file(version.document, download_name=f"article7-{iso3.upper()}-{year}-v{number}-received")


def versions_compare(request, iso3: str, year: int):
    """The list of submitted versions; pick two to see what changed, section by section."""
    report = permissions.get_report_for_user(request.user, iso3, year)
    versions = selectors.report_versions(report)
    if not versions:
        raise Http404
    form = CompareForm(request.GET or None)
    diff = None
    old = new = None
    if len(versions) > 1:
        by_number = {v.number: v for v in versions}
        if form.is_bound and form.is_valid():
            old, new = by_number.get(form.cleaned_data["a"]), by_number.get(form.cleaned_data["b"])
            if old is None or new is None:
                form.add_error(None, _("Choose two versions of this report."))
        else:
            old, new = versions[-2], versions[-1]
        if old is not None and new is not None:
            diff = diff_versions(old, new)
    return render(
        request,
        "reporting/versions.html",
        {"report": report, "versions": versions, "form": form, "diff": diff, "old": old, "new": new},
    )


# --- the State's private pages ----------------------------------------------------------------------


@login_required
def my_reports(request):
    """A delegate's reports, current cycle first (the committee goes to the inbox)."""
    if not request.user.is_delegate:
        if is_committee(request.user):
            return redirect("reporting:inbox")
        raise PermissionDenied
    state = State.objects.prefetch_related("memberships").get(pk=request.user.state_id)
    return redirect("reporting:state_reports", iso3=state.iso3)


@login_required
def state_reports(request, iso3: str):
    state = permissions.get_state_for_user(request.user, iso3, private=True)
    current = selectors.current_cycle()
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
    """A report's private page: status, receipt, versions, history (ISU), and what the State can do next."""
    state = permissions.get_state_for_user(request.user, iso3, private=True)
    cycle = selectors.cycle_for_year(year)
    row = selectors.state_cycle_row(state=state, cycle=cycle)
    report = row.report
    context = {
        "state": state,
        "cycle": cycle,
        "row": row,
        "report": report,
        "can_write": permissions.can_write(request.user, state),
        "start_form": StartForm(),
        "has_previous": selectors.last_submitted_version(state=state, before_year=year) is not None,
    }
    if report is not None:
        checks = services.report_check(report=report)
        context |= {
            "checks": checks,
            "done": sum(1 for c in checks if c.is_done),
            "versions": selectors.report_versions(report),
            "receipt": receipt(report) if report.is_submitted else None,
        }
        if is_isu(request.user):
            context["history"] = selectors.report_history(report)
    return render(request, "reporting/report_overview.html", context)


@login_required
@require_POST
def report_start(request, iso3: str, year: int):
    state = permissions.get_state_for_user(request.user, iso3, write=True)
    cycle = permissions.get_cycle_to_start(state, year)
    form = StartForm(request.POST)
    prefill = form.cleaned_data["prefill"] if form.is_valid() else False
    already = Report.objects.filter(state=state, cycle=cycle).exists()
    try:
        report = services.report_start(state=state, cycle=cycle, by=request.user, prefill_from_last_year=prefill)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("reporting:overview", iso3=state.iso3, year=year)
    if already:  # starting twice changes nothing
        messages.info(request, _("This report was already started; nothing changed."))
    elif report.prefilled_from_id:
        messages.success(request, _("Report started from last year's submitted report. Check and update each section."))
    else:
        messages.success(request, _("Report started."))
    return redirect("reporting:edit", iso3=state.iso3, year=year)


def _editor_context(request, report, section, raw, form_kwargs, *, form=None, formset=None, checks=None):
    if form is None:
        form, formset = bound_forms(section, raw, strict=False, form_kwargs=form_kwargs)
        form.is_valid()
        if formset is not None:
            formset.is_valid()
    checks = checks if checks is not None else services.report_check(report=report, form_kwargs=form_kwargs)
    index = [s.key for s in SECTIONS].index(section.key)
    row = selectors.state_cycle_row(state=report.state, cycle=report.cycle)
    return {
        "report": report,
        "row": row,
        "section": section,
        "mode": raw["mode"],
        "modes": Mode.CHOICES,
        "form": form,
        "formset": formset,
        "checks": checks,
        "done": sum(1 for c in checks if c.is_done),
        "previous_section": SECTIONS[index - 1] if index > 0 else None,
        "next_section": SECTIONS[index + 1] if index + 1 < len(SECTIONS) else None,
        "section_states": SectionState.LABELS,
        "section_check": next(c for c in checks if c.section.key == section.key),
    }


@login_required
def report_edit(request, iso3: str, year: int):
    """The editor: one section at a time, saved as typed (valid or not), with a side list of sections."""
    report = permissions.get_report_for_user(request.user, iso3, year, write=True)
    if not report.is_editable:
        messages.info(request, _("This report is submitted and read-only. Amend it to make changes."))
        return redirect("reporting:overview", iso3=report.state.iso3, year=year)
    key = request.POST.get("section") or request.GET.get("section") or SECTIONS[0].key
    section = SECTION_BY_KEY.get(key)
    if section is None:
        raise Http404
    form_kwargs = selectors.editor_form_kwargs()
    if request.method == "POST":
        raw, stripped = strip_tree(raw_from_post(section, request.POST, form_kwargs))
        try:
            token = int(request.POST.get("token", ""))
        except ValueError:
            token = 0
        try:
            update = services.report_save_draft(
                report=report, data={section.key: raw}, by=request.user, expected_version_token=token
            )
        except services.StaleDraftError as exc:
            # Keep everything the user typed on screen, show what the other person changed, and let
            # them save again deliberately (with the current revision).
            report.refresh_from_db()
            context = _editor_context(request, report, section, raw, form_kwargs)
            context["stale"] = exc
            context["mode"] = raw["mode"]
            return render(request, "reporting/edit.html", context, status=409)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("reporting:overview", iso3=report.state.iso3, year=year)
        saved_or_unchanged(
            request, update.changed, _("Saved at %(time)s.") % {"time": timezone.localtime().strftime("%H:%M")}
        )
        warn_removed(request, path_labels(section, stripped))
        target = section.key
        action = request.POST.get("action")
        if action == "next":
            index = [s.key for s in SECTIONS].index(section.key)
            if index + 1 < len(SECTIONS):
                target = SECTIONS[index + 1].key
        elif action == "check":
            return redirect("reporting:submit", iso3=report.state.iso3, year=year)
        return redirect(f"{reverse('reporting:edit', args=[report.state.iso3, year])}?section={target}")
    raw = section_raw(report.draft_data, section.key)
    return render(request, "reporting/edit.html", _editor_context(request, report, section, raw, form_kwargs))


@login_required
def report_submit(request, iso3: str, year: int):
    """GET: the check (every problem, each a link to its field) and the confirmation. POST: submit."""
    report = permissions.get_report_for_user(request.user, iso3, year, write=True)
    if not report.is_editable:
        return redirect("reporting:overview", iso3=report.state.iso3, year=year)
    checks = services.report_check(report=report)
    problems = services.report_problems(checks)
    if request.method == "POST" and not problems:
        try:
            version = services.report_submit(report=report, by=request.user)
        except services.ReportNotReady as exc:
            problems = exc.problems
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("reporting:overview", iso3=report.state.iso3, year=year)
        else:
            report.refresh_from_db()
            if version.number > 1:
                messages.success(
                    request, _("Amendment submitted: version %(n)s is now public.") % {"n": version.number}
                )
            elif report.is_late:
                messages.warning(request, _("Report submitted, after the deadline. It is now public."))
            else:
                messages.success(request, _("Report submitted on time. It is now public. Thank you."))
            return redirect("reporting:overview", iso3=report.state.iso3, year=year)
    row = selectors.state_cycle_row(state=report.state, cycle=report.cycle)
    return render(
        request,
        "reporting/submit.html",
        {
            "report": report,
            "row": row,
            "problems": problems,
            "checks": checks,
            "done": sum(1 for c in checks if c.is_done),
        },
        status=200 if request.method == "GET" or not problems else 400,
    )


@login_required
@require_POST
def report_amend(request, iso3: str, year: int):
    report = permissions.get_report_for_user(request.user, iso3, year, write=True)
    already = report.workflow == ReportState.AMENDING  # amending twice changes nothing
    try:
        services.report_amend(report=report, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("reporting:overview", iso3=report.state.iso3, year=year)
    saved_or_unchanged(
        request,
        not already,
        _("Amendment started from version %(n)s, which stays public until you submit the new one.")
        % {"n": report.current_version.number},
    )
    return redirect("reporting:edit", iso3=report.state.iso3, year=year)


@login_required
@require_POST
def report_amend_discard(request, iso3: str, year: int):
    report = permissions.get_report_for_user(request.user, iso3, year, write=True)
    try:
        services.report_amend_discard(report=report, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Amendment discarded; the submitted version is unchanged."))
    return redirect("reporting:overview", iso3=report.state.iso3, year=year)


# --- ISU and committee ----------------------------------------------------------------------------------


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
def record_received(request):
    """ISU: record a report a State sent by e-mail (document, date received, optional figures)."""
    require_isu(request.user)
    initial = {"year": request.GET.get("year") or selectors.current_cycle_year()}
    if request.GET.get("state"):
        initial["state"] = State.objects.filter(iso3=request.GET["state"].upper()).first()
    form = RecordReceivedForm(request.POST or None, request.FILES or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        cycle = permissions.get_cycle(d["year"])  # the form accepts only the years of open cycles
        try:
            version = services.report_record_received(
                state=d["state"],
                cycle=cycle,
                document=d["document"],
                received_on=d["received_on"],
                by=request.user,
                data=form.figures(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            report = version.report
            messages.success(
                request,
                _("Report of %(state)s on %(year)s recorded as received on %(date)s (%(status)s).")
                % {
                    "state": d["state"],
                    "year": d["year"],
                    "date": date_format(d["received_on"]),
                    "status": report.get_cycle_status_display(),
                },
            )
            return redirect("reporting:overview", iso3=d["state"].iso3, year=d["year"])
    return render(request, "reporting/record_received.html", {"form": form})


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
                changed = services.cycle_update(
                    cycle=cycle,
                    deadline=deadline_form.cleaned_data["deadline"],
                    note=deadline_form.cleaned_data["note"],
                    by=request.user,
                )
            except ValidationError as exc:
                add_service_errors(deadline_form, exc)
            else:
                saved_or_unchanged(request, changed, _("Deadline and note saved."))
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
