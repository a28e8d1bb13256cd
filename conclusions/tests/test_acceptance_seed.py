"""Acceptance against the real document: the demo's 2023 conclusions are the generator's output, generated from
the demo records, and reproduce the seed (data/conclusions-2023-fr.txt) paragraph by paragraph."""

import datetime
import difflib
import io
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone
from pypdf import PdfReader

from conclusions.generate import document_generate_draft
from conclusions.models import ConclusionsDocument, DocumentExport, Paragraph
from conclusions.selectors import document_data, hand_edited_paragraphs
from core.demo import DemoContext, demo_modules

SEED = Path(settings.BASE_DIR) / "data" / "conclusions-2023-fr.txt"
SPANISH = Path(settings.BASE_DIR) / "data" / "conclusions-2023-es.yaml"
SYMBOL = "APLC/MSP.21/2023/7"
DRAFT_MARK = "PROJET"  # conclusions.labels: "draft" in French
THRESHOLD = 0.95


def _norm(text: str) -> str:
    """Collapse white space, drop superscript markup, and join words a line break split after a hyphen."""
    text = re.sub(r"\^\{([^}]*)\}", r"\1", text)
    text = re.sub(r"\s+", " ", text).strip()
    return re.sub(r"(\w)- (\w)", r"\1-\2", text)


def similarity(got: str, expected: str) -> float:
    return difflib.SequenceMatcher(None, _norm(got), _norm(expected)).ratio()


def _seed() -> tuple[list[str], list[str], list[str], str, list[str]]:
    """Independent reading of the seed: numbered paragraphs, annex intro paragraphs, annex bullets, annex title,
    header lines."""
    lines = [line.strip() for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    annex_at = lines.index("Annexe I")
    paragraphs = [re.sub(r"^\d+\.\s+", "", line) for line in lines[:annex_at] if re.match(r"^\d+\.\s", line)]
    annex = lines[annex_at + 2 :]
    bullets = [line[2:] for line in annex if line.startswith("- ")]
    intro = [line for line in annex if not line.startswith("- ")]
    return paragraphs, intro, bullets, lines[annex_at + 1], lines[:8]


@pytest.fixture
def demo_document(demo_data, db) -> ConclusionsDocument:
    """Every app's demo data, as `load_demo` records it (once for this module: conftest.demo_data); the
    conclusions loader generates the document."""
    return ConclusionsDocument.objects.get(committee__slug="cooperation-assistance", meeting_code="21MSP")


def _page_text(page) -> str:
    """A page's text without the draft's mark (a draft prints it across every page)."""
    return "\n".join(line for line in page.extract_text().splitlines() if line.strip() != DRAFT_MARK)


def similarity_table(document: ConclusionsDocument) -> list[tuple[str, float]]:
    """(label, similarity) of every paragraph, the annex title, intro paragraphs and bullets of the French text."""
    data = document_data(document, "fr")
    seed_paragraphs, seed_intro, seed_bullets, seed_annex_title, _header = _seed()
    rows = [
        (f"¶{p.number}", similarity(p.text, expected))
        for p, expected in zip(data.numbered_paragraphs, seed_paragraphs, strict=True)
    ]
    annex = data.annexes[0]
    rows.append(("Annex I title", similarity(annex.title, seed_annex_title)))
    plain = [p for p in annex.paragraphs if p.kind == "plain"]
    bullets = [p for p in annex.paragraphs if p.kind == "bullet"]
    rows += [
        (f"Annex intro {i}", similarity(p.text, e)) for i, (p, e) in enumerate(zip(plain, seed_intro, strict=True), 1)
    ]
    rows += [
        (f"Annex bullet {i}", similarity(p.text, e))
        for i, (p, e) in enumerate(zip(bullets, seed_bullets, strict=True), 1)
    ]
    return rows


def test_the_generated_document_reproduces_the_seed_paragraph_by_paragraph(demo_document):
    data = document_data(demo_document, "fr")
    assert [p.number for p in data.numbered_paragraphs] == list(range(1, 20))
    assert [s.title for s in data.sections] == ["Activités du Comité", "Actions prioritaires du Comité"]
    assert [len(s.paragraphs) for s in data.sections] == [10, 9]
    annex = data.annexes[0]
    assert annex.label == "Annexe I"
    assert [p.kind for p in annex.paragraphs] == ["plain", "plain"] + ["bullet"] * 10

    rows = similarity_table(demo_document)
    print("\n".join(f"{label:<16} {ratio:6.1%}" for label, ratio in rows))
    assert len(rows) == 19 + 1 + 2 + 10
    low = [(label, round(ratio, 3)) for label, ratio in rows if ratio < THRESHOLD]
    assert low == []

    # Generated, not stored: every paragraph comes from a record, and none needed a hand edit.
    paragraphs = Paragraph.objects.filter(section__document=demo_document)
    assert paragraphs.count() == 31 and not paragraphs.filter(source="").exists()
    assert hand_edited_paragraphs(demo_document) == 0

    # The header: the seed's lines, from the document's facts and the generator's defaults.
    _p, _i, _b, _t, header = _seed()
    shown = [data.body, data.issue_date, data.language_label, data.original_label, data.meeting_name]
    shown += [data.place_and_dates, data.agenda_item, data.agenda_title]
    for got, expected in zip(shown, header, strict=True):
        # The seed spells the meeting "Vingtième et unième Assemblée"; the generator writes "Vingt et unième".
        assert similarity(got, expected) >= (0.9 if expected.startswith("Vingtième") else THRESHOLD), (got, expected)
    seed_text = SEED.read_text(encoding="utf-8")
    assert _norm(data.title) in _norm(seed_text)
    assert data.subtitle in seed_text
    assert data.composition in seed_text


def test_english_and_spanish_drafts_have_no_missing_part(demo_document):
    spanish = yaml.safe_load(SPANISH.read_text(encoding="utf-8"))
    for language in ("en", "es"):
        data = document_data(demo_document, language)
        assert [p.number for p in data.numbered_paragraphs] == list(range(1, 20))
        assert data.missing_count == 0
        assert all(p.text.strip() for s in data.sections + data.annexes for p in s.paragraphs)
        assert all(s.title for s in data.sections + data.annexes)
        for field in ("body", "meeting_name", "place_and_dates", "agenda_item", "agenda_title", "title", "subtitle"):
            assert getattr(data, field), (language, field)
        assert not re.search(r"missing|manquante|falta", " ".join(p.text for p in data.numbered_paragraphs), re.I)
    assert document_data(demo_document, "en").composition == (
        "Committee on the Enhancement of Cooperation and Assistance "
        "(Algeria, Japan, Netherlands (Kingdom of the) and Thailand (Chair))"
    )
    # Spanish: close to our faithful translation of the whole document (data/conclusions-2023-es.yaml).
    es = document_data(demo_document, "es").numbered_paragraphs
    assert "Dependencia de Apoyo para la Aplicación" in es[9].text
    assert min(similarity(p.text, expected) for p, expected in zip(es, spanish, strict=True)) >= 0.9


def test_the_text_follows_the_facts(demo_document):
    from fund.models import Application, ApplicationEvent
    from meetings.models import IndividualisedApproachRequest, Meeting, PreliminaryObservations

    def french() -> list[str]:
        document_generate_draft(document=demo_document, by=None)
        return [p.text for p in document_data(demo_document, "fr").numbered_paragraphs]

    before = french()
    assert "Sénégal" not in before[9]  # Senegal's application began on 9 October 2023, after the issue date

    # A meeting's date.
    Meeting.objects.filter(code="CA-2023-01-16").update(
        start_date=datetime.date(2023, 1, 18), end_date=datetime.date(2023, 1, 18)
    )
    # A State removed from the bilateral series.
    Meeting.objects.filter(code="2023-bilateral-bih").update(series=None)
    # A panel topic.
    panel = Meeting.objects.get(code="IM2023-panel-ca")
    panel.topics_fr = panel.topics_fr.replace(
        "Les tendances en matière de financement depuis la quatrième Conférence d'examen",
        "Les nouveaux donateurs",
    )
    panel.save(update_fields=["topics_fr"])
    # A Fund application dated after the issue date: Nigeria's work now starts in October.
    nigeria = Application.objects.get(state__iso3="NGA")
    ApplicationEvent.objects.filter(application=nigeria).update(at=timezone.make_aware(datetime.datetime(2023, 10, 2)))
    # The final report of Senegal's individualised approach is published.
    IndividualisedApproachRequest.objects.filter(state__iso3="SEN").update(
        status="report_published", report_published_on=datetime.date(2023, 9, 1)
    )

    after = french()
    assert before[0].startswith("Le Comité s'est réuni une première fois le 16 janvier 2023")
    assert after[0].startswith("Le Comité s'est réuni une première fois le 18 janvier 2023")
    assert "Bosnie-Herzégovine" in before[1] and "Bosnie-Herzégovine" not in after[1]
    assert after[1].endswith(
        "Il s'agissait des États suivants\u00a0: Cambodge, Colombie, Éthiopie, Guinée-Bissau, Iraq, "
        "Mauritanie, République démocratique du Congo, Sénégal, Serbie, Somalie, Sri Lanka, "
        "Tadjikistan, Tchad, Türkiye et Zimbabwe."
    )
    assert "ont examiné les nouveaux donateurs, les succès obtenus" in after[5]
    assert "Nigéria" in before[9] and "Nigéria" not in after[9]
    assert after[9] == (
        "Le Comité a actualisé le mandat du Fonds de coopération et d'assistance, avec le soutien de l'Unité d'appui "
        "à l'application et d'autres partenaires."
    )
    assert after[6].endswith(
        "Un rapport final sur ces réunions a été publié sur la page du site Web de la Convention consacrée au Sénégal."
    )
    # The preliminary observations exist as a record; without it, the paragraph goes and the numbers follow.
    PreliminaryObservations.objects.all().delete()
    without = french()
    assert len(without) == 18
    assert not [p for p in without if "observations préliminaires" in p]
    assert without[4].startswith("Lors des réunions intersessions des 19, 20 et 21 juin 2023, le Comité a organisé")


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
    seed_paragraphs, seed_intro, seed_bullets, seed_annex_title, _header = _seed()

    body, annex = flat.split("Annexe I ", 1)
    starts = []
    position = 0
    for n in range(1, 20):
        match = re.compile(rf"(?<![\d/]){n}\. ").search(body, position)
        assert match, f"paragraph {n} not found"
        starts.append(match)
        position = match.end()
    found = [
        body[match.end() : starts[i + 1].start() if i + 1 < len(starts) else len(body)].strip()
        for i, match in enumerate(starts)
    ]
    found[9], heading = found[9].split(" II. ", 1)  # paragraph 10 is followed by the second section's heading
    assert heading == "Actions prioritaires du Comité"
    for n, (got, expected) in enumerate(zip(found, seed_paragraphs, strict=True), start=1):
        assert similarity(got, expected) >= THRESHOLD, f"paragraph {n} differs: {got}"
    assert "I. Activités du Comité 1. " in flat

    # Annex I: title, two intro paragraphs, ten bullets.
    assert similarity(annex[: len(seed_annex_title)], seed_annex_title) >= THRESHOLD
    items = [item.strip() for item in annex[len(_norm(seed_annex_title)) :].split("•")]
    intro_text, bullets = items[0], items[1:]
    assert similarity(intro_text, " ".join(seed_intro)) >= THRESHOLD
    assert len(bullets) == 10
    for got, expected in zip(bullets, seed_bullets, strict=True):
        assert similarity(got, expected) >= THRESHOLD, got

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

    # The fonts are embedded Noto.
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


def test_demo_loads_twice_without_change(demo_document):
    from conclusions.models import ParagraphText

    before = (Paragraph.objects.count(), ParagraphText.objects.count(), demo_document.history.count())
    ctx = DemoContext()
    for module in demo_modules():
        module.load(ctx)
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
