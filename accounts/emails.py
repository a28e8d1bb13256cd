"""One function per e-mail, each with subject, text and HTML templates."""

from urllib.parse import urlsplit

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


def send_password_reset(*, email: str, language: str = "en") -> int:
    """The password-reset e-mail to each active account with this address; none is silently nothing.
    Run in the background (accounts.tasks) so that the page answers alike for known and unknown
    addresses. Links point at SITE_URL, never at the request's Host header."""
    from django.contrib.auth.forms import PasswordResetForm
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    site = urlsplit(settings.SITE_URL)
    form = PasswordResetForm()
    sent = 0
    for user in form.get_users(email):
        with translation.override(getattr(user, "preferred_language", "") or language):
            context = {
                "email": user.email,
                "domain": site.netloc,
                "site_name": site.netloc,
                "uid": urlsafe_base64_encode(force_bytes(user.pk)),
                "user": user,
                "token": default_token_generator.make_token(user),
                "protocol": site.scheme or "https",
            }
            form.send_mail(
                "registration/password_reset_subject.txt",
                "registration/password_reset_email.html",
                context,
                None,
                user.email,
            )
        sent += 1
    return sent
