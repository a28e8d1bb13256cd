"""Render a document's plain structure to HTML (print CSS) and then to PDF with WeasyPrint."""

from pathlib import Path

from django.conf import settings
from django.template.loader import render_to_string

from .selectors import DocumentData

PRINT_CSS = Path(settings.BASE_DIR) / "static" / "conclusions" / "print.css"


def render_html(data: DocumentData) -> str:
    return render_to_string("conclusions/pdf/document.html", {"doc": data})


def render_pdf(data: DocumentData) -> bytes:
    from weasyprint import CSS, HTML  # imported late: Pango loads slowly and only exports need it

    from core.pdf import safe_url_fetcher

    html = HTML(string=render_html(data), base_url=str(settings.BASE_DIR), url_fetcher=safe_url_fetcher)
    stylesheet = CSS(filename=str(PRINT_CSS), url_fetcher=safe_url_fetcher)
    # PDF/UA-1: a tagged PDF (structure for screen readers) with its language (html lang) and title (<title>).
    return html.write_pdf(stylesheets=[stylesheet], pdf_variant="pdf/ua-1", optimize_images=False)
