"""The conclusions edit services write only what differs and say so."""

import pytest

from conclusions import services
from conclusions.models import ConclusionsDocument, SectionTitle

from .factories import make_document

pytestmark = pytest.mark.django_db


def test_document_settings_as_stored_write_nothing():
    document = make_document()
    history = document.history.count()
    assert not services.document_update(document=document, year=document.year, meeting_code=document.meeting_code)
    assert document.history.count() == history
    assert services.document_update(document=document, year=2024).changed == ("year",)
    assert ConclusionsDocument.objects.get(pk=document.pk).year == 2024


def test_header_section_titles_and_paragraph_say_when_nothing_changed():
    document = make_document()
    assert services.version_save(document=document, language="en", subtitle="New").changed == ("subtitle",)
    assert not services.version_save(document=document, language="en", subtitle="New")

    section = document.sections.filter(kind="section").first()
    before = SectionTitle.history.count()
    assert not services.section_titles_set(section=section, titles={"en": section.titles.get(language="en").title})
    assert SectionTitle.history.count() == before  # update_or_create used to write a record every time
    assert services.section_titles_set(section=section, titles={"en": "I. Activities"}).changed == ("title_en",)

    paragraph = section.paragraphs.first()
    text = paragraph.texts.get(language="en").text
    assert not services.paragraph_update(paragraph=paragraph, texts={"en": text}, kind=paragraph.kind)
    assert services.paragraph_update(paragraph=paragraph, texts={"en": "New"}, kind="plain").changed == (
        "kind",
        "text_en",
    )
