"""Write round trips of the conclusions editor's forms (see tests/roundtrip.py)."""

from committee.models import Committee
from conclusions.models import (
    ConclusionsDocument,
    DocumentLanguageVersion,
    Paragraph,
    ParagraphText,
    Section,
    SectionTitle,
)
from tests.roundtrip import CREATE, Write

from .factories import make_document


def _document(cast) -> dict:
    document = make_document(slug="roundtrip-ca", code="21MSP")
    return {"kwargs": {"slug": "roundtrip-ca", "code": document.meeting_code}, "obj": document}


def _version(cast) -> dict:
    ctx = _document(cast)
    version = ctx["obj"].versions.get(language="en")
    return {"kwargs": {**ctx["kwargs"], "language": "en"}, "obj": version}


def _section(cast) -> dict:
    ctx = _document(cast)
    section = ctx["obj"].sections.filter(kind="section").first()
    return {"kwargs": {**ctx["kwargs"], "pk": section.pk}, "obj": section}


def _paragraph(cast) -> dict:
    ctx = _section(cast)
    paragraph = ctx["obj"].paragraphs.first()
    return {"kwargs": {**ctx["kwargs"], "pk": paragraph.pk}, "obj": paragraph}


def _published_paragraph(cast) -> dict:
    """A paragraph of a published document: English (the original) is final, French still a draft."""
    document = make_document(slug="roundtrip-ca", code="23MSP", status="final", final_languages=["en"])
    paragraph = Paragraph.objects.filter(section__document=document, section__kind="section").first()
    return {"kwargs": {"slug": "roundtrip-ca", "code": document.meeting_code, "pk": paragraph.pk}, "obj": paragraph}


def _titles(section: Section) -> dict:
    return {f"title_{t.language}": t.title for t in section.titles.all()}


def _texts(paragraph: Paragraph) -> dict:
    return {f"text_{t.language}": t.text for t in paragraph.texts.all()}


def _header_data(cast, ctx) -> dict:
    return {
        "symbol": "APLC/MSP.22/2024/7",
        "issue_date": "2024-10-01",
        "body": "Meeting of the States Parties",
        "meeting_name": "Twenty-second Meeting",
        "place_and_dates": "Geneva, 25-29 November 2024",
        "agenda_item": "Item 10 of the provisional agenda",
        "agenda_title": "Cooperation and assistance",
        "title": "Conclusions and recommendations",
        "subtitle": "Submitted by the Committee",
    }


ROWS = [
    Write(
        "conclusions:settings",
        "isu",
        _document,
        lambda cast, ctx: {
            "year": "2024",
            "meeting_code": "22MSP",
            "meeting_number": "22",
            "meeting_start": "2024-11-25",
            "meeting_end": "2024-11-29",
            "original_language": "fr",
        },
        kwargs_after=lambda document: {"slug": "roundtrip-ca", "code": document.meeting_code},
    ),
    Write(
        "conclusions:create",
        "isu",
        lambda cast: {"committee": Committee.objects.get_or_create(slug="roundtrip", defaults={"name_en": "C"})[0]},
        lambda cast, ctx: {
            "committee": ctx["committee"].pk,
            "year": "2024",
            "meeting_code": "22MSP",
            "meeting_number": "22",
            "meeting_start": "2024-11-25",
            "meeting_end": "2024-11-29",
            "original_language": "fr",
            "languages": ["en"],
        },
        kind=CREATE,
        created=lambda cast, ctx: ConclusionsDocument.objects.latest("pk"),
        stored=lambda document: {
            "languages": sorted(set(document.versions.values_list("language", flat=True)) - {"fr"})
        },
    ),
    Write("conclusions:header", "isu", _version, _header_data),
    Write(
        "conclusions:language_add",
        "isu",
        _document,
        lambda cast, ctx: {"language": "es"},
        kind=CREATE,
        page="conclusions:edit",
        form_key="language_form",
        created=lambda cast, ctx: DocumentLanguageVersion.objects.latest("pk"),
    ),
    Write(
        "conclusions:section_add",
        "isu",
        _document,
        lambda cast, ctx: {"kind": "annex", "title_en": "Gender and diversity workplan", "title_fr": "Plan de travail"},
        kind=CREATE,
        created=lambda cast, ctx: Section.objects.latest("pk"),
        stored=_titles,
    ),
    Write(
        "conclusions:section_edit",
        "isu",
        _section,
        lambda cast, ctx: {"title_en": "I. Activities", "title_fr": "I. Activités"},
        records=lambda section: SectionTitle.history.filter(section_id=section.pk),
    ),
    Write(
        "conclusions:paragraph_add",
        "isu",
        lambda cast: {
            "kwargs": {**_document(cast)["kwargs"], "section": Section.objects.filter(kind="section").first().pk}
        },
        lambda cast, ctx: {
            "kind": "plain",
            "text_en": "The Committee met four times.",
            "text_fr": "Le Comité s'est réuni.",
        },
        kind=CREATE,
        created=lambda cast, ctx: Paragraph.objects.latest("pk"),
        stored=_texts,
    ),
    Write(
        "conclusions:paragraph_edit",
        "isu",
        _paragraph,
        lambda cast, ctx: {
            "kind": "plain",
            "text_en": "The Committee met four times.",
            "text_fr": "Le Comité s'est réuni.",
        },
        records=lambda paragraph: ParagraphText.history.filter(paragraph_id=paragraph.pk),
    ),
    # Only the French text is editable: the English original is final and the kind is part of the structure
    # (both fields are shown disabled).
    Write(
        "conclusions:paragraph_edit",
        "isu",
        _published_paragraph,
        lambda cast, ctx: {"text_fr": "Le Comité s'est réuni quatre fois."},
        stored=lambda paragraph: {"text_fr": paragraph.texts.get(language="fr").text},
        records=lambda paragraph: ParagraphText.history.filter(paragraph_id=paragraph.pk),
    ),
]
