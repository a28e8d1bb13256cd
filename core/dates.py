"""The one count of days to a deadline: reminders, State pages, panels and the dashboard all use it.

"Today" is the local date of the site (settings.TIME_ZONE, Geneva), never the UTC date: a reminder
sent at 08:00 in Geneva and the dashboard opened the same day say the same number of days.
"""

import datetime

from django.utils import timezone


def today() -> datetime.date:
    """Today's date where the ISU works (settings.TIME_ZONE)."""
    return timezone.localdate()


def days_until(deadline: datetime.date | None, today: datetime.date | None = None) -> int | None:
    """Days from `today` (default: the local date) to `deadline`: negative once it has passed, None without one."""
    if deadline is None:
        return None
    return (deadline - (today or timezone.localdate())).days


def days_late(deadline: datetime.date | None, today: datetime.date | None = None) -> int:
    """Days since `deadline` passed (0 while it has not)."""
    days = days_until(deadline, today)
    return -days if days is not None and days < 0 else 0
