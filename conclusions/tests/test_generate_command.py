"""`generate_conclusions`: the generator's draft from the current data, rendered to PDF, nothing stored."""

import io
import subprocess

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command

from conclusions import services
from conclusions.models import ConclusionsDocument, DocumentLanguageVersion, Status

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_data, db):
    """The demo, loaded once for this module (conftest.demo_data)."""


def _counts() -> dict[str, int]:
    """Rows of every model of the conclusions app, history included."""
    return {model._meta.label: model.objects.count() for model in apps.get_app_config("conclusions").get_models()}


def _pdf_text(path) -> str:
    """The PDF's text in the order it is drawn (-raw: the layout mode would scatter the draft's diagonal mark)."""
    return subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout


def _generate(tmp_path, meeting: str, language: str):
    output = tmp_path / f"{meeting}-{language}.pdf"
    call_command(
        "generate_conclusions",
        committee="cooperation-assistance",
        meeting=meeting,
        language=language,
        output=str(output),
        stdout=io.StringIO(),
    )
    return output


def test_renders_the_generated_draft_of_the_document_and_stores_nothing(demo, tmp_path):
    document = ConclusionsDocument.objects.get(meeting_code="21MSP")
    texts_before = sorted(document.sections.values_list("paragraphs__texts__text"))
    before = _counts()
    assert before["conclusions.Paragraph"] > 0 and before["conclusions.HistoricalParagraphText"] > 0
    output = _generate(tmp_path, "21MSP", "fr")
    assert _counts() == before
    assert sorted(document.sections.values_list("paragraphs__texts__text")) == texts_before
    text = " ".join(_pdf_text(output).split())
    assert "I. Activités du Comité 1. " in text
    assert "APLC/MSP.21/2023/7" in text

    # A published document stays as it is too; what the generator makes is a draft and says so.
    DocumentLanguageVersion.objects.filter(document=document, language="en").update(finalised_at="2023-09-22T10:00Z")
    ConclusionsDocument.objects.filter(pk=document.pk).update(status=Status.FINAL)
    before = _counts()
    output = _generate(tmp_path, "21MSP", "en")
    assert _counts() == before
    assert services.final_languages(document) == {"en"}
    document.refresh_from_db()
    assert document.status == Status.FINAL
    text = _pdf_text(output)
    assert "DRAFT" in text.splitlines() and "I. Activities of the Committee" in text


def test_a_meeting_without_a_document_gets_a_draft_made_from_its_record(demo, tmp_path):
    assert not ConclusionsDocument.objects.filter(meeting_code="5RC").exists()
    before = _counts()
    output = _generate(tmp_path, "5RC", "fr")
    assert _counts() == before
    text = " ".join(_pdf_text(output).split())
    assert "Cinquième Conférence d'examen des États parties à la Convention" in text
    assert "Siem Reap, 25-29 novembre 2024" in text

    with pytest.raises(CommandError, match="No meeting is recorded with the code 99MSP"):
        _generate(tmp_path, "99MSP", "en")
    assert _counts() == before


def test_an_unknown_committee_is_refused(tmp_path):
    with pytest.raises(CommandError, match="No committee"):
        call_command(
            "generate_conclusions", committee="nope", meeting="21MSP", language="en", output=str(tmp_path / "x.pdf")
        )
