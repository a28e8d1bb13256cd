import logging
from pathlib import Path

import pytest
from django.conf import settings
from weasyprint import HTML

from core.pdf import RefusedURL, safe_url_fetcher

STATIC_CSS = Path(settings.BASE_DIR) / "static" / "reporting" / "print.css"


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/logo.png",
        "https://169.254.169.254/latest/meta-data/",
        "file:///etc/passwd",
        f"file://{settings.BASE_DIR}/config/settings.py",
        f"file://{STATIC_CSS.parent}/../../config/settings.py",
        "http://testserver/admin/",
        "http://testserver/static/../config/settings.py",
        "ftp://testserver/static/reporting/print.css",
    ],
)
def test_anything_but_own_static_and_media_files_is_refused(url):
    with pytest.raises(RefusedURL):
        safe_url_fetcher(url)


def test_a_static_file_is_fetched_by_path_and_by_url():
    by_path = safe_url_fetcher(STATIC_CSS.as_uri())
    by_url = safe_url_fetcher("http://testserver/static/reporting/print.css")
    assert by_path.read() == by_url.read() == STATIC_CSS.read_bytes()
    assert by_url.content_type == "text/css"


def test_a_media_file_is_fetched(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    assert safe_url_fetcher((tmp_path / "logo.png").as_uri()).read() == b"\x89PNG\r\n\x1a\n"
    assert safe_url_fetcher("http://testserver/media/logo.png").read() == b"\x89PNG\r\n\x1a\n"


def test_weasyprint_does_not_read_a_local_file_referenced_by_a_document(caplog, tmp_path):
    secret = tmp_path / "secret.css"
    secret.write_text("p { color: red }")
    html = f'<link rel="stylesheet" href="{secret.as_uri()}"><img src="file:///etc/passwd"><p>x</p>'
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        document = HTML(string=html, url_fetcher=safe_url_fetcher).render()
    assert document.pages
    refused = [r.getMessage() for r in caplog.records if "RefusedURL" in r.getMessage()]
    assert len(refused) == 2


def _weasyprint_calls():
    import ast

    root = Path(settings.BASE_DIR)
    for path in root.rglob("*.py"):
        relative = path.relative_to(root)
        if relative.parts[0].startswith(".") or "tests" in relative.parts or relative.parts[0] in ("var", "bench"):
            continue
        source = path.read_text()
        if "weasyprint" not in source:
            continue
        tree = ast.parse(source, filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
                if name in ("HTML", "CSS"):
                    yield f"{relative}:{node.lineno}", {k.arg for k in node.keywords}


def test_every_weasyprint_document_and_stylesheet_uses_the_safe_fetcher():
    calls = dict(_weasyprint_calls())
    assert any(label.startswith("conclusions/pdf.py") for label in calls)
    assert any(label.startswith("reporting/pdf.py") for label in calls)
    missing = [label for label, keywords in calls.items() if "url_fetcher" not in keywords]
    assert missing == []
