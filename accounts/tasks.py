from smtplib import SMTPException

from celery import shared_task

from . import emails


@shared_task(
    name="accounts.password_reset_send",
    autoretry_for=(SMTPException, OSError),
    retry_backoff=30,
    max_retries=3,
    soft_time_limit=50,
    time_limit=60,
    expires=3600,  # a reset link mailed hours later is of no use
    ignore_result=True,
)
def password_reset_send(email: str, language: str = "en") -> int:
    return emails.send_password_reset(email=email, language=language)
