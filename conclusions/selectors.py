"""Reads for the conclusions document: the plain structure every rendering (page, PDF, editor) starts from."""

import unicodedata
from dataclasses import dataclass, field

from django.db.models import Case, Exists, OuterRef, Prefetch, QuerySet, When
from django.utils import translation
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from accounts.roles import is_committee
from committee.selectors import committee_composition
from core.translation import in_language

from . import labels
from .markup import render_markup
from .models import (
    ConclusionsDocument,
    DocumentExport,
    DocumentLanguageVersion,
    ExportBatch,
    Language,
    Paragraph,
    ParagraphKind,
    ParagraphText,
    Section,
    SectionKind,
    SectionTitle,
    StateDisplayName,
    Status,
    TextState,
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
    status: str  # of this language: a draft is printed with the DRAFT mark on every page
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
    draft_label: str
    sections: list[SectionData]
    annexes: list[SectionData]

    @property
    def is_draft(self) -> bool:
        return self.status != Status.FINAL

    @property
    def pdf_title(self) -> str:
        """The PDF's title metadata: the document's title on one line, else its symbol."""
        return " ".join(self.title.split()) or self.symbol or self.meeting_name

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


def language_label(code: str) -> str:
    """A language's name in the reader's interface language ("French", "français")."""
    return str(Language(code).label) if code in Language.values else code


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
    # "Original: French" on the English translation of a French original: the original language, named
    # in the language of this version.
    original = labels.language_name(document.original_language, language)
    meeting = labels.meeting_ref(document)
    return DocumentData(
        document_id=document.pk,
        language=language,
        direction=text_direction(language),
        status=version.status,
        body=version.body or labels.body_name(meeting, language),
        issue_date=labels.document_date(version.issue_date, language),
        language_label=labels.language_self_name(language),
        original_label=labels.label(language, "original", name=original),
        meeting_name=version.meeting_name or labels.meeting_header_name(meeting, language),
        place_and_dates=version.place_and_dates,
        agenda_item=version.agenda_item,
        agenda_title=version.agenda_title,
        symbol=version.symbol,
        title=version.title,
        subtitle=version.subtitle,
        composition=composition_line(document, language),
        missing_label=labels.label(language, "missing"),
        draft_label=labels.label(language, "draft"),
        sections=sections,
        annexes=annexes,
    )


@dataclass
class EditorCell:
    language: str
    html: SafeString | None
    text: str


@dataclass
class TextStateBadge:
    """One language's state of a paragraph: generated (as the generator wrote it), edited, or missing."""

    language: str
    state: str

    @property
    def label(self) -> str:
        return TextState(self.state).label

    @property
    def language_name(self) -> str:
        return language_label(self.language)


@dataclass
class EditorRow:
    pk: int
    kind: str
    number: int | None
    cells: list[EditorCell]
    missing: list[str]
    first: bool
    last: bool
    states: list[TextStateBadge] = field(default_factory=list)


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
            stored = {t.language: t for t in p.texts.all()}
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
                    states=[
                        TextStateBadge(lang, stored[lang].state if lang in stored else TextState.MISSING)
                        for lang in languages
                    ],
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


def document_languages(document: ConclusionsDocument, *, final_only: bool = False) -> list[str]:
    """The document's languages, original first (only the final ones with `final_only`: what the public reads)."""
    langs = [v.language for v in document.versions.all() if v.is_final or not final_only]
    return sorted(langs, key=lambda code: (code != document.original_language, code))


def readable_languages(document: ConclusionsDocument, user) -> list[str]:
    """The languages a user may read: all of them for the committee and the ISU, the final ones for others."""
    return document_languages(document, final_only=not is_committee(user))


@dataclass
class LanguageStatus:
    """A language of the document in the editor: its header, whether it is final, and what stops it being so."""

    language: str
    version: DocumentLanguageVersion
    is_original: bool
    missing: int
    refusal: str | None

    @property
    def is_final(self) -> bool:
        return self.version.is_final

    @property
    def can_finalise(self) -> bool:
        return not self.is_final and self.refusal is None


@dataclass(frozen=True)
class MissingText:
    """What a language lacks before it can be finalised."""

    paragraphs: int = 0
    titles: int = 0
    header_title: bool = False

    def __bool__(self) -> bool:
        return bool(self.paragraphs or self.titles or self.header_title)

    def message(self, language: str) -> str:
        parts = []
        if self.paragraphs:
            parts.append(ngettext("%(n)s paragraph", "%(n)s paragraphs", self.paragraphs) % {"n": self.paragraphs})
        if self.titles:
            parts.append(ngettext("%(n)s section title", "%(n)s section titles", self.titles) % {"n": self.titles})
        if self.header_title:
            parts.append(_("the title in the header"))
        return _("%(language)s has no text yet for: %(missing)s.") % {
            "language": language_label(language),
            "missing": ", ".join(parts),
        }


def missing_text(document: ConclusionsDocument, language: str) -> MissingText:
    """Paragraphs and section titles without text in the language, and whether its header lacks a title."""
    has_text = ParagraphText.objects.filter(paragraph=OuterRef("pk"), language=language).exclude(text="")
    has_title = SectionTitle.objects.filter(section=OuterRef("pk"), language=language).exclude(title="")
    version = DocumentLanguageVersion.objects.filter(document=document, language=language).first()
    return MissingText(
        paragraphs=Paragraph.objects.filter(section__document=document).exclude(Exists(has_text)).count(),
        titles=Section.objects.filter(document=document).exclude(Exists(has_title)).count(),
        header_title=version is None or not version.title.strip(),
    )


def finalise_refusal(document: ConclusionsDocument, language: str) -> str | None:
    """Why the language cannot be finalised now (None when it can, or is already final)."""
    versions = {v.language: v for v in DocumentLanguageVersion.objects.filter(document=document)}
    version = versions.get(language)
    if version is None:
        return str(_("The document has no version in this language."))
    if version.is_final:
        return None
    original = versions.get(document.original_language)
    if language != document.original_language and (original is None or not original.is_final):
        return _("Finalise the original language (%(original)s) first: translations wait until it is final.") % {
            "original": language_label(document.original_language)
        }
    if not Paragraph.objects.filter(section__document=document).exists():
        return str(_("The document has no paragraphs yet: generate a draft or add paragraphs first."))
    missing = missing_text(document, language)
    if missing:
        return missing.message(language)
    return None


def language_statuses(document: ConclusionsDocument, missing: dict[str, int]) -> list[LanguageStatus]:
    versions = {v.language: v for v in document.versions.select_related("finalised_by")}
    return [
        LanguageStatus(
            language=code,
            version=versions[code],
            is_original=code == document.original_language,
            missing=missing.get(code, 0),
            refusal=None if versions[code].is_final else finalise_refusal(document, code),
        )
        for code in document_languages(document)
    ]


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
