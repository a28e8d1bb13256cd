from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import is_isu
from core.forms import add_service_errors
from core.messages import saved_or_unchanged

from .. import permissions, selectors, services
from ..forms import (
    DocumentCreateForm,
    DocumentSettingsForm,
    LanguageAddForm,
    MoveForm,
    ParagraphForm,
    SectionForm,
    VersionForm,
)
from ..models import BatchStatus, DocumentLanguageVersion, Language, SectionKind


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
    """Editing a final document: say so and go back to the editor."""
    if document.is_final:
        messages.error(request, _("This document is final: its text is locked."))
        return redirect(_edit_url(document))
    return None


def _language_or_404(document, language: str) -> str:
    if language not in Language.values or not document.versions.filter(language=language).exists():
        raise Http404
    return language


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
    languages = selectors.document_languages(document)
    language = request.GET.get("lang") or (
        request.LANGUAGE_CODE if request.LANGUAGE_CODE in languages else document.original_language
    )
    if language not in languages:
        raise Http404
    data = selectors.document_data(document, language)
    context = {
        "document": document,
        "doc": data,
        "doc_languages": [(code, Language(code).label) for code in languages],
        "language": language,
        "exports": selectors.latest_exports(document) if request.user.is_authenticated else {},
    }
    return render(request, "conclusions/document_detail.html", context)


@login_on_denied
def document_pdf(request, slug: str, code: str, language: str):
    """Download one language: a recorded export (a final document's stored export is reused)."""
    document = permissions.get_document_for_user(request.user, slug, code)
    language = _language_or_404(document, language)
    export = None
    if document.is_final:
        export = document.exports.filter(language=language, status_at_export="final").first()
    if export is None:
        export = services.document_export(document=document, language=language, by=request.user)
    return _serve_export(export)


def _serve_export(export) -> FileResponse:
    filename = f"{export.document.committee.slug}-{export.document.meeting_code}-{export.language}.pdf"
    response = FileResponse(
        export.file.open("rb"), as_attachment=True, filename=filename, content_type="application/pdf"
    )
    response["X-Content-SHA256"] = export.sha256
    return response


@login_on_denied
def document_preview(request, slug: str, code: str, language: str):
    """The PDF shown in the browser, not recorded (the ISU checks the layout while editing)."""
    document = permissions.get_document_for_user(request.user, slug, code)
    language = _language_or_404(document, language)
    content = services.render_document_pdf(document=document, language=language)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{document.meeting_code}-{language}-preview.pdf"'
    return response


@login_on_denied
def document_edit(request, slug: str, code: str):
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    languages = selectors.document_languages(document)
    left = request.GET.get("left") if request.GET.get("left") in languages else document.original_language
    others = [code for code in languages if code != left]
    right = request.GET.get("right") if request.GET.get("right") in languages else (others[0] if others else left)
    shown = [left] if right == left else [left, right]
    sections = selectors.editor_sections(document, languages, shown)
    versions = {v.language: v for v in document.versions.all()}
    context = {
        "document": document,
        "sections": sections,
        "doc_languages": languages,
        "language_names": dict(Language.choices),
        "shown": shown,
        "left": left,
        "right": right,
        "versions": [(code, versions[code]) for code in languages],
        "missing": selectors.missing_counts(sections, languages),
        "batch": selectors.latest_batch(document),
        "composition": selectors.composition_line(document, left),
        "language_form": LanguageAddForm(existing=languages),
        "section_kinds": SectionKind,
    }
    return render(request, "conclusions/editor.html", context)


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
def version_edit(request, slug: str, code: str, language: str):
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    if response := _locked(request, document):
        return response
    language = _language_or_404(document, language)
    version = DocumentLanguageVersion.objects.get(document=document, language=language)
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
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    if response := _locked(request, document):
        return response
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
    if response := _locked(request, document):
        return response
    languages = selectors.document_languages(document)
    initial = {f"title_{t.language}": t.title for t in section.titles.all()}
    form = SectionForm(request.POST or None, languages=languages, with_kind=False, initial=initial)
    if request.method == "POST" and "delete" in request.POST:
        if section.paragraphs.exists():
            messages.error(request, _("Move or delete the section's paragraphs before deleting it."))
        else:
            services.section_delete(section=section)
            messages.success(request, _("Section deleted."))
            return redirect(_edit_url(document))
    elif request.method == "POST" and form.is_valid():
        update = services.section_titles_set(section=section, titles=form.titles())
        saved_or_unchanged(request, update.changed, _("Section titles saved."))
        return redirect(_edit_url(document))
    return render(
        request,
        "conclusions/section_form.html",
        {"form": form, "document": document, "section": section, "title": _("Section titles")},
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
    if response := _locked(request, document):
        return response
    languages = selectors.document_languages(document)
    initial = {"kind": paragraph.kind, **{f"text_{t.language}": t.text for t in paragraph.texts.all()}}
    form = ParagraphForm(
        request.POST or None, languages=languages, section_kind=paragraph.section.kind, initial=initial
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


@login_on_denied
def document_generate(request, slug: str, code: str):
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    if response := _locked(request, document):
        return response
    if request.method == "POST":
        from ..generate import document_generate_draft

        try:
            report = document_generate_draft(document=document, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request,
                _("Draft generated: %(n)s paragraphs from the recorded data.") % {"n": report.paragraphs},
            )
            for note in report.notes:
                messages.info(request, note)
        return redirect(_edit_url(document))
    return render(
        request,
        "conclusions/confirm.html",
        {
            "document": document,
            "title": _("Generate a draft from the data?"),
            "text": _(
                "The sections, paragraphs and annex are rebuilt from the meetings, questionnaires, Fund work, "
                "priority actions and gender workplan recorded for %(year)s. Paragraphs you edited are replaced."
            )
            % {"year": document.year},
            "button": _("Generate draft"),
            "danger": True,
        },
    )


@login_on_denied
def document_finalise(request, slug: str, code: str):
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    if response := _locked(request, document):
        return response
    if request.method == "POST":
        try:
            services.document_finalise(document=document, by=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("The document is final: its text is locked and it is now public."))
        return redirect(_edit_url(document))
    return render(
        request,
        "conclusions/confirm.html",
        {
            "document": document,
            "title": _("Finalise the document?"),
            "text": _("A final document is published and its text can no longer be changed in any language."),
            "button": _("Finalise"),
            "danger": False,
        },
    )


@login_on_denied
@require_POST
def export_all(request, slug: str, code: str):
    document = permissions.get_document_for_user(request.user, slug, code, write=True)
    with transaction.atomic():
        batch = services.batch_create(document=document, by=request.user)
    messages.info(request, _("Export of every language started; the download appears below when it is ready."))
    return redirect(f"{_edit_url(document)}?batch={batch.pk}#export")


@login_on_denied
def batch_status(request, slug: str, code: str, pk: int):
    document = permissions.get_document_for_user(request.user, slug, code)
    batch = permissions.get_batch_for_user(request.user, document, pk)
    data = {
        "status": batch.status,
        "status_label": batch.get_status_display(),
        "done": batch.done,
        "total": batch.total,
        "percent": batch.percent,
        "error": batch.error,
        "download_url": reverse("conclusions:batch_download", args=[slug, code, batch.pk])
        if batch.status == BatchStatus.DONE
        else None,
    }
    return JsonResponse(data)


@login_on_denied
def batch_download(request, slug: str, code: str, pk: int):
    document = permissions.get_document_for_user(request.user, slug, code)
    batch = permissions.get_batch_for_user(request.user, document, pk)
    if batch.status != BatchStatus.DONE or not batch.file:
        raise Http404
    filename = f"{document.committee.slug}-{document.meeting_code}-all-languages.zip"
    return FileResponse(batch.file.open("rb"), as_attachment=True, filename=filename, content_type="application/zip")


@login_on_denied
def export_list(request, slug: str, code: str):
    document = permissions.get_document_for_user(request.user, slug, code)
    permissions.require_committee_reader(request.user)
    exports = document.exports.select_related("created_by").order_by("-created_at", "-pk")
    return render(request, "conclusions/export_list.html", {"document": document, "exports": exports})


@login_on_denied
def export_download(request, slug: str, code: str, pk: int):
    document = permissions.get_document_for_user(request.user, slug, code)
    export = permissions.get_export_for_user(request.user, document, pk)
    return _serve_export(export)
