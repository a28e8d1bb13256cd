"""Writes for meetings and committee activity. Views, admin, demo data and tasks all call these."""

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from accounts.models import User
from committee.models import Committee
from core.services import Update, apply_changes, set_related, stored_row
from core.translation import field_names
from states.models import Organisation, State

from .models import (
    IA_STEP_DATE_FIELD,
    IA_STEP_ORDER,
    STATE_KINDS,
    BilateralSeries,
    FollowUp,
    FollowUpStatus,
    IAStep,
    IndividualisedApproachRequest,
    Meeting,
    MeetingDocument,
    MeetingKind,
    PanelSpeaker,
    PriorityAction,
    PriorityActionPeriod,
)

MEETING_FIELDS = (
    "kind",
    "status",
    *field_names("title"),
    "start_date",
    "end_date",
    "place",
    "is_online",
    "with_presidency",
    "state",
    "series",
    "parent",
    *field_names("purpose"),
    *field_names("committee_aims"),
    *field_names("topics"),
    "outcome",
    "notes",
)


def _validate_dates(start: datetime.date | None, end: datetime.date | None, *, end_field: str = "end_date") -> None:
    if start and end and end < start:
        raise ValidationError({end_field: _("The end date cannot be before the start date.")})


# First path segments under /meetings/ that are not meetings.
RESERVED_CODES = frozenset(
    {
        "new",
        "calendar",
        "documents",
        "speakers",
        "follow-ups",
        "bilaterals",
        "individualised-approach",
        "priority-actions",
    }
)


def _unique_code(base: str, *, exclude_pk: int | None = None) -> str:
    base = slugify(base)[:50]
    if not base or base in RESERVED_CODES:
        base = f"meeting-{base}"
    code, n = base, 2
    qs = Meeting.objects.exclude(pk=exclude_pk) if exclude_pk else Meeting.objects.all()
    while qs.filter(code__iexact=code).exists():
        code, n = f"{base}-{n}", n + 1
    return code


def _check_meeting(*, kind: str, state: State | None, start_date, end_date, code: str, pk: int | None) -> None:
    errors = {}
    if end_date and start_date and end_date < start_date:
        errors["end_date"] = _("The end date cannot be before the start date.")
    if kind in STATE_KINDS and state is None:
        errors["state"] = _("A bilateral or individualised approach meeting is held with one State: choose it.")
    if code and code.lower() in RESERVED_CODES:
        errors["code"] = _("This word is reserved; choose another code.")
    elif code and Meeting.objects.filter(code__iexact=code).exclude(pk=pk).exists():
        errors["code"] = _("Another meeting already uses the code %(code)s.") % {"code": code}
    if errors:
        raise ValidationError(errors)


def _set_relations(meeting: Meeting, committees, states, organisations) -> list[str]:
    """Set the relations given (None: leave as is); the names of those that changed."""
    changed = [
        name
        for name, values in (("committees", committees), ("states", states), ("organisations", organisations))
        if set_related(meeting, name, values)
    ]
    if meeting.state_id and not meeting.states.filter(pk=meeting.state_id).exists():
        meeting.states.add(meeting.state_id)
        if "states" not in changed:
            changed.append("states")
    return changed


@transaction.atomic
def meeting_create(
    *,
    kind: str,
    title_en: str,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
    code: str = "",
    by: User | None = None,
    committees: Iterable[Committee] = (),
    states: Iterable[State] = (),
    organisations: Iterable[Organisation] = (),
    **fields,
) -> Meeting:
    """Record a meeting. A one-day meeting may omit `end_date`; the State of a bilateral or
    individualised approach meeting is always among its participants."""
    end_date = end_date or start_date
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"meeting_create() got unexpected fields {sorted(unknown)}")
    _check_meeting(kind=kind, state=fields.get("state"), start_date=start_date, end_date=end_date, code=code, pk=None)
    code = code or _unique_code(f"{start_date:%Y-%m-%d}-{kind.replace('_', '-')}-{title_en[:30]}")
    meeting = Meeting.objects.create(
        kind=kind, title_en=title_en, start_date=start_date, end_date=end_date, code=code, created_by=by, **fields
    )
    _set_relations(meeting, committees, states, organisations)
    return meeting


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    committees: Iterable[Committee] | None = None,
    states: Iterable[State] | None = None,
    organisations: Iterable[Organisation] | None = None,
    **fields,
) -> Update[Meeting]:
    """Change a meeting's fields (only those given) and, when given, its committees and participants."""
    unknown = set(fields) - set(MEETING_FIELDS) - {"code"}
    if unknown:
        raise TypeError(f"meeting_update() got unexpected fields {sorted(unknown)}")
    if "code" in fields and not fields["code"]:
        del fields["code"]
    if fields.get("end_date") is None and "end_date" in fields:
        fields["end_date"] = fields.get("start_date", meeting.start_date)
    stored = stored_row(meeting)
    merged = {f: fields.get(f, getattr(stored, f)) for f in ("kind", "state", "start_date", "end_date", "code")}
    _check_meeting(pk=meeting.pk, **merged)
    changed = apply_changes(meeting, fields, stored=stored)
    if changed:
        meeting.save(update_fields=[*changed, "updated_at"])
    changed += _set_relations(meeting, committees, states, organisations)
    return Update(meeting, tuple(changed))


@dataclass
class PlannedBilateral:
    state: State
    date: datetime.date
    notes: str = ""
    place: str = ""
    is_online: bool = False


@transaction.atomic
def bilateral_series_plan(
    *,
    title: str,
    start_date: datetime.date,
    end_date: datetime.date,
    meetings: Sequence[PlannedBilateral],
    committees: Iterable[Committee] = (),
    with_presidency: bool = False,
    by: User | None = None,
    **purposes: str,
) -> BilateralSeries:
    """Plan a series of bilateral meetings at once: one meeting per State, each with its own date
    (inside the series' window) and notes. `purposes`: the series' purpose per language (`purpose_en`…)."""
    unknown = set(purposes) - set(field_names("purpose"))
    if unknown:
        raise TypeError(f"bilateral_series_plan() got unexpected fields {sorted(unknown)}")
    _validate_dates(start_date, end_date)
    errors: list[str] = []
    seen: set[int] = set()
    for item in meetings:
        if item.state.pk in seen:
            errors.append(_("%(state)s appears twice in the series.") % {"state": item.state})
        seen.add(item.state.pk)
        if not (start_date <= item.date <= end_date):
            errors.append(
                _("The meeting with %(state)s on %(date)s is outside the series' dates.")
                % {"state": item.state, "date": date_format(item.date)}
            )
    if not meetings:
        errors.append(_("Add at least one State to the series."))
    if errors:
        raise ValidationError({"meetings": errors})
    committees = list(committees)
    series = BilateralSeries.objects.create(
        title=title,
        start_date=start_date,
        end_date=end_date,
        with_presidency=with_presidency,
        created_by=by,
        **purposes,
    )
    series.committees.set(committees)
    for item in meetings:
        meeting_create(
            kind=MeetingKind.BILATERAL,
            title_en=f"Bilateral meeting with {item.state.name_en}",
            title_fr=f"Réunion bilatérale avec {item.state.name_fr or item.state.name_en}",
            title_es=f"Reunión bilateral con {item.state.name_es or item.state.name_en}",
            start_date=item.date,
            code=_unique_code(f"{item.date:%Y-%m-%d}-bilateral-{item.state.iso3}"),
            state=item.state,
            series=series,
            with_presidency=with_presidency,
            notes=item.notes,
            **purposes,
            place=item.place,
            is_online=item.is_online,
            committees=committees,
            by=by,
        )
    return series


@transaction.atomic
def document_add(
    *,
    meeting: Meeting,
    file: UploadedFile,
    title: str,
    kind: str,
    language: str = "en",
    is_published: bool = False,
    by: User | None = None,
) -> MeetingDocument:
    return MeetingDocument.objects.create(
        meeting=meeting,
        file=file,
        title=title,
        kind=kind,
        language=language,
        is_published=is_published,
        uploaded_by=by,
    )


@transaction.atomic
def document_update(*, document: MeetingDocument, **fields) -> Update[MeetingDocument]:
    changed = apply_changes(
        document, {f: v for f, v in fields.items() if f in ("title", "kind", "language", "is_published")}
    )
    if changed:
        document.save(update_fields=changed)
    return Update(document, tuple(changed))


@transaction.atomic
def followup_create(
    *,
    meeting: Meeting,
    action: str,
    owner: str,
    due_date: datetime.date | None = None,
    state: State | None = None,
    owner_user: User | None = None,
    status: str = FollowUpStatus.OPEN,
    notes: str = "",
) -> FollowUp:
    """Record an action arising from a meeting. With no State given, a meeting held with one State
    gives the follow-up to that State."""
    if due_date and due_date < meeting.start_date:
        raise ValidationError({"due_date": _("A follow-up cannot be due before the meeting it arises from.")})
    state = state or meeting.state
    return FollowUp.objects.create(
        meeting=meeting,
        action=action,
        owner=owner,
        owner_user=owner_user,
        due_date=due_date,
        state=state,
        status=status,
        notes=notes,
        completed_on=datetime.date.today() if status == FollowUpStatus.DONE else None,
    )


@transaction.atomic
def followup_update(*, followup: FollowUp, today: datetime.date | None = None, **fields) -> Update[FollowUp]:
    """Change a follow-up; marking it done records the day it was completed."""
    allowed = {"action", "owner", "owner_user", "due_date", "state", "status", "notes", "completed_on"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"followup_update() got unexpected fields {sorted(unknown)}")
    stored = stored_row(followup)
    due = fields.get("due_date", stored.due_date)
    if due and due < followup.meeting.start_date:
        raise ValidationError({"due_date": _("A follow-up cannot be due before the meeting it arises from.")})
    status = fields.get("status", stored.status)
    if status == FollowUpStatus.DONE and not fields.get("completed_on") and not stored.completed_on:
        fields["completed_on"] = today or datetime.date.today()
    if status != FollowUpStatus.DONE:
        fields["completed_on"] = None
    changed = apply_changes(followup, fields, stored=stored)
    if changed:
        followup.save(update_fields=changed)
    return Update(followup, tuple(changed))


@transaction.atomic
def speaker_add(
    *,
    meeting: Meeting,
    name: str,
    gender: str,
    role: str = "panellist",
    function: str = "",
    affiliation_state: State | None = None,
    affiliation_organisation: Organisation | None = None,
    affiliation_text: str = "",
    order: int | None = None,
) -> PanelSpeaker:
    """Add a speaker; the affiliation is one of a State, an organisation or a free text."""
    given = [x for x in (affiliation_state, affiliation_organisation, affiliation_text) if x]
    if len(given) > 1:
        raise ValidationError(
            {"affiliation_state": _("Give one affiliation: a State, an organisation or another affiliation.")}
        )
    if order is None:
        order = meeting.speakers.count() + 1
    return PanelSpeaker.objects.create(
        meeting=meeting,
        name=name,
        gender=gender,
        role=role,
        function=function,
        affiliation_state=affiliation_state,
        affiliation_organisation=affiliation_organisation,
        affiliation_text=affiliation_text,
        order=order,
    )


@transaction.atomic
def speaker_update(*, speaker: PanelSpeaker, **fields) -> Update[PanelSpeaker]:
    stored = stored_row(speaker)
    merged = {
        f: fields.get(f, getattr(stored, f))
        for f in ("affiliation_state", "affiliation_organisation", "affiliation_text")
    }
    if len([v for v in merged.values() if v]) > 1:
        raise ValidationError(
            {"affiliation_state": _("Give one affiliation: a State, an organisation or another affiliation.")}
        )
    changed = apply_changes(speaker, fields, stored=stored)
    if changed:
        speaker.save(update_fields=changed)
    return Update(speaker, tuple(changed))


@transaction.atomic
def speaker_remove(*, speaker: PanelSpeaker) -> None:
    speaker.delete()


# What the conclusions say of an individualised approach, besides its steps.
IA_EDITABLE = {"committee", *field_names("support"), *field_names("outcome")}


@transaction.atomic
def ia_request_create(
    *,
    state: State,
    requested_on: datetime.date,
    requested_at: Meeting | None = None,
    notes: str = "",
    **fields,
) -> IndividualisedApproachRequest:
    """Record a State's request; `fields`: the supporting committee and the texts of IA_TEXT_FIELDS."""
    unknown = set(fields) - IA_EDITABLE
    if unknown:
        raise TypeError(f"ia_request_create() got unexpected fields {sorted(unknown)}")
    return IndividualisedApproachRequest.objects.create(
        state=state, requested_on=requested_on, requested_at=requested_at, notes=notes, **fields
    )


@transaction.atomic
def ia_request_advance(
    *,
    request: IndividualisedApproachRequest,
    to: str,
    on: datetime.date,
    meeting: Meeting | None = None,
    final_report_url: str = "",
) -> IndividualisedApproachRequest:
    """Move a request to its next step: requested → scheduled → held → final report published.

    A step may not be skipped or repeated, and its date may not be before the previous step's.
    Scheduling or holding may link the individualised approach meeting; holding needs one.
    """
    request = IndividualisedApproachRequest.objects.select_for_update().get(pk=request.pk)
    to = IAStep(to)
    expected = request.next_step
    if expected is None:
        raise ValidationError(
            {"to": _("This request is complete: its final report is already published.")}, code="complete"
        )
    if to != expected:
        raise ValidationError(
            {
                "to": _(
                    "Steps go in order: this request is “%(current)s”, so its next step is “%(next)s”, not “%(to)s”."
                )
                % {"current": IAStep(request.status).label, "next": IAStep(expected).label, "to": to.label}
            },
            code="out_of_order",
        )
    previous_date = getattr(request, IA_STEP_DATE_FIELD[IA_STEP_ORDER[request.step_index]])
    if previous_date and on < previous_date:
        raise ValidationError(
            {
                "on": _("This step cannot be dated before the previous one (%(date)s).")
                % {"date": date_format(previous_date)}
            }
        )
    if meeting is not None:
        if meeting.kind != MeetingKind.INDIVIDUALISED_APPROACH or meeting.state_id != request.state_id:
            message = _("Link an individualised approach meeting held with %(state)s.") % {"state": request.state}
            raise ValidationError({"meeting": message})
        request.meeting = meeting
    if to == IAStep.HELD and request.meeting is None:
        raise ValidationError({"meeting": _("Link the individualised approach meeting that was held.")})
    if final_report_url:
        request.final_report_url = final_report_url
    request.status = to
    setattr(request, IA_STEP_DATE_FIELD[to], on)
    request.save(update_fields=["status", IA_STEP_DATE_FIELD[to], "meeting", "final_report_url"])
    if to == IAStep.HELD and request.meeting.status != "held":
        meeting_update(meeting=request.meeting, status="held")
    return request


@transaction.atomic
def ia_request_update(*, request: IndividualisedApproachRequest, **fields) -> Update[IndividualisedApproachRequest]:
    """Edit a request's notes, report address, texts or the meeting it was requested at (not its steps)."""
    allowed = {"notes", "final_report_url", "requested_at", "requested_on", *IA_EDITABLE}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"ia_request_update() got unexpected fields {sorted(unknown)}")
    stored = stored_row(request)
    if "requested_on" in fields and stored.scheduled_on and fields["requested_on"] > stored.scheduled_on:
        raise ValidationError({"requested_on": _("The request cannot be dated after it was scheduled.")})
    changed = apply_changes(request, fields, stored=stored)
    if changed:
        request.save(update_fields=changed)
    return Update(request, tuple(changed))


@transaction.atomic
def priority_action_update(
    *,
    action: PriorityAction,
    meetings: Iterable[Meeting] | None = None,
    followups: Iterable[FollowUp] | None = None,
    **fields,
) -> Update[PriorityAction]:
    """Change a priority action's text, status or notes, and the meetings and follow-ups that served it."""
    allowed = {*field_names("text"), "status", "notes", "number", "carried_over_from"}
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"priority_action_update() got unexpected fields {sorted(unknown)}")
    if "number" in fields and (
        PriorityAction.objects.filter(period=action.period, number=fields["number"]).exclude(pk=action.pk).exists()
    ):
        raise ValidationError({"number": _("Another priority action of this period has that number.")})
    carried = fields.get("carried_over_from")
    if carried is not None and (carried.pk == action.pk or carried.period.start_year >= action.period.start_year):
        raise ValidationError({"carried_over_from": _("Choose an action of an earlier period.")})
    changed = apply_changes(action, fields)
    if changed:
        action.save(update_fields=changed)
    changed += [
        name for name, values in (("meetings", meetings), ("followups", followups)) if set_related(action, name, values)
    ]
    return Update(action, tuple(changed))


@transaction.atomic
def priority_action_create(*, period, number: int, text_en: str, **fields) -> PriorityAction:
    if PriorityAction.objects.filter(period=period, number=number).exists():
        raise ValidationError({"number": _("Another priority action of this period has that number.")})
    carried = fields.get("carried_over_from")
    if carried is not None and carried.period.start_year >= period.start_year:
        raise ValidationError({"carried_over_from": _("Choose an action of an earlier period.")})
    meetings = fields.pop("meetings", None)
    followups = fields.pop("followups", None)
    action = PriorityAction.objects.create(period=period, number=number, text_en=text_en, **fields)
    if meetings is not None:
        action.meetings.set(meetings)
    if followups is not None:
        action.followups.set(followups)
    return action


@transaction.atomic
def priority_period_create(
    *, committee: Committee, start_year: int, end_year: int, adopted_at: Meeting | None = None
) -> PriorityActionPeriod:
    if end_year < start_year:
        raise ValidationError({"end_year": _("The last year cannot be before the first year.")})
    if PriorityActionPeriod.objects.filter(committee=committee, start_year=start_year, end_year=end_year).exists():
        raise ValidationError({"start_year": _("This committee already has priority actions for that period.")})
    return PriorityActionPeriod.objects.create(
        committee=committee, start_year=start_year, end_year=end_year, adopted_at=adopted_at
    )
