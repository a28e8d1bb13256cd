"""One function per e-mail to the applicant State, each with subject, text and HTML templates.

Every active delegate of the State gets the message in their preferred language.
"""

from django.conf import settings
from django.urls import reverse

from accounts.emails import send_templated
from accounts.models import User
from accounts.selectors import delegates_to_email

from .models import ApplicationEvent, Step


def _recipients(state_id: int) -> list[User]:
    return delegates_to_email(state_id)


def _send(template: str, event: ApplicationEvent, **extra) -> int:
    application = event.application
    link = settings.SITE_URL.rstrip("/") + reverse("fund:application_detail", kwargs={"pk": application.pk})
    recipients = _recipients(application.state_id)
    for user in recipients:
        send_templated(
            template=f"fund/email/{template}",
            to=[user.email],
            context={"user": user, "application": application, "event": event, "link": link, **extra},
            language=user.preferred_language,
        )
    return len(recipients)


def send_application_submitted(*, event: ApplicationEvent) -> int:
    return _send("application_submitted", event)


def send_application_screened(*, event: ApplicationEvent) -> int:
    return _send("application_screened", event, eligible=event.step == Step.SCREENED_ELIGIBLE)


def send_application_gender_reviewed(*, event: ApplicationEvent) -> int:
    return _send("application_gender_reviewed", event)


def send_application_decided(*, event: ApplicationEvent) -> int:
    return _send("application_decided", event, decision=event.step)


def send_application_disbursed(*, event: ApplicationEvent) -> int:
    disbursement = event.application.disbursements.order_by("-pk").first()
    return _send("application_disbursed", event, disbursement=disbursement)


def send_final_report_received(*, event: ApplicationEvent) -> int:
    return _send("final_report_received", event)


def send_application_closed(*, event: ApplicationEvent) -> int:
    return _send("application_closed", event)


BY_STEP = {
    Step.SUBMITTED: send_application_submitted,
    Step.SCREENED_ELIGIBLE: send_application_screened,
    Step.SCREENED_INELIGIBLE: send_application_screened,
    Step.GENDER_REVIEWED: send_application_gender_reviewed,
    Step.APPROVED: send_application_decided,
    Step.REJECTED: send_application_decided,
    Step.REVISION_REQUESTED: send_application_decided,
    Step.DISBURSED: send_application_disbursed,
    Step.FINAL_REPORT_RECEIVED: send_final_report_received,
    Step.CLOSED: send_application_closed,
}


def send_for_event(*, event: ApplicationEvent) -> int:
    func = BY_STEP.get(event.step)
    return func(event=event) if func else 0
