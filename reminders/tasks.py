"""Celery tasks: the daily pass, sending one reminder, the weekly digest. Each calls a service."""

import datetime
from smtplib import SMTPException

from celery import shared_task
from django.conf import settings

from . import services

# A countdown longer than the broker's visibility timeout would make Redis redeliver the task
# while it is still waiting: every retry delay stays well under it.
VISIBILITY_TIMEOUT = settings.CELERY_BROKER_TRANSPORT_OPTIONS.get("visibility_timeout", 3600)
# It also stays under the reaper's staleness (services.stale_after), so a retrying reminder is not
# re-enqueued while it waits.
RETRY_BACKOFF_MAX = min(300, VISIBILITY_TIMEOUT // 2)
SEND_OPTIONS = {
    "autoretry_for": (SMTPException, OSError),
    "retry_backoff": 30,
    "retry_backoff_max": RETRY_BACKOFF_MAX,
    "retry_jitter": True,
    "max_retries": 4,
    "soft_time_limit": 50,
    "time_limit": 60,
    "acks_late": True,
}


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


@shared_task(
    name="reminders.tasks.run_reminder_pass", soft_time_limit=540, time_limit=600, max_retries=0, expires=20 * 3600
)
def run_reminder_pass(today: str | None = None) -> dict:
    """The daily pass (beat). `today` (YYYY-MM-DD) replays a given day."""
    result = services.reminder_pass(today=_date(today))
    return {
        "today": result.today.isoformat(),
        "claimed": len(result.claimed),
        "requeued": len(result.requeued),
        "deferred": len(result.deferred),
        "no_contact": sorted(r.state.iso3 for r in result.no_contact),
    }


@shared_task(name="reminders.tasks.reap_stale_claims", soft_time_limit=100, time_limit=120, max_retries=0, expires=240)
def reap_stale_claims() -> dict:
    """Every few minutes (beat): re-enqueue the reminders and digests claimed but never sent."""
    result = services.reminder_claims_reap()
    return {"requeued": len(result.requeued), "digests": len(result.digests), "deferred": len(result.deferred)}


@shared_task(name="reminders.tasks.send_reminder", bind=True, **SEND_OPTIONS)
def send_reminder(self, sent_reminder_id: int) -> str | None:
    record = services.sent_reminder_deliver(
        sent_reminder_id=sent_reminder_id, final_attempt=self.request.retries >= self.max_retries
    )
    return record.status if record else None


@shared_task(
    name="reminders.tasks.run_weekly_digest",
    soft_time_limit=540,
    time_limit=600,
    max_retries=0,
    expires=6 * 24 * 3600,
)
def run_weekly_digest(today: str | None = None) -> int:
    return len(services.weekly_digest_send(today=_date(today)))


@shared_task(name="reminders.tasks.send_digest", bind=True, **SEND_OPTIONS)
def send_digest(self, sent_digest_id: int) -> str | None:
    record = services.digest_deliver(
        sent_digest_id=sent_digest_id, final_attempt=self.request.retries >= self.max_retries
    )
    return record.status if record else None
