"""What the conclusions views share: the login redirect, the editor's address, the final-text lock."""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from .. import permissions, services
from ..models import Language


def login_on_denied(view):
    """Anonymous visitors refused by an access helper are sent to the login page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except permissions.LoginRequired:
            return redirect_to_login(request.get_full_path())

    return wrapper


def _edit_url(document) -> str:
    return reverse("conclusions:edit", args=[document.committee.slug, document.meeting_code])


def _locked(request, document):
    """Changing the structure (sections, paragraphs, settings) once the original is final: say so and go
    back to the editor."""
    if document.is_final:
        messages.error(
            request,
            _(
                "The original language is final: the document's sections, paragraphs and settings are locked. "
                "Translations that are not final can still be edited."
            ),
        )
        return redirect(_edit_url(document))
    return None


def _all_final(request, document, languages: list[str]):
    """Editing a text when every language is final: say so and go back to the editor."""
    if languages and set(languages) <= services.final_languages(document):
        messages.error(request, _("Every language of this document is final: its text is locked."))
        return redirect(_edit_url(document))
    return None


def _language_or_404(document, language: str) -> str:
    if language not in Language.values or not document.versions.filter(language=language).exists():
        raise Http404
    return language
