"""The PDF of a submitted version: rendered once per version and language, then served from storage.

A version never changes once submitted, so its PDF is stored under a name made of its id and the
language (`LAYOUT` changes the names when the template changes enough to warrant a new rendering).
"""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .documents import document_sections, key_figures, receipt
from .models import ReportVersion

LAYOUT = 1


def document_context(version: ReportVersion) -> dict:
    report = version.report
    return {
        "report": report,
        "version": version,
        "sections": document_sections(version.content, public=True),
        "key_figures": key_figures(version),
        "receipt": receipt(report),
        "generated_at": timezone.now(),
    }


def version_pdf_name(version: ReportVersion, language: str) -> str:
    return f"reporting/pdf/{LAYOUT}/{version.pk}/{language}.pdf"


def version_pdf_render(version: ReportVersion, language: str) -> bytes:
    from weasyprint import CSS, HTML  # imported late: Pango loads slowly

    from core.pdf import safe_url_fetcher

    with translation.override(language):
        html = render_to_string("reporting/print.html", document_context(version) | {"screen": False})
    stylesheet = CSS(filename=finders.find("reporting/print.css"), url_fetcher=safe_url_fetcher)
    document = HTML(string=html, base_url=str(settings.BASE_DIR), url_fetcher=safe_url_fetcher)
    return document.write_pdf(stylesheets=[stylesheet])


def version_pdf_stored(version: ReportVersion, language: str) -> str:
    """The storage name of the version's PDF in `language`, rendered and stored on the first request."""
    name = version_pdf_name(version, language)
    if not default_storage.exists(name):
        saved = default_storage.save(name, ContentFile(version_pdf_render(version, language)))
        if saved != name:  # another request stored it in the meantime: keep one
            default_storage.delete(saved)
    return name
