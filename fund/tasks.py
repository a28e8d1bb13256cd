from smtplib import SMTPException

from celery import shared_task

from . import emails
from .models import ApplicationEvent


@shared_task(
    name="fund.tasks.send_step_email",
    autoretry_for=(SMTPException, OSError),
    max_retries=5,
    retry_backoff=30,
    retry_backoff_max=600,
    retry_jitter=True,
    soft_time_limit=60,
    time_limit=90,
)
def send_step_email(event_id: int) -> int:
    """Tell the applicant State about one step of its application (enqueued on commit)."""
    event = (
        ApplicationEvent.objects.select_related("application__state", "application__terms", "by")
        .filter(pk=event_id)
        .first()
    )
    if event is None:
        return 0
    return emails.send_for_event(event=event)
