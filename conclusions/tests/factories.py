import factory
from django.core.files.base import ContentFile
from django.utils import timezone

from committee.models import Committee
from conclusions.models import (
    BatchStatus,
    ConclusionsDocument,
    DocumentExport,
    DocumentLanguageVersion,
    ExportBatch,
    Paragraph,
    ParagraphText,
    Section,
    SectionTitle,
    Status,
)


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee
        django_get_or_create = ["slug"]

    slug = factory.Sequence(lambda n: f"committee-{n}")
    name_en = "Committee on the Enhancement of Cooperation and Assistance"
    name_fr = "Comité sur le renforcement de la coopération et de l'assistance"


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConclusionsDocument

    committee = factory.SubFactory(CommitteeFactory)
    year = 2023
    meeting_code = factory.Sequence(lambda n: f"{n % 90 + 10}MSP")
    original_language = "en"


class VersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DocumentLanguageVersion

    document = factory.SubFactory(DocumentFactory)
    language = "en"
    symbol = "APLC/MSP.21/2023/7"
    title = "Cooperation and assistance: conclusions"


def make_document(
    *,
    slug: str = "cooperation-assistance",
    code: str = "21MSP",
    languages=("en", "fr"),
    paragraphs: int = 2,
    status: str = Status.DRAFT,
    final_languages=None,
) -> ConclusionsDocument:
    """A small document: two sections of numbered paragraphs and an annex with one bullet, in the given languages
    (the annex's title and bullet in the first only). `status=final`: every language is final, unless
    `final_languages` names those that are (the first, the original, among them)."""
    committee = CommitteeFactory(slug=slug)
    document = DocumentFactory(committee=committee, meeting_code=code, status=status, original_language=languages[0])
    if status == Status.FINAL and final_languages is None:
        final_languages = languages
    for language in languages:
        finalised_at = timezone.now() if language in (final_languages or ()) else None
        VersionFactory(document=document, language=language, title=f"Title {language}", finalised_at=finalised_at)
    for order, (kind, key) in enumerate([("section", "activities"), ("section", "priority-actions")], start=1):
        section = Section.objects.create(document=document, kind=kind, order=order, key=key)
        for language in languages:
            SectionTitle.objects.create(section=section, language=language, title=f"{key} {language}")
        for i in range(1, paragraphs + 1):
            p = Paragraph.objects.create(section=section, order=i, kind="numbered")
            for language in languages:
                ParagraphText.objects.create(paragraph=p, language=language, text=f"{key} {i} {language}")
    annex = Section.objects.create(document=document, kind="annex", order=1, key="annex-1")
    SectionTitle.objects.create(section=annex, language=languages[0], title="Workplan")
    p = Paragraph.objects.create(section=annex, order=1, kind="bullet")
    ParagraphText.objects.create(paragraph=p, language=languages[0], text="A bullet")
    return document


def make_export(document: ConclusionsDocument, language: str = "en") -> DocumentExport:
    export = DocumentExport(
        document=document, language=language, status_at_export=document.status, sha256="0" * 64, size=9
    )
    export.file.save("test.pdf", ContentFile(b"%PDF-1.4\n"), save=False)
    export.save()
    return export


def make_batch(document: ConclusionsDocument) -> ExportBatch:
    batch = ExportBatch(document=document, status=BatchStatus.DONE, languages=["en"], done=1, sha256="0" * 64)
    batch.file.save("all.zip", ContentFile(b"PK\x05\x06" + b"\x00" * 18), save=False)
    batch.save()
    return batch
