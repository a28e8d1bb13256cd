import io

import pytest
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from pypdf import PdfReader

from reporting import pdf, services
from reporting.models import ReportVersion

from .factories import CycleFactory, complete_draft

pytestmark = pytest.mark.django_db
YEAR = 2022


@pytest.fixture
def version(cast) -> ReportVersion:
    cycle = CycleFactory(year=YEAR)
    report = services.report_start(state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=False)
    report = services.report_save_draft(
        report=report, data=complete_draft(), by=cast.delegate_a, expected_version_token=1
    ).obj
    services.report_submit(report=report, by=cast.delegate_a)
    return report.versions.get(number=1)


@pytest.fixture
def renders(monkeypatch) -> list:
    calls = []
    real = pdf.version_pdf_render

    def counting(version, language):
        calls.append((version.pk, language))
        return real(version, language)

    monkeypatch.setattr(pdf, "version_pdf_render", counting)
    return calls


def _url(cast) -> str:
    return reverse("reporting:pdf", args=[cast.state_a.iso3, YEAR, 1])


def _text(response) -> str:
    content = b"".join(response.streaming_content)
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_the_pdf_is_rendered_once_per_version_and_language_then_served_from_storage(cast, version, renders):
    client = Client()
    first = client.get(_url(cast))
    second = client.get(_url(cast))
    assert first.status_code == second.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert first["X-Content-Type-Options"] == "nosniff"
    first_text = _text(first)
    assert "Article 7 report of Aland A on calendar year 2022" in first_text
    assert _text(second) == first_text
    assert renders == [(version.pk, "en")]
    assert default_storage.exists(pdf.version_pdf_name(version, "en"))

    french = client.get(_url(cast), HTTP_ACCEPT_LANGUAGE="fr")
    assert "portant sur l'année civile 2022" in _text(french)
    assert renders == [(version.pk, "en"), (version.pk, "fr")]


def test_the_pdf_is_throttled_per_client(cast, version, settings):
    settings.PUBLIC_PDF_RATE = "2/m"
    settings.TRUSTED_PROXY_COUNT = 1
    greedy = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.9")
    assert [greedy.get(_url(cast)).status_code for _ in range(3)] == [200, 200, 429]
    assert greedy.get(_url(cast))["Retry-After"] == "60"
    other = Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert other.get(_url(cast)).status_code == 200
