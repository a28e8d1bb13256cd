"""The PDFs of submitted versions: rendered once per version and language, then served from storage.

A version never changes once submitted, so its PDF is stored under a name made of its id and the
language (`LAYOUT` changes the names when the template changes enough to warrant a new rendering).
The comparison of two versions is stored the same way, under the two versions' ids.
"""

import base64
import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .documents import diff_versions, document, key_figures, receipt
from .models import ReportAttachment, ReportVersion

LAYOUT = 2


def _photo_sources(version: ReportVersion) -> dict[int, str]:
    """Each Form H photograph of the version as WeasyPrint reads it: the stored file (media files are
    allowed by core.pdf.safe_url_fetcher), else its bytes as a data: URL."""
    ids = {
        int(r["photo"])
        for entry in (version.content.get("sections") or {}).values()
        for rows in ((entry.get("tables") or {}) | ((entry.get("carried") or {}).get("tables") or {})).values()
        for r in rows
        if str(r.get("photo") or "").isdigit()
    }
    sources = {}
    for attachment in ReportAttachment.objects.filter(pk__in=ids, report__state=version.report.state):
        try:
            sources[attachment.pk] = Path(attachment.file.path).resolve().as_uri()
        except NotImplementedError:  # a storage without local paths
            with attachment.file.open("rb") as f:
                kind = mimetypes.guess_type(attachment.file.name)[0] or "image/png"
                sources[attachment.pk] = f"data:{kind};base64,{base64.b64encode(f.read()).decode()}"
    return sources


def document_context(version: ReportVersion, *, for_pdf: bool = True, photo_url=None) -> dict:
    report = version.report
    if for_pdf:
        sources = _photo_sources(version)
        photo_url = sources.get
    doc = document(version, public=True, photo_url=photo_url)
    return {
        "report": report,
        "version": version,
        "doc": doc,
        "cover": doc.cover,
        "sections": doc.sections,
        "key_figures": key_figures(version),
        "receipt": receipt(report),
        "generated_at": timezone.now(),
    }


def version_pdf_name(version: ReportVersion, language: str) -> str:
    return f"reporting/pdf/{LAYOUT}/{version.pk}/{language}.pdf"


def _render(html: str) -> bytes:
    from weasyprint import CSS, HTML  # imported late: Pango loads slowly

    from core.pdf import safe_url_fetcher

    stylesheet = CSS(filename=finders.find("reporting/print.css"), url_fetcher=safe_url_fetcher)
    pdf = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=safe_url_fetcher)
    return pdf.write_pdf(stylesheets=[stylesheet])


def version_pdf_render(version: ReportVersion, language: str) -> bytes:
    with translation.override(language):
        html = render_to_string("reporting/print.html", document_context(version) | {"screen": False})
    return _render(html)


def _stored(name: str, render) -> str:
    if not default_storage.exists(name):
        saved = default_storage.save(name, ContentFile(render()))
        if saved != name:  # another request stored it in the meantime: keep one
            default_storage.delete(saved)
    return name


def version_pdf_stored(version: ReportVersion, language: str) -> str:
    """The storage name of the version's PDF in `language`, rendered and stored on the first request."""
    return _stored(version_pdf_name(version, language), lambda: version_pdf_render(version, language))


def comparison_context(old: ReportVersion, new: ReportVersion) -> dict:
    return {
        "report": new.report,
        "old": old,
        "new": new,
        "diff": diff_versions(old, new),
        "generated_at": timezone.now(),
    }


def comparison_pdf_render(old: ReportVersion, new: ReportVersion, language: str) -> bytes:
    with translation.override(language):
        html = render_to_string("reporting/versions_print.html", comparison_context(old, new))
    return _render(html)


def comparison_pdf_stored(old: ReportVersion, new: ReportVersion, language: str) -> str:
    """The comparison of two versions as a PDF, row by row: stored like a version's (both are immutable)."""
    name = f"reporting/pdf/{LAYOUT}/compare/{old.pk}-{new.pk}/{language}.pdf"
    return _stored(name, lambda: comparison_pdf_render(old, new, language))
