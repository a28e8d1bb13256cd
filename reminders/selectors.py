"""Reads: which reminders are due, what comes next, what was sent, and the weekly digest."""

import datetime
from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery
from django.utils import translation

from states.models import State

from . import registry
from .models import ReminderPause, SentReminder
from .policy import Due, ReminderPolicy
from .registry import Obligation


@dataclass
class ObligationRow:
    """One open obligation as the reminder engine sees it on a given day."""

    source: object  # the DeadlineSource
    obligation: Obligation
    state: State
    recipients: list
    paused: bool
    due: Due | None  # the most recent reminder due on or before today (catch-up rule)
    pending: list = field(default_factory=list)  # recipients who have not had `due` yet
    next: Due | None = None  # the next reminder scheduled after today

    @property
    def no_contact(self) -> bool:
        return not self.recipients

    @property
    def source_label(self) -> str:
        return registry.source_label(self.source)

    @property
    def when(self) -> Due | None:
        """What this State gets next: the pending reminder (next pass) or the next scheduled one."""
        return self.due if self.pending else self.next


@dataclass
class PlannedReminder:
    source: object
    obligation: Obligation
    state: State
    recipient: object
    due: Due

    @property
    def line(self) -> str:
        return f"{self.state.iso3} {self.due.kind} {self.recipient.email}"


def _paused_keys() -> set[tuple[int, str]]:
    return set(ReminderPause.objects.active().values_list("state_id", "source"))


def _is_paused(paused: set[tuple[int, str]], state_id: int, source: str) -> bool:
    return (state_id, "") in paused or (state_id, source) in paused


def obligation_rows(*, today: datetime.date, sources: list | None = None) -> list[ObligationRow]:
    """Every open obligation of every source with its recipients, pause, due and next reminder.

    Queries: the sources' own, then one for pauses, one for States, and per source one for
    recipients and one for the reminders already claimed.
    """
    policy = ReminderPolicy.from_settings()
    sources = registry.sources() if sources is None else sources
    paused = _paused_keys()
    per_source = [(s, list(s.obligations(today=today))) for s in sources]
    states = State.objects.in_bulk({o.state_id for _s, obs in per_source for o in obs})
    rows: list[ObligationRow] = []
    for source, obligations in per_source:
        if not obligations:
            continue
        recipients = registry.recipients_of(source, obligations)
        claimed = set(
            SentReminder.objects.filter(
                source=source.kind,
                cycle__in={o.cycle for o in obligations},
                state_id__in={o.state_id for o in obligations},
            ).values_list("cycle", "state_id", "kind", "deadline", "recipient_id")
        )
        for ob in obligations:
            due = policy.due(deadline=ob.deadline, today=today)
            people = recipients.get(ob, [])
            row = ObligationRow(
                source=source,
                obligation=ob,
                state=states[ob.state_id],
                recipients=people,
                paused=_is_paused(paused, ob.state_id, source.kind),
                due=due,
                next=policy.next_after(deadline=ob.deadline, today=today),
            )
            if due is not None:
                row.pending = [u for u in people if (ob.cycle, ob.state_id, due.kind, ob.deadline, u.pk) not in claimed]
            rows.append(row)
    return rows


def reminders_due(*, today: datetime.date, sources: list | None = None) -> tuple[list[PlannedReminder], list]:
    """The reminders a pass on `today` sends, and the obligations of States with no contact."""
    planned, no_contact = [], []
    for row in obligation_rows(today=today, sources=sources):
        if row.paused:
            continue
        if row.no_contact:
            no_contact.append(row)
            continue
        for user in row.pending:
            planned.append(PlannedReminder(row.source, row.obligation, row.state, user, row.due))
    planned.sort(key=lambda p: (p.state.iso3, p.obligation.source, p.obligation.cycle, p.recipient.email))
    return planned, no_contact


def upcoming(*, today: datetime.date, sources: list | None = None) -> list[ObligationRow]:
    """Open obligations, the soonest reminder first; paused and no-contact States included (flagged)."""
    rows = obligation_rows(today=today, sources=sources)
    far = datetime.date.max
    return sorted(rows, key=lambda r: (r.when.on if r.when else far, r.state.name_en))


def sent_reminders(*, state: State | None = None, status: str = "", source: str = ""):
    qs = SentReminder.objects.for_list()
    if state is not None:
        qs = qs.filter(state=state)
    if status:
        qs = qs.filter(status=status)
    if source:
        qs = qs.filter(source=source)
    return qs


def last_reminder_by_state(source, cycle) -> dict[int, SentReminder]:
    """The latest reminder claimed for each State in a source's cycle (whatever its status), one query.

    `source` is a DeadlineSource or its kind; `cycle` the obligation's cycle (e.g. "2024").
    """
    kind = getattr(source, "kind", source)
    scope = SentReminder.objects.filter(source=kind, cycle=str(cycle))
    latest = scope.filter(state=OuterRef("state")).order_by("-claimed_at", "-pk").values("pk")[:1]
    return {r.state_id: r for r in scope.filter(pk=Subquery(latest)).select_related("recipient")}


def active_pauses():
    return ReminderPause.objects.active().select_related("state", "by").order_by("state__name_en")


@dataclass
class DigestSection:
    source: str
    cycle: str
    title: str
    owed: int | None
    submitted: int | None
    outstanding: list[ObligationRow]

    @property
    def outstanding_count(self) -> int:
        return len(self.outstanding)


@dataclass
class Digest:
    today: datetime.date
    sections: list[DigestSection]

    @property
    def no_contact(self) -> list[ObligationRow]:
        return [r for s in self.sections for r in s.outstanding if r.no_contact]


def digest(*, today: datetime.date, language: str = "en", sources: list | None = None) -> Digest:
    """Submitted / outstanding counts and the outstanding States, per source and cycle, in `language`."""
    sources = registry.sources() if sources is None else sources
    rows = obligation_rows(today=today, sources=sources)
    sections: dict[tuple[str, str], DigestSection] = {}
    for source in sources:
        with translation.override(language):
            progress = registry.progress(source, today=today)
        for p in progress:
            sections[(p.source, p.cycle)] = DigestSection(p.source, p.cycle, p.title, p.owed, p.submitted, [])
    for row in rows:
        key = (row.obligation.source, row.obligation.cycle)
        if key not in sections:
            title = registry.describe(row.source, row.obligation, language)
            sections[key] = DigestSection(*key, title, None, None, [])
        sections[key].outstanding.append(row)
    for section in sections.values():
        section.outstanding.sort(key=lambda r: (r.obligation.deadline, r.state.name_en))
    return Digest(today=today, sections=list(sections.values()))
