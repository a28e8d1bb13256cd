"""Writing a report: starting it, editing its sections, submitting it (the ISU keys in a report received by
e-mail or on paper in the same editor), amending a submitted one. A State's read-only users open the
editor and the check read-only."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import is_isu
from core.forms import add_service_errors
from core.messages import saved_or_unchanged
from core.text import strip_tree, warn_removed

from .. import permissions, selectors, services
from ..forms import ReceivedForm, StartForm
from ..models import Report, ReportState
from ..sections import (
    SECTION_BY_KEY,
    SECTIONS,
    Mode,
    SectionState,
    bound_forms,
    bound_tables,
    kept_row_indices,
    path_labels,
    raw_from_post,
    section_raw,
)
from ..tables import table_totals


@login_required
@require_POST
def report_start(request, iso3: str, year: int):
    state = permissions.get_state_for_user(request.user, iso3, write=True)
    cycle = permissions.get_cycle_to_start(state, year)
    form = StartForm(request.POST)
    prefill = form.cleaned_data["prefill"] if form.is_valid() else False
    already = cycle.pk is not None and Report.objects.filter(state=state, cycle=cycle).exists()
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


def _table_context(section, raw, upload_errors: dict | None = None) -> list[dict]:
    """Each table of the section bound to the draft, plus one empty row (adding a row needs no script),
    with its totals computed from the rows; a refused upload's message next to its row's field."""
    shown = dict(raw, tables={key: [*rows, {}] for key, rows in raw["tables"].items()})
    formsets = bound_tables(section, shown, strict=False)
    result = []
    for table in section.tables:
        formset = formsets[table.key]
        formset.is_valid()
        for (key, index, name), message in (upload_errors or {}).items():
            if key == table.key and index < len(formset.forms):
                formset.forms[index].add_error(name, message)
        rows = [f.cleaned_data for f in formset.forms if getattr(f, "cleaned_data", None)]
        result.append({"table": table, "formset": formset, "totals": table_totals(table, rows)})
    return result


def _editor_context(
    request, report, section, raw, form_kwargs, *, form=None, formset=None, checks=None, upload_errors=None
):
    if form is None:
        form, formset = bound_forms(section, raw, strict=False, form_kwargs=form_kwargs)
        form.is_valid()
        if formset is not None:
            formset.is_valid()
    since = selectors.unchanged_since(state=report.state, before_year=report.cycle.year).get(section.key)
    modes = [
        (
            value,
            _("Unchanged since the report on %(year)s") % {"year": since[0]}
            if value == Mode.NO_CHANGE and since
            else label,
        )
        for value, label in Mode.CHOICES
    ]
    checks = checks if checks is not None else services.report_check(report=report, form_kwargs=form_kwargs)
    index = [s.key for s in SECTIONS].index(section.key)
    row = selectors.state_cycle_row(state=report.state, cycle=report.cycle)
    can_write = permissions.can_write(request.user, report.state)
    return {
        "report": report,
        "can_write": can_write,
        "isu_review": selectors.section_review(report, section.key) if is_isu(request.user) else None,
        "row": row,
        "section": section,
        "mode": raw["mode"],
        "modes": modes if section.has_mode else [],
        "form": form,
        "formset": formset,
        "tables": _table_context(section, raw, upload_errors),
        "nothing_new": section.key == "cover"
        and bool(selectors.unchanged_since(state=report.state, before_year=report.cycle.year)),
        "checks": checks,
        "done": sum(1 for c in checks if c.is_done),
        "previous_section": SECTIONS[index - 1] if index > 0 else None,
        "next_section": SECTIONS[index + 1] if index + 1 < len(SECTIONS) else None,
        "section_states": SectionState.LABELS,
        "section_check": next(c for c in checks if c.section.key == section.key),
    }


def _store_uploads(request, report, section) -> tuple:
    """Each file chosen for a row's attachment (`<table>-<i>-photo_upload`), checked like every upload and
    stored: (the POST with each accepted file's id in its row, {(table, i, name): reason} for the refused)."""
    post = request.POST.copy()
    refused = {}
    for table in section.tables:
        for name in table.attachments:
            for key in list(post):
                if key.startswith(f"{table.key}-") and key.endswith(f"-{name}") and not post[key].isdigit():
                    post[key] = ""
            for field_name, upload in request.FILES.items():
                prefix, _sep, rest = field_name.partition("-")
                index, _sep, suffix = rest.partition("-")
                if prefix != table.key or suffix != f"{name}_upload" or not index.isdigit():
                    continue
                try:
                    attachment = services.report_attachment_add(report=report, upload=upload, by=request.user)
                except ValidationError as exc:
                    refused[(table.key, int(index), name)] = " ".join(exc.messages)
                else:
                    post[f"{table.key}-{index}-{name}"] = str(attachment.pk)
    return post, refused


@login_required
def report_edit(request, iso3: str, year: int):
    """The editor: one section at a time, saved as typed (valid or not), with a side list of sections;
    read-only (no save button, fields disabled) for the State's read-only users."""
    report = permissions.get_report_for_editor(request.user, iso3, year, write=request.method == "POST")
    if not report.is_editable:
        messages.info(request, _("This report is submitted and read-only. Amend it to make changes."))
        return redirect("reporting:overview", iso3=report.state.iso3, year=year)
    key = request.POST.get("section") or request.GET.get("section") or SECTIONS[0].key
    section = SECTION_BY_KEY.get(key)
    if section is None:
        raise Http404
    form_kwargs = selectors.editor_form_kwargs()
    if request.method == "POST":
        post, refused = _store_uploads(request, report, section)
        raw, stripped = strip_tree(raw_from_post(section, post, form_kwargs))
        if refused:
            # Save nothing: the page comes back with everything typed (and the files accepted) and the
            # reason next to each refused file.
            kept = kept_row_indices(section, post)
            errors = {
                (key, kept[key].index(index), name): message
                for (key, index, name), message in refused.items()
                if index in kept.get(key, [])
            }
            for (key, index, _name), message in refused.items():
                if index not in kept.get(key, []):
                    messages.error(request, message)
            context = _editor_context(request, report, section, raw, form_kwargs, upload_errors=errors)
            context["mode"] = raw["mode"]
            return render(request, "reporting/edit.html", context, status=400)
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
        if action == "nothing_new" and section.key == "cover":
            marked = services.report_mark_unchanged(
                report=update.obj, by=request.user, expected_version_token=update.obj.version_token
            )
            saved_or_unchanged(
                request,
                marked.changed,
                _("Every form reported before is marked unchanged since its last report: %(forms)s.")
                % {"forms": ", ".join(SECTION_BY_KEY[k].letter for k in marked.changed)},
            )
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
    """GET: the check (every problem, each a link to its field) and the confirmation. POST: submit.

    ISU staff submit on behalf of the State, saying how (web, e-mail, paper) and when the report was
    received, optionally with the document received; the State's read-only users see the check only."""
    report = permissions.get_report_for_editor(request.user, iso3, year, write=request.method == "POST")
    if not report.is_editable:
        if request.method == "POST":
            messages.error(request, _("This report is already submitted. Amend it to submit a new version."))
        return redirect("reporting:overview", iso3=report.state.iso3, year=year)
    checks = services.report_check(report=report)
    problems = services.report_problems(checks)
    keying_in = is_isu(request.user)
    received_form = None
    if keying_in:
        received_form = ReceivedForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and not problems and (received_form is None or received_form.is_valid()):
        received = {}
        if received_form is not None:
            d = received_form.cleaned_data
            received = {"channel": d["channel"], "received_on": d["received_on"], "document": d["document"]}
        try:
            version = services.report_submit(report=report, by=request.user, **received)
        except services.ReportNotReady as exc:
            problems = exc.problems
        except ValidationError as exc:
            if received_form is None:
                messages.error(request, " ".join(exc.messages))
                return redirect("reporting:overview", iso3=report.state.iso3, year=year)
            add_service_errors(received_form, exc)
        else:
            report.refresh_from_db()
            if version.keyed_in_by_isu:
                messages.success(
                    request,
                    _(
                        "Version %(n)s keyed in on behalf of %(state)s (%(channel)s, received %(date)s: %(status)s)."
                        " It is now public."
                    )
                    % {
                        "n": version.number,
                        "state": report.state,
                        "channel": version.get_source_display(),
                        "date": date_format(version.received_on),
                        "status": report.get_cycle_status_display(),
                    },
                )
            elif version.number > 1:
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
            "can_write": permissions.can_write(request.user, report.state),
            "received_form": received_form,
        },
        status=200 if request.method == "GET" else 400,
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
