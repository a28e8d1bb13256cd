from smtplib import SMTPException

from celery import shared_task

from . import services
from .models import Questionnaire


@shared_task(
    name="questionnaires.tasks.send_circulation",
    autoretry_for=(SMTPException, OSError),
    max_retries=5,
    retry_backoff=30,
    retry_backoff_max=600,
    retry_jitter=True,
    soft_time_limit=300,
    time_limit=360,
)
def send_circulation(questionnaire_id: int) -> int:
    """E-mail the questionnaire to the recipients not yet notified (idempotent; enqueued on commit)."""
    questionnaire = Questionnaire.objects.filter(pk=questionnaire_id).first()
    if questionnaire is None:
        return 0
    return services.questionnaire_send_invitations(questionnaire=questionnaire)


@shared_task(name="questionnaires.tasks.circulate_due", ignore_result=True, time_limit=300)
def circulate_due() -> int:
    """Daily: circulate the questionnaires scheduled for today (beat, see config/settings.py)."""
    return len(services.questionnaires_circulate_due())
