"""Finalising each language through the pages, what the public reads, and the editor's per-language states."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from conclusions import services
from conclusions.models import DocumentLanguageVersion, Paragraph, ParagraphText, Section, Status
from conclusions.tests.factories import make_document
from conclusions.tests.test_finalise import complete
from conftest import client_for

pytestmark = pytest.mark.django_db


def _url(name, document, *args):
    return reverse(f"conclusions:{name}", args=[document.committee.slug, document.meeting_code, *args])


def _messages(response) -> list[tuple[str, str]]:
    return [(m.level_tag, str(m)) for m in get_messages(response.wsgi_request)]


def _said(client, response) -> tuple[str, str]:
    """The one message the request left (reading them empties the store for the next request)."""
    said = _messages(response)
    client.get(reverse("conclusions:list"))  # shows, and so consumes, what is left
    assert len(said) == 1, said
    return said[0]


def test_the_confirmation_page_says_why_a_translation_cannot_be_finalised_yet(cast):
    document = make_document(paragraphs=1)
    page = client_for(cast, "isu").get(_url("finalise", document, "fr")).content.decode()
    assert "Finalise the original language (English) first" in page
    assert 'type="submit" disabled' in page


def test_finalising_each_language_with_true_messages(cast):
    document = make_document(paragraphs=1, languages=("en", "fr", "es"))
    complete(document, ["fr"])
    client = client_for(cast, "isu")

    said = _said(client, client.post(_url("finalise", document, "fr")))
    assert said == ("error", "Finalise the original language (English) first: translations wait until it is final.")
    level, text = _said(client, client.post(_url("finalise", document, "en")))
    assert level == "success" and text.startswith("English is final")
    said = _said(client, client.post(_url("finalise", document, "en")))
    assert said == ("info", "English was already final: nothing changed.")
    level, text = _said(client, client.post(_url("finalise", document, "es")))
    assert level == "error" and text.startswith("Spanish has no text yet for")
    said = _said(client, client.post(_url("finalise", document, "fr")))
    assert said == ("success", "French is final: its text is locked and it is now public.")
    assert services.final_languages(document) == {"en", "fr"}


def test_the_public_reads_only_the_final_languages_of_a_published_document(cast):
    document = make_document(paragraphs=1, status=Status.FINAL, final_languages=["en"])
    anon = client_for(cast, "anon")
    page = anon.get(_url("detail", document))
    assert page.status_code == 200
    assert [code for code, _name in page.context["doc_languages"]] == ["en"]
    assert anon.get(_url("detail", document) + "?lang=fr").status_code == 404
    assert anon.get(_url("pdf", document, "fr")).status_code == 302  # to the login page
    member = client_for(cast, "member")
    assert [code for code, _n in member.get(_url("detail", document)).context["doc_languages"]] == ["en", "fr"]
    response = member.get(_url("pdf", document, "fr"))
    assert response.status_code == 200 and "fr-draft.pdf" in response["Content-Disposition"]
    listing = client_for(cast, "anon").get(reverse("conclusions:list")).content.decode()
    assert ">EN<" in listing and "FR (draft)" not in listing


def test_a_published_documents_paragraph_edits_only_its_draft_translations(cast):
    document = make_document(paragraphs=1, status=Status.FINAL, final_languages=["en"])
    paragraph = Paragraph.objects.filter(section__document=document, section__key="activities").first()
    client = client_for(cast, "isu")
    page = client.get(_url("paragraph_edit", document, paragraph.pk))
    form = page.context["form"]
    assert form.fields["text_en"].disabled and form.fields["kind"].disabled
    assert not form.fields["text_fr"].disabled
    response = client.post(
        _url("paragraph_edit", document, paragraph.pk),
        {"kind": "plain", "text_en": "hacked", "text_fr": "Nouveau texte"},
    )
    assert _messages(response) == [("success", "Paragraph saved.")]
    texts = dict(ParagraphText.objects.filter(paragraph=paragraph).values_list("language", "text"))
    assert texts == {"en": "activities 1 en", "fr": "Nouveau texte"}
    paragraph.refresh_from_db()
    assert paragraph.kind == "numbered"


def test_final_headers_settings_and_structure_are_refused_with_a_message(cast):
    document = make_document(paragraphs=1, status=Status.FINAL, final_languages=["en"])
    client = client_for(cast, "isu")
    response = client.get(_url("header", document, "en"))
    assert response.status_code == 302
    assert _messages(response) == [("error", "English is final: its header is locked.")]
    assert client.get(_url("header", document, "fr")).status_code == 200
    response = client.get(_url("settings", document))
    assert response.status_code == 302 and "original language is final" in _messages(response)[0][1]
    section = Section.objects.get(document=document, key="activities")
    response = client.post(_url("section_edit", document, section.pk), {"delete": "1"})
    assert "original language is final" in _messages(response)[0][1]
    assert Section.objects.filter(pk=section.pk).exists()


def test_every_language_final_locks_the_paragraph_page(cast):
    document = make_document(paragraphs=1, status=Status.FINAL)
    paragraph = Paragraph.objects.filter(section__document=document).first()
    response = client_for(cast, "isu").get(_url("paragraph_edit", document, paragraph.pk))
    assert response.status_code == 302
    assert _messages(response) == [("error", "Every language of this document is final: its text is locked.")]


def test_the_editor_shows_per_paragraph_which_languages_are_generated_edited_or_missing(cast):
    document = make_document(paragraphs=1, languages=("en", "fr", "es"))
    section = Section.objects.get(document=document, key="activities")
    generated = services.paragraph_add(
        section=section, texts={"en": "Generated.", "fr": "Généré.", "es": ""}, source="meeting:1"
    )
    services.paragraph_update(paragraph=generated, texts={"fr": "Retouché à la main."})
    page = client_for(cast, "isu").get(_url("edit", document))
    row = next(r for s in page.context["sections"] for r in s.rows if r.pk == generated.pk)
    assert [(b.language, b.state) for b in row.states] == [("en", "generated"), ("es", "missing"), ("fr", "edited")]
    html = page.content.decode()
    start = html.index(f'id="p{generated.pk}"')
    cell = html[start : html.index("</tr>", start)]
    for code, name, state in (("EN", "English", "generated"), ("ES", "Spanish", "missing"), ("FR", "French", "edited")):
        assert f'<abbr title="{name}">{code}</abbr> <span aria-hidden="true">' in cell
        assert f"</span> {state}</span>" in cell
    # Written by hand: edited from the start.
    by_hand = services.paragraph_add(section=section, texts={"en": "By hand."})
    assert ParagraphText.objects.get(paragraph=by_hand, language="en").state == "edited"


def test_the_editor_offers_to_finalise_each_language_and_says_why_not(cast):
    document = make_document(paragraphs=1)
    page = client_for(cast, "isu").get(_url("edit", document)).content.decode()
    assert f'href="{_url("finalise", document, "en")}"' in page
    assert f'href="{_url("finalise", document, "fr")}"' not in page
    assert "Finalise the original language (English) first" in page
    DocumentLanguageVersion.objects.filter(document=document, language="en").update(title="")
    page = client_for(cast, "isu").get(_url("edit", document)).content.decode()
    assert "English has no text yet for: the title in the header." in page
