import io
import zipfile

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.urls import reverse

from conftest import client_for
from core.uploads import GENERATED_FILE_FIELDS, DocumentValidator, UploadTo, validate_document


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_STORED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


DOCX = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"})
ODT = _zip({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<office/>"})


def _file_fields():
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):  # ImageField is one too
                yield f"{model._meta.app_label}.{model.__name__}.{field.name}", field


def test_every_file_field_is_validated_and_stored_under_a_random_name():
    fields = dict(_file_fields())
    assert "fund.TermsOfReference.file" in fields and "meetings.MeetingDocument.file" in fields
    assert GENERATED_FILE_FIELDS <= set(fields)
    for label, field in fields.items():
        if label in GENERATED_FILE_FIELDS:
            continue
        assert any(isinstance(v, DocumentValidator) for v in field.validators), f"{label}: no DocumentValidator"
        assert isinstance(field.upload_to, UploadTo), f"{label}: upload_to is not core.uploads.UploadTo"


def test_a_real_pdf_and_office_documents_are_accepted():
    validate_document(SimpleUploadedFile("report.pdf", b"%PDF-1.7\n..."))
    validate_document(SimpleUploadedFile("report.docx", DOCX))
    validate_document(SimpleUploadedFile("report.odt", ODT))
    validate_document(SimpleUploadedFile("report.rtf", b"{\\rtf1\\ansi report}"))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "not accepted"),
        ("page.html", b"<html><script>", "not accepted"),
        ("report.pdf", b"<html><script>", "does not match"),
        ("report.docx", b"PK\x03\x04 not really a zip", "does not match"),
        ("report.docx", _zip({"evil.html": b"<script>"}), "does not match"),
        ("report.odt", DOCX, "does not match"),
        # a zip bomb: its "mimetype" member would inflate to 50 MB; it is never decompressed
        ("report.odt", _zip({"mimetype": b"0" * 50_000_000}, zipfile.ZIP_DEFLATED), "does not match"),
        ("notes.txt", b"abc\x00\x01", "binary"),
    ],
)
def test_wrong_type_or_content_is_refused(name, content, message):
    with pytest.raises(ValidationError, match=message):
        validate_document(SimpleUploadedFile(name, content))


def test_a_field_may_accept_fewer_types():
    with pytest.raises(ValidationError, match="Accepted types: DOC, PDF"):
        DocumentValidator(["pdf", "doc"])(SimpleUploadedFile("a.png", b"\x89PNG\r\n\x1a\n"))


def test_too_large_file_is_refused(settings):
    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError, match="too large"):
        validate_document(SimpleUploadedFile("a.pdf", b"%PDF-" + b"x" * 20))


def test_storage_names_are_random_and_keep_only_the_extension():
    upload_to = UploadTo("fund/terms")
    first = upload_to(None, "../../etc/Terms of reference.PDF")
    second = upload_to(None, "../../etc/Terms of reference.PDF")
    assert first != second
    assert first.startswith("fund/terms/") and first.endswith(".pdf")
    assert ".." not in first and "Terms" not in first
    assert not upload_to(None, "x.php").endswith(".php")


def test_uploads_are_stored_outside_static_files(settings):
    from pathlib import Path

    media, static = Path(settings.MEDIA_ROOT).resolve(), Path(settings.STATIC_ROOT).resolve()
    assert static not in media.parents and media != static
    assert all(Path(d).resolve() not in media.parents for d in settings.STATICFILES_DIRS)


# --- the Fund's terms of reference, which used to skip the content check and be served inline ---


def _terms_post(cast, upload):
    return client_for(cast, "isu").post(
        reverse("fund:terms_add"),
        {"version": "2024", "title": "Terms 2024", "in_force_from": "2024-01-01", "summary": "", "file": upload},
    )


@pytest.mark.django_db
def test_terms_of_reference_upload_is_checked_by_content(cast):
    from fund.models import TermsOfReference

    response = _terms_post(cast, SimpleUploadedFile("tor.pdf", b"<html><script>alert(1)</script>"))
    assert response.status_code == 200
    assert "does not match" in str(response.context["form"].errors["file"])
    assert not TermsOfReference.objects.exists()


@pytest.mark.django_db
def test_terms_of_reference_are_stored_under_a_random_name_and_served_as_an_attachment(cast):
    from fund.models import TermsOfReference

    assert _terms_post(cast, SimpleUploadedFile("tor 2024.pdf", b"%PDF-1.4 terms")).status_code == 302
    terms = TermsOfReference.objects.get(version="2024")
    assert "tor" not in terms.file.name and terms.file.name.startswith("fund/terms/")
    response = client_for(cast, "anon").get(reverse("fund:terms_file", args=[terms.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="terms-of-reference-2024.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.4 terms"


@pytest.mark.django_db
def test_fund_final_report_is_an_attachment_for_its_state_only(cast):
    from fund.models import Status
    from fund.tests.factories import application_at

    app = application_at(Status.REPORT_RECEIVED, cast.state_a, delegate=cast.delegate_a)
    url = reverse("fund:final_report_download", args=[app.pk])
    response = client_for(cast, "delegate_a").get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client_for(cast, "delegate_b").get(url).status_code == 404
    assert client_for(cast, "anon").get(url).status_code == 302


@pytest.mark.django_db
def test_meeting_documents_are_attachments_and_unpublished_ones_hidden(cast):
    from meetings.tests.factories import MeetingDocumentFactory

    document = MeetingDocumentFactory(is_published=False)
    url = reverse("meetings:document_download", args=[document.pk])
    response = client_for(cast, "isu").get(url)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert client_for(cast, "delegate_a").get(url).status_code in (403, 404)
