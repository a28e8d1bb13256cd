"""Every uploaded file goes through here: one validator (allowed type, size, content), a random
storage name, and one way of sending it back (attachment, nosniff, after the access check).

Uploads live under MEDIA_ROOT (outside the static files, never served by URL). A model's
FileField takes `validators=[validate_document]` (or a `DocumentValidator` with fewer types) and
`upload_to=UploadTo("<app>/<what>")`; tests/test_uploads.py fails for a FileField that does not,
unless it holds only files the app generates itself (`GENERATED_FILE_FIELDS`).
"""

import mimetypes
import os
import secrets
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.http import FileResponse
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP = b"PK\x03\x04"
# extension -> the first bytes such a file starts with ([] for plain text)
SIGNATURES = {
    ".pdf": [b"%PDF-"],
    ".docx": [ZIP],
    ".xlsx": [ZIP],
    ".pptx": [ZIP],
    ".odt": [ZIP],
    ".ods": [ZIP],
    ".doc": [OLE],
    ".xls": [OLE],
    ".rtf": [b"{\\rtf"],
    ".png": [b"\x89PNG\r\n\x1a\n"],
    ".jpg": [b"\xff\xd8\xff"],
    ".jpeg": [b"\xff\xd8\xff"],
    ".txt": [],
    ".csv": [],
}
# ZIP-based formats: the member that tells what the archive is (and, for OpenDocument, its content)
ZIP_MARKERS = {
    ".docx": ("word/document.xml", None),
    ".xlsx": ("xl/workbook.xml", None),
    ".pptx": ("ppt/presentation.xml", None),
    ".odt": ("mimetype", b"application/vnd.oasis.opendocument.text"),
    ".ods": ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
}
# FileFields that hold only files the app renders itself (PDF exports, ZIPs of them): never uploaded.
GENERATED_FILE_FIELDS = {"conclusions.DocumentExport.file", "conclusions.ExportBatch.file"}


def _zip_matches(upload, ext: str) -> bool:
    member, expected = ZIP_MARKERS[ext]
    upload.seek(0)
    try:
        with zipfile.ZipFile(upload) as archive:
            if member not in archive.namelist():
                return False
            if expected is None:
                return True
            # An ODF "mimetype" member is a few dozen bytes: never decompress a large one (a zip bomb).
            if archive.getinfo(member).file_size > 200:
                return False
            return archive.read(member).strip() == expected
    except (zipfile.BadZipFile, KeyError, ValueError):
        return False
    finally:
        upload.seek(0)


@deconstructible
class DocumentValidator:
    """Refuse a file whose type is not allowed, which is too large (UPLOAD_MAX_BYTES) or whose content
    is not what its extension says. A file already stored is not checked again."""

    def __init__(self, extensions: list[str] | tuple[str, ...] | None = None):
        self.extensions = tuple(sorted(e.lower().lstrip(".") for e in extensions)) if extensions else None

    def allowed(self) -> list[str]:
        every = [e.lstrip(".") for e in SIGNATURES]
        return sorted(e for e in every if self.extensions is None or e in self.extensions)

    def __call__(self, upload) -> None:
        if isinstance(upload, FieldFile) and upload._committed:
            return
        ext = os.path.splitext(upload.name or "")[1].lower()
        if ext.lstrip(".") not in self.allowed():
            allowed = ", ".join(e.upper() for e in self.allowed())
            raise ValidationError(
                _("This type of file is not accepted. Accepted types: %(types)s.") % {"types": allowed}, code="type"
            )
        max_bytes = settings.UPLOAD_MAX_BYTES
        if upload.size > max_bytes:
            raise ValidationError(
                _("The file is too large (%(size)s MB); the limit is %(limit)s MB.")
                % {"size": round(upload.size / 1048576, 1), "limit": round(max_bytes / 1048576)},
                code="size",
            )
        upload.seek(0)
        head = upload.read(2048)
        upload.seek(0)
        signatures = SIGNATURES[ext]
        mismatch = _("The file's content does not match its extension (%(ext)s).") % {"ext": ext}
        if signatures and not any(head.startswith(sig) for sig in signatures):
            raise ValidationError(mismatch, code="content")
        if ext in ZIP_MARKERS and not _zip_matches(upload, ext):
            raise ValidationError(mismatch, code="content")
        if not signatures and b"\x00" in head:
            raise ValidationError(_("A text file must not contain binary data."), code="content")

    def __eq__(self, other) -> bool:
        return isinstance(other, DocumentValidator) and self.extensions == other.extensions


validate_document = DocumentValidator()


@deconstructible
class UploadTo:
    """`<prefix>/<year>/<random>.<ext>`: nothing of the uploaded name but its (validated) extension."""

    def __init__(self, prefix: str):
        self.prefix = prefix.strip("/")

    def __call__(self, instance, filename: str) -> str:
        ext = os.path.splitext(filename)[1].lower()
        ext = ext if ext in SIGNATURES else ""
        return f"{self.prefix}/{timezone.now():%Y}/{secrets.token_hex(16)}{ext}"

    def __eq__(self, other) -> bool:
        return isinstance(other, UploadTo) and self.prefix == other.prefix


def serve_file(field_file, *, download_name: str | None = None) -> FileResponse:
    """Send a stored upload as an attachment (call only after the access check). `download_name`
    without an extension gets the stored file's."""
    ext = os.path.splitext(field_file.name)[1].lower()
    name = download_name or os.path.basename(field_file.name)
    if not os.path.splitext(name)[1]:
        name += ext
    content_type = mimetypes.guess_type(field_file.name)[0] or "application/octet-stream"
    response = FileResponse(field_file.open("rb"), as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
