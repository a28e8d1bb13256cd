"""One function per e-mail, each with subject, text and HTML templates, in the recipient's language."""

from django.conf import settings
from django.urls import reverse

from accounts.emails import send_templated
from accounts.models import User
from accounts.selectors import delegates_to_email

from .models import Questionnaire


def delegates_of(state_id: int) -> list[User]:
    return delegates_to_email(state_id)


def answer_link(questionnaire: Questionnaire) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("questionnaires:answer", kwargs={"pk": questionnaire.pk})


def send_circulation(*, questionnaire: Questionnaire, state) -> int:
    """The questionnaire, with a link to the answer form, to every active delegate of a recipient State."""
    recipients = delegates_of(state.pk)
    for user in recipients:
        send_templated(
            template="questionnaires/email/circulated",
            to=[user.email],
            context={"user": user, "questionnaire": questionnaire, "state": state, "link": answer_link(questionnaire)},
            language=user.preferred_language,
        )
    return len(recipients)
