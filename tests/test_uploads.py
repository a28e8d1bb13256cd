import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from core.uploads import validate_document


def test_a_real_pdf_is_accepted():
    validate_document(SimpleUploadedFile("report.pdf", b"%PDF-1.7\n..."))


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("virus.exe", b"MZ\x90\x00", "not accepted"),
        ("report.pdf", b"<html><script>", "does not match"),
        ("notes.txt", b"abc\x00\x01", "binary"),
    ],
)
def test_wrong_type_or_content_is_refused(name, content, message):
    with pytest.raises(ValidationError, match=message):
        validate_document(SimpleUploadedFile(name, content))


def test_too_large_file_is_refused(settings):
    settings.UPLOAD_MAX_BYTES = 10
    with pytest.raises(ValidationError, match="too large"):
        validate_document(SimpleUploadedFile("a.pdf", b"%PDF-" + b"x" * 20))


def test_uploads_are_stored_outside_static_files(settings):
    from pathlib import Path

    media, static = Path(settings.MEDIA_ROOT).resolve(), Path(settings.STATIC_ROOT).resolve()
    assert static not in media.parents and media != static
    assert all(Path(d).resolve() not in media.parents for d in settings.STATICFILES_DIRS)
