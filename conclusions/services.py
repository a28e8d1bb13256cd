"""Writes for the conclusions document.

Each language is finalised on its own (`version_finalise`): the original language first, which publishes
the document and locks its structure (sections, paragraphs, their order and kind, the settings); then each
translation, once it has its whole text. A final language's text and header are locked; a draft
translation of a published document stays editable.
"""

import hashlib
import io
import zipfile

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from committee.models import Committee
from core.services import Update, apply_changes, stored_row

from .models import (
    BatchStatus,
    ConclusionsDocument,
    DocumentExport,
    DocumentLanguageVersion,
    ExportBatch,
    Paragraph,
    ParagraphKind,
    ParagraphText,
    Section,
    SectionKind,
    SectionTitle,
    Status,
)
from .selectors import finalise_refusal, language_label

VERSION_FIELDS = (
    "issue_date",
    "body",
    "meeting_name",
    "place_and_dates",
    "agenda_item",
    "agenda_title",
    "symbol",
    "title",
    "subtitle",
)
DOCUMENT_FIELDS = ("year", "meeting_code", "meeting_number", "meeting_start", "meeting_end", "original_language")


class DocumentLocked(ValidationError):
    """A write the document's state refuses: its structure once the original is final, a final language's text."""


def ensure_draft(document: ConclusionsDocument) -> None:
    """Refuse a change to the document's structure (sections, paragraphs, settings, generation) once its
    original language is final (read again from the database)."""
    status = ConclusionsDocument.objects.filter(pk=document.pk).values_list("status", flat=True).first()
    if status == Status.FINAL:
        raise DocumentLocked(
            _(
                "The original language is final: the document's sections, paragraphs and settings are locked. "
                "Translations that are not final can still be edited."
            )
        )


def final_languages(document: ConclusionsDocument) -> set[str]:
    """The document's final languages, as stored."""
    return set(
        DocumentLanguageVersion.objects.filter(document=document, finalised_at__isnull=False).values_list(
            "language", flat=True
        )
    )


def ensure_language_draft(document: ConclusionsDocument, languages) -> None:
    """Refuse a change to the text of a final language."""
    locked = sorted(set(languages) & final_languages(document))
    if locked:
        raise DocumentLocked(
            _("%(languages)s: final, the text can no longer change.")
            % {"languages": ", ".join(language_label(code) for code in locked)}
        )


def _meeting_for_code(code: str):
    """The recorded meeting (meetings app) with this code, if any."""
    from meetings.models import Meeting

    return Meeting.objects.filter(code__iexact=code).first()


@transaction.atomic
def document_create(
    *,
    committee: Committee,
    year: int,
    meeting_code: str,
    original_language: str = "en",
    languages: list[str] | None = None,
    meeting_number: int | None = None,
    meeting_start=None,
    meeting_end=None,
) -> ConclusionsDocument:
    if ConclusionsDocument.objects.filter(committee=committee, meeting_code=meeting_code).exists():
        raise ValidationError(
            {"meeting_code": _("This committee already has a document for %(code)s.") % {"code": meeting_code}}
        )
    meeting = _meeting_for_code(meeting_code)
    document = ConclusionsDocument(
        committee=committee,
        year=year,
        meeting_code=meeting_code,
        meeting=meeting,
        original_language=original_language,
        meeting_number=meeting_number,
        meeting_start=meeting_start or (meeting.start_date if meeting else None),
        meeting_end=meeting_end or (meeting.end_date if meeting else None),
    )
    document.full_clean()
    document.save()
    for language in dict.fromkeys([original_language, *(languages or [])]):
        DocumentLanguageVersion.objects.create(document=document, language=language)
    return document


@transaction.atomic
def document_update(*, document: ConclusionsDocument, **fields) -> Update[ConclusionsDocument]:
    ensure_draft(document)
    unknown = set(fields) - set(DOCUMENT_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    clash = (
        ConclusionsDocument.objects.filter(
            committee=document.committee, meeting_code=fields.get("meeting_code", document.meeting_code)
        )
        .exclude(pk=document.pk)
        .exists()
    )
    if clash:
        raise ValidationError({"meeting_code": _("This committee already has a document for this meeting.")})
    stored = stored_row(document)
    changed = apply_changes(document, fields, stored=stored)
    document.meeting = _meeting_for_code(document.meeting_code)
    if document.meeting_id != stored.meeting_id:
        changed.append("meeting")
    document.full_clean(exclude=["committee"])
    if changed:
        document.save(update_fields=[*changed, "updated_at"])
    return Update(document, tuple(changed))


@transaction.atomic
def version_save(*, document: ConclusionsDocument, language: str, **fields) -> Update[DocumentLanguageVersion]:
    """Create or update the header of one language version (refused once that language is final)."""
    ensure_language_draft(document, [language])
    unknown = set(fields) - set(VERSION_FIELDS)
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    version, _created = DocumentLanguageVersion.objects.get_or_create(document=document, language=language)
    changed = apply_changes(version, fields)
    if changed:
        version.save(update_fields=changed)
    return Update(version, tuple(changed))


@transaction.atomic
def version_add(*, document: ConclusionsDocument, language: str) -> DocumentLanguageVersion:
    """Add a language (a draft translation, also to a published document)."""
    if document.versions.filter(language=language).exists():
        raise ValidationError({"language": _("The document already has this language.")})
    return DocumentLanguageVersion.objects.create(document=document, language=language)


@transaction.atomic
def section_add(*, document: ConclusionsDocument, kind: str, titles: dict[str, str], key: str = "") -> Section:
    ensure_draft(document)
    last = Section.objects.filter(document=document, kind=kind).aggregate(m=Max("order"))["m"]
    section = Section.objects.create(document=document, kind=kind, order=(last or 0) + 1, key=key)
    section_titles_set(section=section, titles=titles)
    return section


@transaction.atomic
def section_titles_set(*, section: Section, titles: dict[str, str]) -> Update[Section]:
    """Set the section's title in the given languages; a final language's title is refused if it differs."""
    stored = {t.language: t for t in SectionTitle.objects.select_for_update().filter(section=section)}
    titles = {language: (title or "").strip() for language, title in titles.items()}
    differing = [lang for lang, title in titles.items() if (stored[lang].title if lang in stored else "") != title]
    ensure_language_draft(section.document, differing)
    changed = []
    for language, title in titles.items():
        existing = stored.get(language)
        if existing is None:
            if not title:
                continue
            SectionTitle.objects.create(section=section, language=language, title=title)
        elif existing.title != title:
            existing.title = title
            existing.save(update_fields=["title"])
        else:
            continue
        changed.append(f"title_{language}")
    return Update(section, tuple(changed))


@transaction.atomic
def section_delete(*, section: Section) -> None:
    ensure_draft(section.document)
    section.delete()


def _set_texts(paragraph: Paragraph, texts: dict[str, str], *, generated: bool = False) -> list[str]:
    """Write the texts that differ from the stored ones; the names (`text_<language>`) of those written.
    A final language's text is refused if it differs. `generated`: the texts are the generator's."""
    texts = {language: (text or "").strip() for language, text in texts.items()}
    stored = {t.language: t for t in ParagraphText.objects.filter(paragraph=paragraph, language__in=list(texts))}
    differing = [lang for lang, text in texts.items() if (stored[lang].text if lang in stored else "") != text]
    ensure_language_draft(paragraph.section.document, differing)
    changed = []
    for language, text in texts.items():
        existing = stored.get(language)
        if existing is None:
            if not text:
                continue
            ParagraphText.objects.create(
                paragraph=paragraph, language=language, text=text, generated_text=text if generated else ""
            )
        elif existing.text != text:
            existing.text = text
            if generated:
                existing.generated_text = text
            existing.save(update_fields=["text", "generated_text"] if generated else ["text"])
        else:
            continue
        changed.append(f"text_{language}")
    return changed


@transaction.atomic
def paragraph_add(
    *,
    section: Section,
    texts: dict[str, str],
    kind: str | None = None,
    after: Paragraph | None = None,
    source: str = "",
    generated: bool | None = None,
) -> Paragraph:
    """Add a paragraph at the end of a section, or right after another one. Its texts count as generated
    (the editor shows them so until someone edits them) when `generated`, by default when it has a `source`."""
    ensure_draft(section.document)
    if kind is None:
        kind = ParagraphKind.NUMBERED if section.kind == SectionKind.SECTION else ParagraphKind.BULLET
    if section.kind == SectionKind.SECTION and kind == ParagraphKind.BULLET:
        raise ValidationError({"kind": _("Bullet items belong in annexes.")})
    siblings = Paragraph.objects.filter(section=section)
    if after is not None and after.section_id == section.pk:
        order = after.order + 1
        siblings.filter(order__gte=order).update(order=F("order") + 1)
    else:
        order = (siblings.aggregate(m=Max("order"))["m"] or 0) + 1
    paragraph = Paragraph.objects.create(section=section, kind=kind, order=order, source=source)
    _set_texts(paragraph, texts, generated=bool(source) if generated is None else generated)
    return paragraph


@transaction.atomic
def paragraph_update(*, paragraph: Paragraph, texts: dict[str, str], kind: str | None = None) -> Update[Paragraph]:
    """Replace the paragraph's text in the given languages; an empty text marks the translation missing.
    A final language's text cannot change, nor the kind once the original is final."""
    changed = []
    if kind and kind != stored_row(paragraph).kind:
        ensure_draft(paragraph.section.document)
        if paragraph.section.kind == SectionKind.SECTION and kind == ParagraphKind.BULLET:
            raise ValidationError({"kind": _("Bullet items belong in annexes.")})
        paragraph.kind = kind
        paragraph.save(update_fields=["kind"])
        changed.append("kind")
    changed += _set_texts(paragraph, texts)
    return Update(paragraph, tuple(changed))


@transaction.atomic
def paragraph_delete(*, paragraph: Paragraph) -> None:
    ensure_draft(paragraph.section.document)
    paragraph.delete()


def _renumber(section: Section) -> list[Paragraph]:
    paragraphs = list(Paragraph.objects.filter(section=section).order_by("order", "pk"))
    for i, p in enumerate(paragraphs, start=1):
        if p.order != i:
            p.order = i
            p.save(update_fields=["order"])
    return paragraphs


@transaction.atomic
def paragraph_move(*, paragraph: Paragraph, direction: str) -> Paragraph:
    """Move a paragraph one place up or down; past the edge of its section it moves into the
    neighbouring section of the same kind (so numbering across sections follows)."""
    if direction not in ("up", "down"):
        raise ValueError(direction)
    section = paragraph.section
    ensure_draft(section.document)
    paragraphs = _renumber(section)
    index = next(i for i, p in enumerate(paragraphs) if p.pk == paragraph.pk)
    target = index - 1 if direction == "up" else index + 1
    if 0 <= target < len(paragraphs):
        other = paragraphs[target]
        paragraphs[index].order, other.order = other.order, paragraphs[index].order
        paragraphs[index].save(update_fields=["order"])
        other.save(update_fields=["order"])
        return paragraphs[index]
    neighbours = Section.objects.filter(document=section.document, kind=section.kind)
    if direction == "up":
        neighbour = neighbours.filter(order__lt=section.order).order_by("-order").first()
    else:
        neighbour = neighbours.filter(order__gt=section.order).order_by("order").first()
    if neighbour is None:
        return paragraph
    moved = paragraphs[index]
    if direction == "up":
        moved.order = (Paragraph.objects.filter(section=neighbour).aggregate(m=Max("order"))["m"] or 0) + 1
    else:
        Paragraph.objects.filter(section=neighbour).update(order=F("order") + 1)
        moved.order = 1
    moved.section = neighbour
    moved.save(update_fields=["section", "order"])
    _renumber(section)
    return moved


@transaction.atomic
def version_finalise(*, document: ConclusionsDocument, language: str, by) -> Update[DocumentLanguageVersion]:
    """Finalise one language: its text and header are locked and it is published. The original language
    comes first (finalising it publishes the document and locks its structure); a translation waits until
    the original is final, and no language with missing text is finalised. An already final language is
    left as it is (nothing changed)."""
    document = ConclusionsDocument.objects.select_for_update().get(pk=document.pk)
    version = DocumentLanguageVersion.objects.select_for_update().filter(document=document, language=language).first()
    if version is not None and version.is_final:
        return Update(version, ())
    refusal = finalise_refusal(document, language)
    if refusal:
        raise ValidationError(refusal)
    version.finalised_at = timezone.now()
    version.finalised_by = by if getattr(by, "is_authenticated", False) else None
    version.save(update_fields=["finalised_at", "finalised_by"])
    if language == document.original_language and document.status != Status.FINAL:
        document.status = Status.FINAL
        document.save(update_fields=["status", "updated_at"])
    return Update(version, ("finalised_at", "finalised_by"))


def export_filename(export: DocumentExport) -> str:
    """The name a PDF is downloaded under; a draft says so ("…-es-draft.pdf")."""
    draft = "-draft" if export.status_at_export != Status.FINAL else ""
    return f"{export.document.committee.slug}-{export.document.meeting_code}-{export.language}{draft}.pdf"


class NothingStored(Exception):
    """Raised inside `generated_draft_data` to roll back everything it wrote."""


def generated_draft_data(*, committee: Committee, meeting_code: str, language: str):
    """The draft the generator makes from the current data, for one language, as DocumentData to render;
    no document is stored or changed. The generator writes its draft (into the committee's document for
    that meeting, as a draft, or into a new one made from the recorded meeting) and the transaction is
    then rolled back, so every row, history record and pending task goes with it."""
    from .generate import document_generate_draft
    from .labels import meeting_ref
    from .selectors import document_data

    data = None
    try:
        with transaction.atomic():
            document = ConclusionsDocument.objects.filter(committee=committee, meeting_code=meeting_code).first()
            if document is None:
                meeting = _meeting_for_code(meeting_code)
                if meeting is None:
                    raise ValidationError(
                        _("No meeting is recorded with the code %(code)s: record it first.") % {"code": meeting_code}
                    )
                document = document_create(
                    committee=committee,
                    year=meeting.start_date.year,
                    meeting_code=meeting.code if meeting.code.upper() == meeting_code.upper() else meeting_code,
                    languages=["fr", "es", language],
                    meeting_number=meeting_ref(meeting).number,
                )
            else:  # regenerate it as a draft (all of this is rolled back)
                ConclusionsDocument.objects.filter(pk=document.pk).update(status=Status.DRAFT)
                document.versions.update(finalised_at=None, finalised_by=None)
                document.versions.get_or_create(language=language)
            document.refresh_from_db()
            document_generate_draft(document=document, by=None)
            data = document_data(document, language)
            raise NothingStored
    except NothingStored:
        pass
    return data


def _filename(document: ConclusionsDocument, language: str, ext: str) -> str:
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    return f"{slugify(document.committee.slug)}-{slugify(document.meeting_code)}-{language}-{stamp}.{ext}"


def render_document_pdf(*, document: ConclusionsDocument, language: str) -> bytes:
    from .pdf import render_pdf
    from .selectors import document_data

    return render_pdf(document_data(document, language))


def document_export(*, document: ConclusionsDocument, language: str, by=None) -> DocumentExport:
    """Render one language to PDF, store the file and record who exported it, when, and its SHA-256.
    A language that is not final is exported as a draft (marked DRAFT on every page; not public).
    The rendering (seconds) happens outside any transaction; only the record is written in one."""
    version = document.versions.filter(language=language).first()
    if version is None:
        raise ValidationError({"language": _("The document has no version in this language.")})
    content = render_document_pdf(document=document, language=language)
    export = DocumentExport(
        document=document,
        language=language,
        created_by=by if getattr(by, "is_authenticated", False) else None,
        status_at_export=version.status,
        sha256=hashlib.sha256(content).hexdigest(),
        size=len(content),
    )
    export.file.save(_filename(document, language, "pdf"), ContentFile(content), save=False)
    try:
        with transaction.atomic():
            export.save()
    except Exception:
        export.file.delete(save=False)
        raise
    return export


@transaction.atomic
def batch_create(*, document: ConclusionsDocument, by) -> ExportBatch:
    """Ask for every language to be exported in the background; the task starts after commit."""
    from ops.tasks import enqueue_on_commit

    from .selectors import document_languages

    batch = ExportBatch.objects.create(document=document, created_by=by, languages=document_languages(document))
    enqueue_on_commit("conclusions.export_batch", batch.pk)  # conclusions/tasks.py
    return batch


def batch_run(*, batch: ExportBatch) -> ExportBatch:
    """Export each language in turn (progress saved after each), then zip the PDFs."""
    batch.status = BatchStatus.RUNNING
    batch.done = 0
    batch.error = ""
    batch.save(update_fields=["status", "done", "error"])
    document = batch.document
    buffer = io.BytesIO()
    try:
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for language in batch.languages:
                export = document_export(document=document, language=language, by=batch.created_by)
                batch.exports.add(export)
                with export.file.open("rb") as fh:
                    archive.writestr(export_filename(export), fh.read())
                batch.done += 1
                batch.save(update_fields=["done"])
    except Exception as exc:
        batch.status = BatchStatus.FAILED
        batch.error = str(exc)[:2000]
        batch.finished_at = timezone.now()
        batch.save(update_fields=["status", "error", "finished_at"])
        raise
    content = buffer.getvalue()
    batch.sha256 = hashlib.sha256(content).hexdigest()
    batch.file.save(_filename(document, "all", "zip"), ContentFile(content), save=False)
    batch.status = BatchStatus.DONE
    batch.finished_at = timezone.now()
    batch.save(update_fields=["sha256", "file", "status", "finished_at"])
    return batch
