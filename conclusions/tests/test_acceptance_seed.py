"""Acceptance against the real document: the French PDF of the demo data gives back the seed's text."""

import importlib
import io
import re
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from pypdf import PdfReader

from conclusions.models import ConclusionsDocument, DocumentExport
from core.demo import DemoContext

SEED = Path(settings.BASE_DIR) / "data" / "conclusions-2023-fr.txt"
SYMBOL = "APLC/MSP.21/2023/7"
DRAFT_MARK = "PROJET"  # conclusions.labels: "draft" in French


def _norm(text: str) -> str:
    """Collapse white space, drop superscript markup, and join words a line break split after a hyphen."""
    text = re.sub(r"\^\{([^}]*)\}", r"\1", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(\w)- (\w)", r"\1-\2", text)


def _seed() -> tuple[list[str], list[str], list[str], str]:
    """Independent reading of the seed: numbered paragraphs, annex intro paragraphs, annex bullets, annex title."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    annex_at = lines.index("Annexe I")
    paragraphs = [re.sub(r"^\d+\.\s+", "", line) for line in lines[:annex_at] if re.match(r"^\d+\.\s", line)]
    annex = lines[annex_at + 2 :]
    bullets = [line[2:] for line in annex if line.startswith("- ")]
    intro = [line for line in annex if not line.startswith("- ")]
    return paragraphs, intro, bullets, lines[annex_at + 1]


@pytest.fixture
def demo_document(db) -> ConclusionsDocument:
    ctx = DemoContext()
    for app in ("states", "committee", "conclusions"):
        importlib.import_module(f"{app}.demo").load(ctx)
    return ConclusionsDocument.objects.get(committee__slug="cooperation-assistance", meeting_code="21MSP")


def _page_text(page) -> str:
    """A page's text without the draft's mark (a draft prints it across every page)."""
    return "\n".join(line for line in page.extract_text().splitlines() if line.strip() != DRAFT_MARK)


def _pdf_text(content: bytes) -> tuple[str, PdfReader]:
    reader = PdfReader(io.BytesIO(content))
    pages = []
    for page in reader.pages:
        lines = _page_text(page).splitlines()
        # Margin boxes: the running symbol and the page number.
        lines = [line for line in lines if line.strip() != SYMBOL]
        lines = [line for line in lines if not re.fullmatch(r"\d{1,3}", line.strip())]
        pages.append("\n".join(lines))
    return "\n".join(pages), reader


def test_french_export_reproduces_the_seed_paragraph_by_paragraph(demo_document, tmp_path):
    output = tmp_path / "conclusions-fr.pdf"
    call_command(
        "export_conclusions",
        committee="cooperation-assistance",
        meeting="21MSP",
        language="fr",
        output=str(output),
        stdout=io.StringIO(),
    )
    text, reader = _pdf_text(output.read_bytes())
    flat = _norm(text)
    seed_paragraphs, seed_intro, seed_bullets, seed_annex_title = _seed()
    assert len(seed_paragraphs) == 19

    body, annex = flat.split("Annexe I ", 1)
    # Paragraphs 1 to 19, in order, each exactly the seed's text.
    starts = []
    position = 0
    for n in range(1, 20):
        match = re.compile(rf"(?<![\d/]){n}\. ").search(body, position)
        assert match, f"paragraph {n} not found"
        starts.append(match)
        position = match.end()
    found = []
    for i, match in enumerate(starts):
        end = starts[i + 1].start() if i + 1 < len(starts) else len(body)
        found.append(body[match.end() : end].strip())
    found[9], heading = found[9].split(" II. ", 1)  # paragraph 10 is followed by the second section's heading
    assert heading == "Actions prioritaires du Comité"
    for n, (got, expected) in enumerate(zip(found, seed_paragraphs, strict=True), start=1):
        assert got == _norm(expected), f"paragraph {n} differs"

    assert "I. Activités du Comité 1. " in flat
    # Header, title and composition as in the seed.
    for line in SEED.read_text(encoding="utf-8").splitlines()[:40]:
        if line.strip() and not re.match(r"^(\d+|I)\.", line.strip()):
            assert _norm(line) in flat, line
        if line.startswith("I. "):
            break

    # Annex I: title, two intro paragraphs, ten bullets.
    assert annex.startswith(_norm(seed_annex_title))
    items = [item.strip() for item in annex[len(_norm(seed_annex_title)) :].split("•")]
    intro_text, bullets = items[0], items[1:]
    assert intro_text == _norm(" ".join(seed_intro))
    assert bullets == [_norm(b) for b in seed_bullets]
    assert len(bullets) == 10

    # The annex starts on a new page; every page carries the symbol, every page but the first its number
    # (as in UN documents).
    annex_page = next(i for i, page in enumerate(reader.pages) if _page_text(page).startswith("Annexe I"))
    assert "19." in _page_text(reader.pages[annex_page - 1])
    for i, page in enumerate(reader.pages, start=1):
        page_text = _page_text(page)
        assert SYMBOL in page_text
        if i > 1:
            assert page_text.rstrip().splitlines()[-1].strip() == str(i)
    assert DocumentExport.objects.filter(document=demo_document, language="fr").count() == 1


def test_pdf_embeds_the_noto_fonts(demo_document):
    from conclusions.services import render_document_pdf

    reader = PdfReader(io.BytesIO(render_document_pdf(document=demo_document, language="fr")))
    fonts = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor") or font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
            fonts.add(str(font["/BaseFont"]).split("+")[-1])
    assert any(name.startswith("Noto-Serif") for name in fonts), fonts
    assert any(name.startswith("Noto-Sans") for name in fonts), fonts


def test_english_version_is_complete_and_numbered_1_to_19(demo_document):
    from conclusions.selectors import document_data

    data = document_data(demo_document, "en")
    assert [p.number for p in data.numbered_paragraphs] == list(range(1, 20))
    assert data.missing_count == 0
    assert data.composition == (
        "Committee on the Enhancement of Cooperation and Assistance "
        "(Algeria, Japan, Netherlands (Kingdom of the) and Thailand (Chair))"
    )
    assert len(data.annexes[0].paragraphs) == 12


def test_french_composition_line_is_computed_from_memberships(demo_document):
    from conclusions.selectors import document_data

    seed_composition = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.startswith("Comité sur")]
    assert document_data(demo_document, "fr").composition == seed_composition[0]


def test_spanish_version_is_complete(demo_document):
    """The demo holds the whole document in Spanish too (missing translations are flagged: see test_generate)."""
    from conclusions.selectors import document_data

    data = document_data(demo_document, "es")
    assert [p.number for p in data.numbered_paragraphs] == list(range(1, 20))
    assert not [p.number for p in data.numbered_paragraphs if p.missing]
    assert data.annexes[0].paragraphs and not [p for p in data.annexes[0].paragraphs if p.missing]
    assert "Dependencia de Apoyo para la Aplicación" in data.numbered_paragraphs[9].text


def test_demo_loads_twice_without_change(demo_document):
    from conclusions.models import Paragraph, ParagraphText

    before = (Paragraph.objects.count(), ParagraphText.objects.count(), demo_document.history.count())
    importlib.import_module("conclusions.demo").load(DemoContext())
    after = (Paragraph.objects.count(), ParagraphText.objects.count(), demo_document.history.count())
    assert before == after
    assert ParagraphText.history.filter(history_type="~").count() == 0


def test_export_all_languages_produces_a_zip_with_one_pdf_per_language(
    demo_document, django_capture_on_commit_callbacks
):
    from conclusions.models import BatchStatus
    from conclusions.services import batch_create

    with django_capture_on_commit_callbacks(execute=True):
        batch = batch_create(document=demo_document, by=None)
    batch.refresh_from_db()
    assert batch.status == BatchStatus.DONE
    assert (batch.done, batch.total) == (3, 3)
    with batch.file.open("rb") as fh:
        archive = zipfile.ZipFile(io.BytesIO(fh.read()))
    names = sorted(archive.namelist())
    assert names == [f"cooperation-assistance-21MSP-{lang}-draft.pdf" for lang in ("en", "es", "fr")]
    for name in names:
        assert archive.read(name).startswith(b"%PDF-")
    assert batch.exports.count() == 3
