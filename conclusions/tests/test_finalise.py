"""Each language is finalised on its own: the original first, then each complete translation."""

import pytest
from django.core.exceptions import ValidationError

from conclusions import services
from conclusions.models import (
    DocumentLanguageVersion,
    Paragraph,
    ParagraphText,
    Section,
    SectionTitle,
    Status,
)
from conclusions.tests.factories import make_document

pytestmark = pytest.mark.django_db


def complete(document, languages=("fr", "es")) -> None:
    """Give every paragraph and section a text in these languages (the factory's annex is in English only)."""
    for paragraph in Paragraph.objects.filter(section__document=document):
        for language in languages:
            ParagraphText.objects.update_or_create(
                paragraph=paragraph, language=language, defaults={"text": f"text {paragraph.pk} {language}"}
            )
    for section in Section.objects.filter(document=document):
        for language in languages:
            SectionTitle.objects.update_or_create(section=section, language=language, defaults={"title": "T"})


def version(document, language) -> DocumentLanguageVersion:
    return DocumentLanguageVersion.objects.get(document=document, language=language)


@pytest.fixture
def isu(django_user_model):
    return django_user_model.objects.create(username="isu", email="isu@example.org", role="isu")


def test_a_translation_waits_until_the_original_is_final(isu):
    document = make_document(languages=("en", "fr"))
    complete(document)
    with pytest.raises(ValidationError, match="original language"):
        services.version_finalise(document=document, language="fr", by=isu)
    assert version(document, "fr").finalised_at is None
    services.version_finalise(document=document, language="en", by=isu)
    update = services.version_finalise(document=document, language="fr", by=isu)
    assert update.changed and version(document, "fr").finalised_by == isu


def test_finalising_the_original_publishes_the_document_and_leaves_translations_draft(isu):
    document = make_document(languages=("en", "fr", "es"))
    update = services.version_finalise(document=document, language="en", by=isu)
    document.refresh_from_db()
    assert update.changed == ("finalised_at", "finalised_by")
    assert document.status == Status.FINAL and document.is_final
    en = version(document, "en")
    assert en.finalised_by == isu and en.finalised_at is not None
    assert version(document, "fr").status == Status.DRAFT
    assert version(document, "es").status == Status.DRAFT


def test_finalising_a_final_language_again_changes_nothing(isu, django_user_model):
    document = make_document(languages=("en",))
    services.version_finalise(document=document, language="en", by=isu)
    first = version(document, "en").finalised_at
    other = django_user_model.objects.create(username="isu2", email="isu2@example.org", role="isu")
    update = services.version_finalise(document=document, language="en", by=other)
    assert update.changed == ()
    assert (version(document, "en").finalised_at, version(document, "en").finalised_by) == (first, isu)


def test_a_language_with_missing_text_cannot_be_finalised(isu):
    document = make_document(languages=("en", "fr", "es"))
    services.version_finalise(document=document, language="en", by=isu)
    complete(document, ["fr"])
    ParagraphText.objects.filter(paragraph__section__document=document, language="fr").first().delete()
    DocumentLanguageVersion.objects.filter(document=document, language="fr").update(title="")
    with pytest.raises(ValidationError) as refused:
        services.version_finalise(document=document, language="fr", by=isu)
    assert refused.value.messages == ["French has no text yet for: 1 paragraph, the title in the header."]
    # Spanish has no text but the factory's: the annex (title and bullet) is English only.
    with pytest.raises(ValidationError, match="1 paragraph, 1 section title"):
        services.version_finalise(document=document, language="es", by=isu)
    assert services.final_languages(document) == {"en"}


def test_the_original_with_missing_text_cannot_be_finalised_nor_published(isu):
    document = make_document(languages=("en", "fr"), paragraphs=1)
    ParagraphText.objects.filter(paragraph__section__document=document, language="en").update(text="")
    with pytest.raises(ValidationError, match="English has no text yet for: 3 paragraphs"):
        services.version_finalise(document=document, language="en", by=isu)
    document.refresh_from_db()
    assert document.status == Status.DRAFT


@pytest.mark.parametrize(
    "write",
    [
        lambda d, p, s: services.paragraph_update(paragraph=p, texts={"en": "changed"}),
        lambda d, p, s: services.paragraph_update(paragraph=p, texts={}, kind="plain"),
        lambda d, p, s: services.paragraph_add(section=s, texts={"en": "new"}),
        lambda d, p, s: services.paragraph_delete(paragraph=p),
        lambda d, p, s: services.paragraph_move(paragraph=p, direction="down"),
        lambda d, p, s: services.version_save(document=d, language="en", title="changed"),
        lambda d, p, s: services.section_titles_set(section=s, titles={"en": "changed"}),
        lambda d, p, s: services.section_add(document=d, kind="annex", titles={"en": "Annex"}),
        lambda d, p, s: services.section_delete(section=s),
        lambda d, p, s: services.document_update(document=d, year=2024),
    ],
    ids=[
        "text",
        "kind",
        "add",
        "delete",
        "move",
        "header",
        "section-title",
        "section-add",
        "section-delete",
        "settings",
    ],
)
def test_once_the_original_is_final_its_text_and_the_structure_are_locked(write, isu):
    document = make_document(paragraphs=1)
    services.version_finalise(document=document, language="en", by=isu)
    paragraph = Paragraph.objects.filter(section__document=document).first()
    section = paragraph.section
    texts_before = list(ParagraphText.objects.values_list("pk", "text"))
    with pytest.raises(services.DocumentLocked):
        write(document, paragraph, section)
    assert list(ParagraphText.objects.values_list("pk", "text")) == texts_before
    assert Paragraph.objects.filter(pk=paragraph.pk, kind="numbered").exists()
    assert Section.objects.filter(pk=section.pk).exists()


def test_a_draft_translation_of_a_published_document_stays_editable(isu):
    document = make_document(paragraphs=1)
    services.version_finalise(document=document, language="en", by=isu)
    paragraph = Paragraph.objects.filter(section__document=document).first()
    update = services.paragraph_update(
        paragraph=paragraph, texts={"en": paragraph.texts.get(language="en").text, "fr": "neu"}
    )
    assert update.changed == ("text_fr",)
    assert services.version_save(document=document, language="fr", title="Titre").changed == ("title",)
    assert services.section_titles_set(section=paragraph.section, titles={"fr": "Activités"}).changed == ("title_fr",)
    added = services.version_add(document=document, language="es")
    assert added.status == Status.DRAFT


def test_a_final_translation_is_locked_too(isu):
    document = make_document(paragraphs=1)
    complete(document, ["fr"])
    services.version_finalise(document=document, language="en", by=isu)
    services.version_finalise(document=document, language="fr", by=isu)
    paragraph = Paragraph.objects.filter(section__document=document).first()
    with pytest.raises(services.DocumentLocked, match="French: final"):
        services.paragraph_update(paragraph=paragraph, texts={"fr": "changé"})
    with pytest.raises(services.DocumentLocked):
        services.version_save(document=document, language="fr", subtitle="changé")
    assert ParagraphText.objects.get(paragraph=paragraph, language="fr").text != "changé"


def test_exports_record_each_language_status(isu):
    document = make_document(paragraphs=1)
    services.version_finalise(document=document, language="en", by=isu)
    en = services.document_export(document=document, language="en", by=isu)
    fr = services.document_export(document=document, language="fr", by=isu)
    assert (en.status_at_export, fr.status_at_export) == (Status.FINAL, Status.DRAFT)
    assert services.export_filename(en) == "cooperation-assistance-21MSP-en.pdf"
    assert services.export_filename(fr) == "cooperation-assistance-21MSP-fr-draft.pdf"
