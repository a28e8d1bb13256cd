"""When reminders are due: offsets before a deadline, then overdue notices at a fixed cadence.

Kinds are stable identifiers stored with each sent reminder: `before-60` (60 days before the
deadline), `overdue-1` (the day after), `overdue-15`, `overdue-29`... (every 14 days while missing).
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

GENEVA = ZoneInfo("Europe/Zurich")  # Geneva's time zone
DAY = datetime.timedelta(days=1)


@dataclass(frozen=True)
class Due:
    kind: str
    on: datetime.date  # the day this reminder is scheduled for

    @property
    def is_overdue(self) -> bool:
        return self.kind.startswith("overdue-")

    @property
    def days(self) -> int:
        return int(self.kind.split("-", 1)[1])

    @property
    def label(self) -> str:
        return kind_label(self.kind)


def kind_label(kind: str) -> str:
    prefix, _sep, days = kind.partition("-")
    if prefix == "before":
        return str(_("%(days)s days before the deadline") % {"days": days})
    if prefix == "overdue":
        return str(_("overdue notice (%(days)s days late)") % {"days": days})
    return kind


@dataclass(frozen=True)
class ReminderPolicy:
    offsets_days: tuple[int, ...] = (60, 30, 14, 7, 1)
    overdue_first_days: int | None = 1  # None: no overdue notices
    overdue_every_days: int | None = 14  # None or 0: a single overdue notice
    hour: int = 8  # Geneva time of the daily pass (used by the beat schedule)

    @classmethod
    def from_settings(cls) -> "ReminderPolicy":
        return cls(
            offsets_days=tuple(sorted({int(d) for d in getattr(settings, "REMINDER_OFFSETS_DAYS", cls.offsets_days)})),
            overdue_first_days=getattr(settings, "REMINDER_OVERDUE_FIRST_DAYS", cls.overdue_first_days),
            overdue_every_days=getattr(settings, "REMINDER_OVERDUE_EVERY_DAYS", cls.overdue_every_days),
            hour=getattr(settings, "REMINDER_HOUR", cls.hour),
        )

    def _before(self, deadline: datetime.date) -> list[Due]:
        return [Due(f"before-{d}", deadline - d * DAY) for d in self.offsets_days if d >= 0]

    def _overdue_at_or_before(self, deadline: datetime.date, today: datetime.date) -> Due | None:
        first = self.overdue_first_days
        late = (today - deadline).days
        if first is None or late < first:
            return None
        every = self.overdue_every_days or 0
        days = first + ((late - first) // every) * every if every > 0 else first
        return Due(f"overdue-{days}", deadline + days * DAY)

    def _overdue_after(self, deadline: datetime.date, today: datetime.date) -> Due | None:
        first = self.overdue_first_days
        if first is None:
            return None
        late = (today - deadline).days
        if late < first:
            return Due(f"overdue-{first}", deadline + first * DAY)
        every = self.overdue_every_days or 0
        if every <= 0:
            return None
        days = first + ((late - first) // every + 1) * every
        return Due(f"overdue-{days}", deadline + days * DAY)

    def due(self, *, deadline: datetime.date, today: datetime.date) -> Due | None:
        """The most recent reminder due on or before `today` (catch-up: never the older ones)."""
        candidates = [d for d in self._before(deadline) if d.on <= today]
        overdue = self._overdue_at_or_before(deadline, today)
        if overdue is not None:
            candidates.append(overdue)
        return max(candidates, key=lambda d: d.on, default=None)

    def next_after(self, *, deadline: datetime.date, today: datetime.date) -> Due | None:
        """The next reminder scheduled after `today`."""
        candidates = [d for d in self._before(deadline) if d.on > today]
        overdue = self._overdue_after(deadline, today)
        if overdue is not None:
            candidates.append(overdue)
        return min(candidates, key=lambda d: d.on, default=None)


def geneva_today() -> datetime.date:
    return timezone.localdate(timezone=GENEVA)
