"""Editing a document: its language versions, sections and paragraphs."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.forms import add_service_errors
from core.messages import saved_or_unchanged

from .. import permissions, selectors, services
from ..forms import (
    LanguageAddForm,
    MoveForm,
    ParagraphForm,
    SectionForm,
    VersionForm,
)
from ..models import DocumentLanguageVersion, Language, SectionKind
from ._common import _all_final, _edit_url, _language_or_404, _locked, login_on_denied


@login_on_denied
def document_edit(request, slug: str, code: str):
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    languages = selectors.document_languages(document)
    left = request.GET.get("left") if request.GET.get("left") in languages else document.original_language
    others = [code for code in languages if code != left]
    right = request.GET.get("right") if request.GET.get("right") in languages else (others[0] if others else left)
    shown = [left] if right == left else [left, right]
    sections = selectors.editor_sections(document, languages, shown)
    missing = selectors.missing_counts(sections, languages)
    statuses = selectors.language_statuses(document, missing)
    context = {
        "document": document,
        "sections": sections,
        "doc_languages": languages,
        "language_names": dict(Language.choices),
        "shown": shown,
        "left": left,
        "right": right,
        "statuses": statuses,
        "original_status": next(st for st in statuses if st.is_original),
        "all_final": all(st.is_final for st in statuses),
        "batch": selectors.latest_batch(document),
        "composition": selectors.composition_line(document, left),
        "language_form": LanguageAddForm(existing=languages),
        "section_kinds": SectionKind,
    }
    return render(request, "conclusions/editor.html", context)


@login_on_denied
def version_edit(request, slug: str, code: str, language: str):
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    language = _language_or_404(document, language)
    version = DocumentLanguageVersion.objects.get(document=document, language=language)
    if version.is_final:
        messages.error(
            request, _("%(language)s is final: its header is locked.") % {"language": Language(language).label}
        )
        return redirect(_edit_url(document))
    form = VersionForm(request.POST or None, instance=version)
    if request.method == "POST" and form.is_valid():
        fields = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            update = services.version_save(document=document, language=language, **fields)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(
                request, update.changed, _("Header (%(language)s) saved.") % {"language": Language(language).label}
            )
            return redirect(_edit_url(document))
    title = _("Header (%(language)s)") % {"language": Language(language).label}
    return render(request, "conclusions/form.html", {"form": form, "document": document, "title": title})


@login_on_denied
@require_POST
def language_add(request, slug: str, code: str):
    """Add a language: a draft translation, also once the document is published."""
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    form = LanguageAddForm(request.POST, existing=selectors.document_languages(document))
    if form.is_valid():
        try:
            services.version_add(document=document, language=form.cleaned_data["language"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Language added: its paragraphs are marked as missing translations."))
    else:
        messages.error(request, _("Choose a language the document does not have yet."))
    return redirect(_edit_url(document))


@login_on_denied
def section_add(request, slug: str, code: str):
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    if response := _locked(request, document):
        return response
    languages = selectors.document_languages(document)
    form = SectionForm(request.POST or None, languages=languages, initial={"kind": request.GET.get("kind", "section")})
    if request.method == "POST" and form.is_valid():
        try:
            services.section_add(document=document, kind=form.cleaned_data["kind"], titles=form.titles())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Section added."))
            return redirect(_edit_url(document))
    return render(request, "conclusions/form.html", {"form": form, "document": document, "title": _("Add a section")})


@login_on_denied
def section_edit(request, slug: str, code: str, pk: int):
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    section = permissions.get_section_for_user(request.user, document, pk)
    languages = selectors.document_languages(document)
    if response := _all_final(request, document, languages):
        return response
    locked = services.final_languages(document)
    initial = {f"title_{t.language}": t.title for t in section.titles.all()}
    form = SectionForm(request.POST or None, languages=languages, with_kind=False, initial=initial, locked=locked)
    if request.method == "POST" and "delete" in request.POST:
        if response := _locked(request, document):
            return response
        if section.paragraphs.exists():
            messages.error(request, _("Move or delete the section's paragraphs before deleting it."))
        else:
            services.section_delete(section=section)
            messages.success(request, _("Section deleted."))
            return redirect(_edit_url(document))
    elif request.method == "POST" and form.is_valid():
        try:
            update = services.section_titles_set(section=section, titles=form.titles())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Section titles saved."))
            return redirect(_edit_url(document))
    return render(
        request,
        "conclusions/section_form.html",
        {
            "form": form,
            "document": document,
            "section": section,
            "title": _("Section titles"),
            "structure_locked": document.is_final,
        },
    )


@login_on_denied
def paragraph_add(request, slug: str, code: str, section: int):
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    section_obj = permissions.get_section_for_user(request.user, document, section)
    if response := _locked(request, document):
        return response
    languages = selectors.document_languages(document)
    default_kind = "numbered" if section_obj.kind == SectionKind.SECTION else "bullet"
    form = ParagraphForm(
        request.POST or None, languages=languages, section_kind=section_obj.kind, initial={"kind": default_kind}
    )
    if request.method == "POST" and form.is_valid():
        try:
            paragraph = services.paragraph_add(section=section_obj, kind=form.cleaned_data["kind"], texts=form.texts())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Paragraph added."))
            return redirect(f"{_edit_url(document)}#p{paragraph.pk}")
    return render(
        request,
        "conclusions/paragraph_form.html",
        {"form": form, "document": document, "title": _("Add a paragraph")},
    )


@login_on_denied
def paragraph_edit(request, slug: str, code: str, pk: int):
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    paragraph = permissions.get_paragraph_for_user(request.user, document, pk)
    languages = selectors.document_languages(document)
    if response := _all_final(request, document, languages):
        return response
    initial = {"kind": paragraph.kind, **{f"text_{t.language}": t.text for t in paragraph.texts.all()}}
    form = ParagraphForm(
        request.POST or None,
        languages=languages,
        section_kind=paragraph.section.kind,
        initial=initial,
        locked=services.final_languages(document),
        structure_locked=document.is_final,
    )
    if request.method == "POST" and form.is_valid():
        try:
            update = services.paragraph_update(paragraph=paragraph, texts=form.texts(), kind=form.cleaned_data["kind"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Paragraph saved."))
            return redirect(f"{_edit_url(document)}#p{paragraph.pk}")
    return render(
        request,
        "conclusions/paragraph_form.html",
        {"form": form, "document": document, "paragraph": paragraph, "title": _("Edit a paragraph")},
    )


@login_on_denied
@require_POST
def paragraph_move(request, slug: str, code: str, pk: int):
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    paragraph = permissions.get_paragraph_for_user(request.user, document, pk)
    form = MoveForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose up or down."))
        return redirect(_edit_url(document))
    try:
        services.paragraph_move(paragraph=paragraph, direction=form.cleaned_data["direction"])
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    return redirect(f"{_edit_url(document)}#p{paragraph.pk}")


@login_on_denied
def paragraph_delete(request, slug: str, code: str, pk: int):
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    paragraph = permissions.get_paragraph_for_user(request.user, document, pk)
    if response := _locked(request, document):
        return response
    if request.method == "POST":
        services.paragraph_delete(paragraph=paragraph)
        messages.success(request, _("Paragraph deleted; the following paragraphs were renumbered."))
        return redirect(_edit_url(document))
    texts = {t.language: t.text for t in paragraph.texts.all()}
    return render(
        request,
        "conclusions/confirm.html",
        {
            "document": document,
            "title": _("Delete this paragraph?"),
            "text": texts.get(document.original_language) or next(iter(texts.values()), ""),
            "button": _("Delete"),
            "danger": True,
        },
    )
