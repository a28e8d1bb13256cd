import io
import zipfile

import pytest
from django.urls import reverse
from django.utils import timezone

from conclusions.models import BatchStatus, DocumentExport, ExportBatch, Paragraph, ParagraphText, Status
from conclusions.tests.factories import make_document
from conftest import client_for

pytestmark = pytest.mark.django_db


def _url(name, document, *args):
    return reverse(f"conclusions:{name}", args=[document.committee.slug, document.meeting_code, *args])


def test_isu_edits_a_paragraph_in_two_languages(cast):
    document = make_document(paragraphs=1)
    paragraph = Paragraph.objects.get(section__key="activities")
    client = client_for(cast, "isu")
    response = client.post(
        _url("paragraph_edit", document, paragraph.pk),
        {"kind": "numbered", "text_en": "On 1 May, the *Committee*", "text_fr": "Le 1^{er} mai, le *Comité*"},
    )
    assert response.status_code == 302
    texts = dict(ParagraphText.objects.filter(paragraph=paragraph).values_list("language", "text"))
    assert texts == {"en": "On 1 May, the *Committee*", "fr": "Le 1^{er} mai, le *Comité*"}
    page = client.get(_url("edit", document) + "?left=en&right=fr").content.decode()
    assert "Le 1<sup>er</sup> mai, le <em>Comité</em>" in page


def test_paragraph_form_keeps_what_was_typed_when_the_original_text_is_missing(cast):
    document = make_document(paragraphs=1)
    section = Paragraph.objects.get(section__key="activities").section
    response = client_for(cast, "isu").post(
        _url("paragraph_add", document, section.pk), {"kind": "numbered", "text_en": "", "text_fr": "Texte gardé"}
    )
    assert response.status_code == 200
    assert "Texte gardé" in response.content.decode()
    assert "This field is required." in response.content.decode()
    assert Paragraph.objects.filter(section=section).count() == 1


def test_editor_marks_missing_translations(cast):
    document = make_document(paragraphs=1)
    ParagraphText.objects.filter(paragraph__section__key="activities", language="fr").delete()
    page = client_for(cast, "isu").get(_url("edit", document) + "?left=en&right=fr").content.decode()
    assert page.count("Missing translation") >= 1
    assert "table-warning" in page


def test_move_and_delete_through_the_editor(cast):
    document = make_document(paragraphs=2)
    client = client_for(cast, "isu")
    first = Paragraph.objects.get(section__key="activities", order=1)
    client.post(_url("paragraph_move", document, first.pk), {"direction": "down"})
    first.refresh_from_db()
    assert first.order == 2
    response = client.post(_url("paragraph_delete", document, first.pk))
    assert response.status_code == 302
    assert not Paragraph.objects.filter(pk=first.pk).exists()


def test_editing_a_final_document_is_refused_with_a_message(cast):
    document = make_document(paragraphs=1, status=Status.FINAL)
    paragraph = Paragraph.objects.get(section__key="activities")
    client = client_for(cast, "isu")
    response = client.post(
        _url("paragraph_edit", document, paragraph.pk),
        {"kind": "numbered", "text_en": "x", "text_fr": "y"},
        follow=True,
    )
    assert "final: its text is locked" in response.content.decode()
    assert ParagraphText.objects.get(paragraph=paragraph, language="en").text == "activities 1 en"


def test_finalise_through_the_ui_makes_the_document_public(cast):
    document = make_document(paragraphs=1)
    assert client_for(cast, "anon").get(_url("detail", document)).status_code == 302
    response = client_for(cast, "isu").post(_url("finalise", document, "en"), follow=True)
    assert "English is final" in response.content.decode()
    document.refresh_from_db()
    assert document.status == Status.FINAL
    assert client_for(cast, "anon").get(_url("detail", document)).status_code == 200
    assert document in client_for(cast, "anon").get(reverse("conclusions:list")).context["documents"]


def test_drafts_are_not_listed_for_the_public(cast):
    make_document(paragraphs=1)
    assert list(client_for(cast, "anon").get(reverse("conclusions:list")).context["documents"]) == []
    assert len(client_for(cast, "member").get(reverse("conclusions:list")).context["documents"]) == 1


def test_download_records_an_export_and_final_languages_reuse_it(cast):
    document = make_document(paragraphs=1)
    response = client_for(cast, "member").get(_url("pdf", document, "fr"))
    assert response.status_code == 200
    content = b"".join(response.streaming_content)
    assert content.startswith(b"%PDF-")
    export = DocumentExport.objects.get()
    assert (export.created_by, export.language, response["X-Content-SHA256"]) == (cast.member, "fr", export.sha256)
    assert export.status_at_export == Status.DRAFT and "fr-draft.pdf" in response["Content-Disposition"]
    document.status = Status.FINAL
    document.save()
    document.versions.filter(language="fr").update(finalised_at=timezone.now())
    client_for(cast, "anon").get(_url("pdf", document, "fr"))
    client_for(cast, "anon").get(_url("pdf", document, "fr"))
    assert DocumentExport.objects.filter(status_at_export=Status.FINAL).count() == 1


def test_preview_is_not_recorded(cast):
    document = make_document(paragraphs=1)
    response = client_for(cast, "isu").get(_url("preview", document, "en"))
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert DocumentExport.objects.count() == 0


def test_unknown_language_is_404(cast):
    document = make_document(languages=("en",))
    assert client_for(cast, "isu").get(_url("pdf", document, "ar")).status_code == 404
    assert client_for(cast, "isu").get(_url("preview", document, "xx")).status_code == 404


def test_export_all_runs_in_the_background_and_reports_progress(cast, django_capture_on_commit_callbacks):
    document = make_document(paragraphs=1)
    client = client_for(cast, "isu")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = client.post(_url("export_all", document))
    assert len(callbacks) == 1
    batch = ExportBatch.objects.get()
    assert response.status_code == 302 and f"batch={batch.pk}" in response["Location"]
    status = client.get(_url("batch_status", document, batch.pk)).json()
    assert status["status"] == BatchStatus.DONE
    assert (status["done"], status["total"], status["percent"]) == (2, 2, 100)
    zip_response = client.get(status["download_url"])
    archive = zipfile.ZipFile(io.BytesIO(b"".join(zip_response.streaming_content)))
    assert sorted(archive.namelist()) == [
        f"{document.committee.slug}-{document.meeting_code}-en-draft.pdf",
        f"{document.committee.slug}-{document.meeting_code}-fr-draft.pdf",
    ]
    editor = client.get(_url("edit", document)).content.decode()
    assert "data-batch-status-url" in editor and "conclusions/export.js" in editor


def test_pending_batch_status_has_no_download_yet(cast):
    document = make_document(paragraphs=1)
    batch = ExportBatch.objects.create(document=document, languages=["en", "fr"], done=1, status=BatchStatus.RUNNING)
    status = client_for(cast, "chair").get(_url("batch_status", document, batch.pk)).json()
    assert (status["percent"], status["download_url"]) == (50, None)
    assert client_for(cast, "chair").get(_url("batch_download", document, batch.pk)).status_code == 404


def test_add_a_language_then_its_paragraphs_are_missing(cast):
    document = make_document(paragraphs=1)
    client = client_for(cast, "isu")
    client.post(_url("language_add", document), {"language": "es"})
    assert document.versions.filter(language="es").exists()
    page = client.get(_url("edit", document) + "?left=en&right=es").content.decode()
    assert "Missing translation" in page


def test_header_form_saves_the_language_version(cast):
    document = make_document(paragraphs=1)
    response = client_for(cast, "isu").post(
        _url("header", document, "fr"),
        {
            "symbol": "APLC/MSP.21/2023/7",
            "issue_date": "2023-09-22",
            "meeting_name": "Vingt et unième Assemblée",
            "title": "Coopération",
            "body": "",
            "place_and_dates": "",
            "agenda_item": "",
            "agenda_title": "",
            "subtitle": "",
        },
    )
    assert response.status_code == 302
    version = document.versions.get(language="fr")
    assert (version.meeting_name, str(version.issue_date)) == ("Vingt et unième Assemblée", "2023-09-22")


def test_create_a_document(cast):
    from committee.models import Committee

    committee = Committee.objects.create(slug="cooperation-assistance", name_en="C&A")
    response = client_for(cast, "isu").post(
        reverse("conclusions:create"),
        {
            "committee": committee.pk,
            "year": 2024,
            "meeting_code": "22MSP",
            "original_language": "en",
            "languages": ["fr", "es"],
        },
    )
    assert response.status_code == 302
    document = committee.conclusions.get()
    assert sorted(document.versions.values_list("language", flat=True)) == ["en", "es", "fr"]


def test_invalid_meeting_code_is_refused_next_to_the_field(cast):
    from committee.models import Committee

    committee = Committee.objects.create(slug="cooperation-assistance", name_en="C&A")
    response = client_for(cast, "isu").post(
        reverse("conclusions:create"),
        {"committee": committee.pk, "year": 2024, "meeting_code": "next meeting", "original_language": "en"},
    )
    assert response.status_code == 200
    assert "Use the Convention&#x27;s short code" in response.content.decode()


@pytest.mark.parametrize("paragraphs", [1, 6])
def test_editor_queries_do_not_grow_with_paragraphs(cast, paragraphs, django_assert_max_num_queries):
    document = make_document(paragraphs=paragraphs)
    client = client_for(cast, "isu")
    client.get(_url("edit", document))
    with django_assert_max_num_queries(26):
        assert client.get(_url("edit", document)).status_code == 200


@pytest.mark.parametrize("count", [1, 5])
def test_list_queries_do_not_grow_with_documents(cast, count, django_assert_max_num_queries):
    for i in range(count):
        make_document(slug=f"c-{i}", code=f"{i + 10}MSP")
    client = client_for(cast, "member")
    with django_assert_max_num_queries(12):
        assert client.get(reverse("conclusions:list")).status_code == 200


def test_read_page_shows_the_document_in_the_chosen_language(cast):
    document = make_document(paragraphs=1, status=Status.FINAL)
    page = client_for(cast, "anon").get(_url("detail", document) + "?lang=fr").content.decode()
    assert "activities 1 fr" in page and "activities 1 en" not in page
    assert client_for(cast, "anon").get(_url("detail", document) + "?lang=ru").status_code == 404
