"""The generic "deadline with reminders" mechanism: what other apps plug into.

An app that has deadlines (Article 7 reports, questionnaires, Fund final reports) defines
`<app>/deadlines.py` with `SOURCES = [MySource()]`, each implementing `DeadlineSource`. The
reminders engine asks every source for its open obligations, works out which reminder is due
(offsets before the deadline, overdue notices after), claims it in the database and sends it once.

A source only has to implement `kind`, `obligations`, `is_fulfilled` and `recipients`. Subclassing
`BaseDeadlineSource` gives sensible defaults for those plus the optional hooks the engine uses when
present: `recipients_for` (one query for many obligations), `describe` (the obligation's title in
the recipient's language), `explain` (a sentence the reminder adds, e.g. why an initial report is
due before the usual date) and `progress` (submitted / owed counts for the weekly digest).
"""

import datetime
from dataclasses import dataclass
from typing import Protocol

from django.utils import translation

from core.modules import app_modules


@dataclass(frozen=True)
class Obligation:
    """Something a State owes by a date, e.g. its Article 7 report for 2023."""

    source: str  # the DeadlineSource.kind, e.g. "article7"
    cycle: str  # e.g. "2024" (the year reports are due) or a questionnaire's id
    state_id: int
    deadline: datetime.date  # the State's own deadline (extensions applied)
    title: str  # e.g. "Article 7 report for calendar year 2023" (already translated by the caller)
    path: str  # link to the form that fulfils it, relative to SITE_URL
    object_id: int | None = None  # the report / response / application, when it exists


@dataclass(frozen=True)
class CycleProgress:
    """How far a cycle of a source has come, for the weekly digest."""

    source: str
    cycle: str
    title: str
    owed: int  # States that owe it
    submitted: int  # of which have fulfilled it


class DeadlineSource(Protocol):
    kind: str

    def obligations(self, *, today: datetime.date) -> list["Obligation"]:
        """Every obligation still open on `today` (not submitted), for the cycles in progress."""

    def is_fulfilled(self, obligation: "Obligation") -> bool:
        """Re-checked just before sending: a State that submitted today gets nothing."""

    def recipients(self, obligation: "Obligation") -> list:
        """Users to remind; by default the State's active delegates."""


def active_delegates_by_state(state_ids) -> dict[int, list]:
    """The active delegates of each State, in one query."""
    from accounts.selectors import active_delegates_by_state as by_state

    return by_state(state_ids)


class BaseDeadlineSource:
    """Defaults for a `DeadlineSource`: reminders go to the State's active delegates."""

    kind: str = ""
    label: str = ""  # shown to the ISU, e.g. "Article 7 reports"

    def obligations(self, *, today: datetime.date) -> list[Obligation]:
        raise NotImplementedError

    def is_fulfilled(self, obligation: Obligation) -> bool:
        raise NotImplementedError

    def recipients(self, obligation: Obligation) -> list:
        return active_delegates_by_state([obligation.state_id]).get(obligation.state_id, [])

    def recipients_for(self, obligations: list[Obligation]) -> dict[Obligation, list]:
        """Recipients of many obligations at once (one query)."""
        by_state = active_delegates_by_state(o.state_id for o in obligations)
        return {o: by_state.get(o.state_id, []) for o in obligations}

    def describe(self, obligation: Obligation) -> str:
        """The obligation's title in the active language (called inside `translation.override`)."""
        return obligation.title

    def explain(self, obligation: Obligation) -> str:
        """A sentence the reminder e-mail adds under its first line, in the active language ("" for none)."""
        return ""

    def progress(self, *, today: datetime.date) -> list[CycleProgress]:
        return []

    def current_deadline(self, obligation: Obligation) -> datetime.date:
        """The State's deadline now (an extension granted since the reminder was planned moves it)."""
        return obligation.deadline


def sources() -> list[DeadlineSource]:
    return [source for module in app_modules("deadlines") for source in module.SOURCES]


def get_source(kind: str) -> DeadlineSource | None:
    return next((s for s in sources() if s.kind == kind), None)


def source_label(source: DeadlineSource) -> str:
    return str(getattr(source, "label", "") or source.kind)


def recipients_of(source: DeadlineSource, obligations: list[Obligation]) -> dict[Obligation, list]:
    """Uses the source's bulk `recipients_for` when it has one, else `recipients` per obligation."""
    bulk = getattr(source, "recipients_for", None)
    if bulk is not None:
        found = bulk(obligations)
        return {o: list(found.get(o, [])) for o in obligations}
    return {o: list(source.recipients(o)) for o in obligations}


def describe(source: DeadlineSource, obligation: Obligation, language: str) -> str:
    """The obligation's title in `language`, falling back to the title the source gave."""
    with translation.override(language):
        func = getattr(source, "describe", None)
        return str(func(obligation)) if func is not None else obligation.title


def explain(source: DeadlineSource, obligation: Obligation, language: str) -> str:
    """The source's extra sentence for the reminder, in `language` ("" when the source has none)."""
    with translation.override(language):
        func = getattr(source, "explain", None)
        return str(func(obligation)) if func is not None else ""


def current_deadline(source: DeadlineSource, obligation: Obligation) -> datetime.date:
    """The deadline a reminder states: the source's current one for the State, else the planned one."""
    func = getattr(source, "current_deadline", None)
    return (func(obligation) if func is not None else None) or obligation.deadline


def progress(source: DeadlineSource, *, today: datetime.date) -> list[CycleProgress]:
    func = getattr(source, "progress", None)
    return list(func(today=today)) if func is not None else []
