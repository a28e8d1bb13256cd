"""One function per e-mail: a deadline reminder to a delegate, the weekly digest to the chair and ISU."""

import datetime

from django.conf import settings
from django.urls import reverse

from accounts.emails import send_templated
from core.dates import days_until


def send_deadline_reminder(
    *,
    recipient,
    state,
    title: str,
    deadline: datetime.date,
    path: str,
    kind: str,
    explanation: str = "",
    today: datetime.date | None = None,
) -> None:
    """`deadline` is the State's own (extension applied); days are counted as on every page (core.dates).
    `explanation`: a sentence from the deadline's source (e.g. why an initial report is due then)."""
    days_left = days_until(deadline, today)
    send_templated(
        template="reminders/email/reminder",
        to=[recipient.email],
        context={
            "recipient": recipient,
            "state": state,
            "title": title,
            "explanation": explanation,
            "deadline": deadline,
            "days_left": days_left,
            "days_late": -days_left,
            "link": settings.SITE_URL + path,
            "kind": kind,
        },
        language=recipient.preferred_language,
    )


def send_weekly_digest(*, recipient, digest, week: datetime.date) -> None:
    """`digest` is `selectors.Digest`; titles are rendered in the recipient's language by the caller."""
    send_templated(
        template="reminders/email/digest",
        to=[recipient.email],
        context={
            "recipient": recipient,
            "digest": digest,
            "week": week,
            "link": settings.SITE_URL + reverse("reminders:index"),
            "show_no_contact": recipient.is_isu,
        },
        language=recipient.preferred_language,
    )
