"""The printed document: footnotes at the page foot, a tagged PDF/UA with its language and title, the DRAFT
mark on every page of a draft, the symbol and page numbers where UN documents put them, the "Original:" line."""

import io
import subprocess

import pytest
from pypdf import PdfReader

from conclusions import services
from conclusions.models import ConclusionsDocument, DocumentLanguageVersion, Paragraph, ParagraphText
from conclusions.pdf import render_html
from conclusions.selectors import document_data
from conclusions.tests.factories import make_document

pytestmark = pytest.mark.django_db

SYMBOL = "APLC/MSP.21/2023/7"
LONG = "The Committee took note of the many reports received and of their contents. " * 12


def _pages(content: bytes, tmp_path) -> list[str]:
    """Each page's text as pdftotext reads it in drawing order (-raw keeps the diagonal mark in one piece)."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(content)
    out = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return out.split("\f")[:-1]


def positions(page) -> dict[str, tuple[float, float]]:
    """Each piece of text on a PDF page and where it starts (x, y in points from the bottom left)."""
    found = {}

    def visit(text, cm, tm, font, size):
        if text.strip():  # the text matrix in the current transform
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            found.setdefault(text.strip(), (x, y))

    page.extract_text(visitor_text=visit)
    return found


def _pdf(document, language="en") -> bytes:
    return services.render_document_pdf(document=document, language=language)


def _long_document(**kwargs) -> ConclusionsDocument:
    """Three pages or so: every numbered paragraph is long."""
    document = make_document(paragraphs=3, **kwargs)
    ParagraphText.objects.filter(paragraph__section__document=document, paragraph__kind="numbered").update(text=LONG)
    return document


def test_a_footnote_is_printed_at_the_foot_of_the_page_of_its_call(tmp_path):
    document = _long_document()
    paragraphs = list(
        Paragraph.objects.filter(section__document=document, kind="numbered").order_by("section__order", "order")
    )
    last = paragraphs[-1]
    ParagraphText.objects.filter(paragraph=last, language="en").update(
        text="Reports came through the online tool.^[Launched in *2022*; see APLC/MSP.20/2022/5.] The end."
    )
    content = _pdf(document)
    pages = _pages(content, tmp_path)
    assert len(pages) >= 3
    call_page = next(i for i, page in enumerate(pages) if "Reports came through the online tool." in page)
    assert call_page > 0  # the note's page is not the first one: it follows its call
    note_pages = [i for i, page in enumerate(pages) if "Launched in 2022; see APLC/MSP.20/2022/5." in page]
    assert note_pages == [call_page]
    lines = [line.strip() for line in pages[call_page].splitlines()]
    note = next(i for i, line in enumerate(lines) if "Launched in 2022" in line)
    call = next(i for i, line in enumerate(lines) if "Reports came through the online tool." in line)
    assert note > call  # under the text, at the foot
    assert "The end." in pages[call_page] and "online tool.1 The end." in " ".join(pages[call_page].split())
    found = positions(PdfReader(io.BytesIO(content)).pages[call_page])
    note_y = next(y for text, (_x, y) in found.items() if "Launched in" in text)
    body_ys = [y for text, (_x, y) in found.items() if "Committee took note" in text or "online tool" in text]
    assert note_y < min(body_ys) and note_y < 200  # below every line of text, at the foot of the page


def test_footnotes_are_numbered_through_the_document(tmp_path):
    document = make_document(paragraphs=1, languages=("en",))
    first, second = Paragraph.objects.filter(section__document=document, kind="numbered").order_by("section__order")
    ParagraphText.objects.filter(paragraph=first).update(text="One.^[First note.]")
    ParagraphText.objects.filter(paragraph=second).update(text="Two.^[Second note.]")
    text = " ".join(_pages(_pdf(document), tmp_path)[0].split())
    assert "One.1" in text and "Two.2" in text
    assert "1 First note." in text or "1First note." in text
    assert "2 Second note." in text or "2Second note." in text


def test_a_draft_says_draft_on_every_page_and_a_final_language_on_none(tmp_path):
    document = _long_document(languages=("en", "fr"))
    draft_pages = _pages(_pdf(document, "en"), tmp_path)
    assert len(draft_pages) >= 3
    assert all("DRAFT" in page.splitlines() for page in draft_pages)
    french = _pages(_pdf(document, "fr"), tmp_path)
    assert all("PROJET" in page.splitlines() for page in french)  # in the document's language

    services.version_finalise(document=document, language="en", by=None)
    final_pages = _pages(_pdf(document, "en"), tmp_path)
    assert len(final_pages) == len(draft_pages)
    assert not any("DRAFT" in page for page in final_pages)
    # French is still a draft of the published document.
    assert all("PROJET" in page.splitlines() for page in _pages(_pdf(document, "fr"), tmp_path))


def test_the_pdf_is_tagged_pdf_ua_with_its_language_and_title(tmp_path):
    document = make_document(paragraphs=1)
    DocumentLanguageVersion.objects.filter(document=document, language="fr").update(
        title="Coopération et assistance : conclusions\net recommandations"
    )
    reader = PdfReader(io.BytesIO(_pdf(document, "fr")))
    catalog = reader.trailer["/Root"]
    assert catalog["/Lang"] == "fr"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == "Coopération et assistance : conclusions et recommandations"
    assert b'pdfuaid:part="1"' in catalog["/Metadata"].get_object().get_data()
    path = tmp_path / "fr.pdf"
    path.write_bytes(_pdf(document, "fr"))
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info
    assert "Title:           Coopération et assistance : conclusions et recommandations" in info


def test_symbol_top_right_on_page_one_then_running_on_the_outer_edge_with_the_page_number(tmp_path):
    document = _long_document()
    DocumentLanguageVersion.objects.filter(document=document).update(symbol=SYMBOL)
    reader = PdfReader(io.BytesIO(_pdf(document)))
    assert len(reader.pages) >= 3
    width = float(reader.pages[0].mediabox.width)

    first = positions(reader.pages[0])
    x, y = first[SYMBOL]
    assert x > width / 2 and y > 700  # top right, in the masthead
    assert not any(text == "1" for text in first)  # no number on the first page, as in UN documents
    for number, page in enumerate(reader.pages[1:], start=2):
        found = positions(page)
        sx, sy = found[SYMBOL]
        nx, ny = found[str(number)]
        assert sy > 760 and ny < 80  # running header at the top (A4: 842 pt high), number at the foot
        outer_left = number % 2 == 0  # even pages: the outer edge is the left one
        assert (sx < width / 2) == outer_left and (nx < width / 2) == outer_left


@pytest.mark.parametrize(
    ("original", "language", "line"),
    [
        ("fr", "en", "Original: French"),
        ("fr", "es", "Original: francés"),
        ("fr", "fr", "Original\u00a0: français"),
        ("en", "fr", "Original\u00a0: anglais"),
        ("es", "en", "Original: Spanish"),
    ],
)
def test_the_original_line_names_the_documents_original_language_in_the_versions_language(original, language, line):
    document = make_document(languages=("en", "fr", "es"))
    ConclusionsDocument.objects.filter(pk=document.pk).update(original_language=original)
    document.refresh_from_db()
    data = document_data(document, language)
    assert data.original_label == line
    assert f"<div>{line}</div>" in render_html(data)
