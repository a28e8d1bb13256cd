"""Conclusions documents: the list, creating one, a document, its settings, finalising it."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from accounts.roles import is_isu
from core.forms import add_service_errors
from core.messages import saved_or_unchanged

from .. import permissions, selectors, services
from ..forms import (
    DocumentCreateForm,
    DocumentSettingsForm,
)
from ..models import Language
from ._common import _edit_url, _language_or_404, _locked, login_on_denied


def document_list(request):
    documents = selectors.documents_for_list(request.user)
    return render(request, "conclusions/document_list.html", {"documents": documents})


@login_on_denied
def document_create(request):
    if not request.user.is_authenticated:
        raise permissions.LoginRequired
    if not is_isu(request.user):
        raise permissions.PermissionDenied
    form = DocumentCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.document_create(**form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Document created. Generate a draft from the data or add paragraphs."))
            return redirect(_edit_url(document))
    return render(request, "conclusions/form.html", {"form": form, "title": _("New conclusions document")})


@login_on_denied
def document_detail(request, slug: str, code: str):
    document = permissions.get_document_for_user(request.user, slug, code)
    languages = selectors.readable_languages(document, request.user)
    language = request.GET.get("lang") or (
        request.LANGUAGE_CODE if request.LANGUAGE_CODE in languages else document.original_language
    )
    if language not in languages:
        raise Http404
    data = selectors.document_data(document, language)
    version = document.versions.select_related("finalised_by").get(language=language)
    context = {
        "document": document,
        "doc": data,
        "version": version,
        "doc_languages": [(code, Language(code).label) for code in languages],
        "language": language,
        "exports": selectors.latest_exports(document) if request.user.is_authenticated else {},
    }
    return render(request, "conclusions/document_detail.html", context)


@login_on_denied
def document_settings(request, slug: str, code: str):
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    if response := _locked(request, document):
        return response
    initial = {f: getattr(document, f) for f in services.DOCUMENT_FIELDS}
    form = DocumentSettingsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.document_update(document=document, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Document settings saved."))
            return redirect(_edit_url(document))
    return render(
        request, "conclusions/form.html", {"form": form, "document": document, "title": _("Document settings")}
    )


@login_on_denied
def document_finalise(request, slug: str, code: str, language: str):
    """Finalise one language (the original first; then each translation on its own)."""
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    language = _language_or_404(document, language)
    name = Language(language).label
    is_original = language == document.original_language
    if request.method == "POST":
        try:
            update = services.version_finalise(document=document, language=language, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            if not update.changed:
                messages.info(request, _("%(language)s was already final: nothing changed.") % {"language": name})
            elif is_original:
                messages.success(
                    request,
                    _(
                        "%(language)s is final: its text and the document's structure are locked and the "
                        "document is now public. Finalise each translation when its text is complete."
                    )
                    % {"language": name},
                )
            else:
                messages.success(
                    request, _("%(language)s is final: its text is locked and it is now public.") % {"language": name}
                )
        return redirect(_edit_url(document))
    if is_original:
        text = _(
            "Finalising the original language (%(language)s) publishes the document: its text in %(language)s, "
            "its sections, paragraphs and settings can no longer change. Each translation stays a draft, not "
            "public, until it is finalised on its own."
        ) % {"language": name}
    else:
        text = _("Finalising %(language)s publishes this translation; its text and header can no longer change.") % {
            "language": name
        }
    return render(
        request,
        "conclusions/confirm.html",
        {
            "document": document,
            "title": _("Finalise %(language)s?") % {"language": name},
            "text": text,
            "refusal": selectors.finalise_refusal(document, language),
            "button": _("Finalise %(language)s") % {"language": name},
            "danger": False,
        },
    )
