"""One function per e-mail, each with subject, text and HTML templates."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def send_templated(*, template: str, to: list[str], context: dict, language: str = "en") -> None:
    """Render `<template>_subject.txt`, `.txt` and `.html` in `language` and send them."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        text = render_to_string(f"{template}.txt", context)
        html = render_to_string(f"{template}.html", context)
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, to)
    message.attach_alternative(html, "text/html")
    message.send()


def send_invitation(*, user, link: str, invited_by) -> None:
    send_templated(
        template="accounts/email/invitation",
        to=[user.email],
        context={"user": user, "link": link, "invited_by": invited_by, "state": user.state},
        language=user.preferred_language,
    )
