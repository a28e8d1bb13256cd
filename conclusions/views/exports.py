"""A document's outputs: the PDF and preview, generating the draft, the export batches."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .. import permissions, services
from ..models import BatchStatus, Status
from ._common import _edit_url, _locked, login_on_denied


@login_on_denied
def document_pdf(request, slug: str, code: str, language: str):
    """Download one language: a recorded export. A final language's stored export is reused; a draft
    language is exported afresh, marked DRAFT (the committee and the ISU only)."""
    document = permissions.get_document_for_user(request.user, slug, code)
    version = permissions.get_version_for_user(request.user, document, language)
    export = None
    if version.is_final:
        export = document.exports.filter(language=language, status_at_export=Status.FINAL).first()
    if export is None:
        export = services.document_export(document=document, language=language, by=request.user)
    return _serve_export(export)


def _serve_export(export) -> FileResponse:
    response = FileResponse(
        export.file.open("rb"),
        as_attachment=True,
        filename=services.export_filename(export),
        content_type="application/pdf",
    )
    response["X-Content-SHA256"] = export.sha256
    return response


@login_on_denied
def document_preview(request, slug: str, code: str, language: str):
    """The PDF shown in the browser, not recorded (the ISU checks the layout while editing)."""
    document = permissions.get_document_for_user(request.user, slug, code)
    version = permissions.get_version_for_user(request.user, document, language)
    content = services.render_document_pdf(document=document, language=version.language)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{document.meeting_code}-{language}-preview.pdf"'
    return response


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
