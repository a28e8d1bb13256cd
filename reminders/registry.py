"""The generic "deadline with reminders" mechanism: what other apps plug into.

An app that has deadlines (Article 7 reports, questionnaires, Fund final reports) defines
`<app>/deadlines.py` with `SOURCES = [MySource()]`, each implementing `DeadlineSource`. The
reminders engine asks every source for its open obligations, works out which reminder is due
(offsets before the deadline, overdue notices after), claims it in the database and sends it once.
"""

import datetime
from dataclasses import dataclass
from importlib import import_module
from typing import Protocol

from django.conf import settings


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


class DeadlineSource(Protocol):
    kind: str

    def obligations(self, *, today: datetime.date) -> list["Obligation"]:
        """Every obligation still open on `today` (not submitted), for the cycles in progress."""

    def is_fulfilled(self, obligation: "Obligation") -> bool:
        """Re-checked just before sending: a State that submitted today gets nothing."""

    def recipients(self, obligation: "Obligation") -> list:
        """Users to remind; by default the State's active delegates."""


def sources() -> list[DeadlineSource]:
    found: list[DeadlineSource] = []
    for app_label in settings.INSTALLED_APPS:
        if "." in app_label:
            continue
        try:
            module = import_module(f"{app_label}.deadlines")
        except ModuleNotFoundError as exc:
            if exc.name != f"{app_label}.deadlines":
                raise
            continue
        found.extend(module.SOURCES)
    return found
