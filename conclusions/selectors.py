"""Reads for the conclusions document: the plain structure every rendering (page, PDF, editor) starts from."""

import unicodedata
from dataclasses import dataclass, field

from django.db.models import Case, Prefetch, QuerySet, When
from django.utils import translation
from django.utils.safestring import SafeString

from committee.selectors import committee_composition
from core.translation import in_language

from . import labels
from .markup import render_markup
from .models import (
    ConclusionsDocument,
    DocumentExport,
    DocumentLanguageVersion,
    ExportBatch,
    Paragraph,
    ParagraphKind,
    ParagraphText,
    Section,
    SectionKind,
    StateDisplayName,
)


@dataclass
class ParagraphData:
    pk: int
    kind: str
    number: int | None
    text: str
    html: SafeString
    missing: bool = False


@dataclass
class SectionData:
    pk: int
    kind: str
    number: str
    title: str
    label: str = ""
    paragraphs: list[ParagraphData] = field(default_factory=list)

    @property
    def blocks(self) -> list[tuple[str, list[ParagraphData]]]:
        """Annex content: runs of bullets become one list, other paragraphs stand alone."""
        blocks: list[tuple[str, list[ParagraphData]]] = []
        for p in self.paragraphs:
            if p.kind == ParagraphKind.BULLET and blocks and blocks[-1][0] == "ul":
                blocks[-1][1].append(p)
            else:
                blocks.append(("ul" if p.kind == ParagraphKind.BULLET else "p", [p]))
        return blocks


@dataclass
class DocumentData:
    document_id: int
    language: str
    direction: str
    status: str
    body: str
    issue_date: str
    language_label: str
    original_label: str
    meeting_name: str
    place_and_dates: str
    agenda_item: str
    agenda_title: str
    symbol: str
    title: str
    subtitle: str
    composition: str
    missing_label: str
    sections: list[SectionData]
    annexes: list[SectionData]

    @property
    def missing_count(self) -> int:
        return sum(p.missing for s in self.sections + self.annexes for p in s.paragraphs)

    @property
    def numbered_paragraphs(self) -> list[ParagraphData]:
        return [p for s in self.sections for p in s.paragraphs if p.number is not None]


def _collation_key(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def state_name(state, language: str, overrides: dict[tuple[int, str], str] | None = None) -> str:
    if overrides and (state.pk, language) in overrides:
        return overrides[(state.pk, language)]
    return in_language(state, "name", language)


def composition_line(document: ConclusionsDocument, language: str) -> str:
    """ "Committee on … (Algeria, Japan, Netherlands (Kingdom of the) and Thailand (Chair))", from the
    committee's memberships in the document's year, in the document's language."""
    committee = document.committee
    composition = committee_composition(committee=committee, year=document.year)
    name = in_language(committee, "name", language)
    if not composition.members:
        return name
    overrides = {
        (o.state_id, o.language): o.name
        for o in StateDisplayName.objects.filter(state__in=[m.state_id for m in composition.members])
    }
    names = []
    for m in composition.members:
        text = state_name(m.state, language, overrides)
        if m.state_id == composition.chair_id:
            text = f"{text} ({labels.label(language, 'chair')})"
        names.append((_collation_key(state_name(m.state, language, overrides)), text))
    parts = [text for _key, text in sorted(names)]
    joined = parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} {labels.label(language, 'and')} {parts[-1]}"
    return f"{name} ({joined})"


def sections_queryset(document: ConclusionsDocument) -> QuerySet[Section]:
    return (
        Section.objects.filter(document=document)
        .order_by(Case(When(kind=SectionKind.ANNEX, then=1), default=0), "order", "pk")
        .prefetch_related(
            "titles",
            Prefetch("paragraphs", queryset=Paragraph.objects.order_by("order", "pk").prefetch_related("texts")),
        )
    )


def _texts(paragraph: Paragraph) -> dict[str, str]:
    return {t.language: t.text for t in paragraph.texts.all() if t.text.strip()}


def _title(section: Section, language: str) -> str:
    return next((t.title for t in section.titles.all() if t.language == language), "")


def text_direction(language: str) -> str:
    """ "rtl" or "ltr" from the language's bidi flag (Django's language info), as base.html does."""
    try:
        bidi = translation.get_language_info(language)["bidi"]
    except KeyError:
        bidi = language in labels.RTL_LANGUAGES
    return "rtl" if bidi else "ltr"


def document_data(document: ConclusionsDocument, language: str) -> DocumentData:
    """Everything the page and the PDF print for one language, numbered and escaped."""
    version = DocumentLanguageVersion.objects.filter(document=document, language=language).first()
    version = version or DocumentLanguageVersion(document=document, language=language)
    fallback = document.original_language
    sections, annexes = [], []
    number = 0
    for section in sections_queryset(document):
        is_annex = section.kind == SectionKind.ANNEX
        target = annexes if is_annex else sections
        roman = labels.roman(len(target) + 1)
        data = SectionData(
            pk=section.pk,
            kind=section.kind,
            number=roman,
            title=_title(section, language) or _title(section, fallback),
            label=labels.label(language, "annex", number=roman) if is_annex else "",
        )
        for p in section.paragraphs.all():
            texts = _texts(p)
            missing = language not in texts
            text = texts.get(language) or texts.get(fallback) or next(iter(texts.values()), "")
            para_number = None
            if not is_annex and p.kind == ParagraphKind.NUMBERED:
                number += 1
                para_number = number
            data.paragraphs.append(
                ParagraphData(
                    pk=p.pk, kind=p.kind, number=para_number, text=text, html=render_markup(text), missing=missing
                )
            )
        target.append(data)
    original = labels.language_name(document.original_language, language)
    return DocumentData(
        document_id=document.pk,
        language=language,
        direction=text_direction(language),
        status=document.status,
        body=version.body or labels.BODY.get(language, ""),
        issue_date=labels.document_date(version.issue_date, language),
        language_label=labels.language_self_name(language),
        original_label=labels.label(language, "original", name=original),
        meeting_name=version.meeting_name,
        place_and_dates=version.place_and_dates,
        agenda_item=version.agenda_item,
        agenda_title=version.agenda_title,
        symbol=version.symbol,
        title=version.title,
        subtitle=version.subtitle,
        composition=composition_line(document, language),
        missing_label=labels.label(language, "missing"),
        sections=sections,
        annexes=annexes,
    )


@dataclass
class EditorCell:
    language: str
    html: SafeString | None
    text: str


@dataclass
class EditorRow:
    pk: int
    kind: str
    number: int | None
    cells: list[EditorCell]
    missing: list[str]
    first: bool
    last: bool


@dataclass
class EditorSection:
    pk: int
    kind: str
    number: str
    titles: dict[str, str]
    title_cells: list[tuple[str, str]]
    rows: list[EditorRow]


def editor_sections(document: ConclusionsDocument, languages: list[str], shown: list[str]) -> list[EditorSection]:
    """Sections with their paragraphs numbered: one cell per shown language (html None when the translation
    is missing) and, per paragraph, which of the document's languages lack a text."""
    result = []
    number = 0
    counts = {SectionKind.SECTION: 0, SectionKind.ANNEX: 0}
    all_sections = list(sections_queryset(document))
    for s_index, section in enumerate(all_sections):
        counts[section.kind] += 1
        paragraphs = list(section.paragraphs.all())
        before = any(s.kind == section.kind for s in all_sections[:s_index])
        after = any(s.kind == section.kind for s in all_sections[s_index + 1 :])
        rows = []
        for i, p in enumerate(paragraphs):
            texts = _texts(p)
            para_number = None
            if section.kind == SectionKind.SECTION and p.kind == ParagraphKind.NUMBERED:
                number += 1
                para_number = number
            cells = [
                EditorCell(
                    language=lang,
                    html=render_markup(texts[lang]) if lang in texts else None,
                    text=texts.get(lang, ""),
                )
                for lang in shown
            ]
            rows.append(
                EditorRow(
                    pk=p.pk,
                    kind=p.kind,
                    number=para_number,
                    cells=cells,
                    missing=[lang for lang in languages if lang not in texts],
                    first=i == 0 and not before,
                    last=i == len(paragraphs) - 1 and not after,
                )
            )
        titles = {t.language: t.title for t in section.titles.all()}
        result.append(
            EditorSection(
                pk=section.pk,
                kind=section.kind,
                number=labels.roman(counts[section.kind]),
                titles=titles,
                title_cells=[(lang, titles.get(lang, "")) for lang in shown],
                rows=rows,
            )
        )
    return result


def missing_counts(sections: list[EditorSection], languages: list[str]) -> dict[str, int]:
    """How many paragraphs lack text, per language of the document."""
    counts = dict.fromkeys(languages, 0)
    for section in sections:
        for row in section.rows:
            for lang in row.missing:
                counts[lang] += 1
    return counts


def document_languages(document: ConclusionsDocument) -> list[str]:
    """The document's languages, original first."""
    langs = [v.language for v in document.versions.all()]
    return sorted(langs, key=lambda code: (code != document.original_language, code))


def documents_for_list(user) -> QuerySet[ConclusionsDocument]:
    return (
        ConclusionsDocument.objects.visible_to(user)
        .select_related("committee")
        .prefetch_related("versions")
        .order_by("-year", "committee__order", "meeting_code")
    )


def latest_exports(document: ConclusionsDocument) -> dict[str, DocumentExport]:
    latest: dict[str, DocumentExport] = {}
    for export in document.exports.select_related("created_by").order_by("-created_at", "-pk"):
        latest.setdefault(export.language, export)
    return latest


def latest_batch(document: ConclusionsDocument) -> ExportBatch | None:
    return document.batches.select_related("created_by").order_by("-created_at", "-pk").first()


def hand_edited_paragraphs(document: ConclusionsDocument) -> int:
    """How many of the document's paragraphs were changed by hand after generation: a text edited since it
    was written (its history has a change), or a paragraph added without a record behind it."""
    edited = set(
        ParagraphText.history.filter(paragraph__section__document=document, history_type="~").values_list(
            "paragraph_id", flat=True
        )
    )
    added = set(Paragraph.objects.filter(section__document=document, source="").values_list("pk", flat=True))
    return len(edited | added)
