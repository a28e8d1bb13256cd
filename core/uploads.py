"""Checks for uploaded documents: extension, size and content, before anything is stored.

Uploads live under MEDIA_ROOT (outside the static files, never served by URL) and are sent by
views that check access first (see `serve_file`).
"""

import mimetypes
import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import FileResponse
from django.utils.translation import gettext as _

# extension -> the first bytes such a file starts with
SIGNATURES = {
    ".pdf": [b"%PDF-"],
    ".docx": [b"PK\x03\x04"],
    ".xlsx": [b"PK\x03\x04"],
    ".pptx": [b"PK\x03\x04"],
    ".odt": [b"PK\x03\x04"],
    ".ods": [b"PK\x03\x04"],
    ".doc": [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"],
    ".xls": [b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"],
    ".png": [b"\x89PNG\r\n\x1a\n"],
    ".jpg": [b"\xff\xd8\xff"],
    ".jpeg": [b"\xff\xd8\xff"],
    ".txt": [],
    ".csv": [],
}


def validate_document(upload) -> None:
    """Refuse a file whose type is not allowed, which is too large or whose content lies about its type."""
    max_bytes = getattr(settings, "UPLOAD_MAX_BYTES", 20 * 1024 * 1024)
    ext = os.path.splitext(upload.name)[1].lower()
    if ext not in SIGNATURES:
        allowed = ", ".join(sorted(e.lstrip(".").upper() for e in SIGNATURES))
        raise ValidationError(_("This type of file is not accepted. Accepted types: %(types)s.") % {"types": allowed})
    if upload.size > max_bytes:
        raise ValidationError(
            _("The file is too large (%(size)s MB); the limit is %(limit)s MB.")
            % {"size": round(upload.size / 1048576, 1), "limit": round(max_bytes / 1048576)}
        )
    upload.seek(0)
    head = upload.read(16)
    upload.seek(0)
    signatures = SIGNATURES[ext]
    if signatures and not any(head.startswith(sig) for sig in signatures):
        raise ValidationError(_("The file's content does not match its extension (%(ext)s).") % {"ext": ext})
    if not signatures and b"\x00" in head:
        raise ValidationError(_("A text file must not contain binary data."))


def serve_file(field_file, *, download_name: str | None = None) -> FileResponse:
    """Send a stored upload (call only after the access check)."""
    name = download_name or os.path.basename(field_file.name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(field_file.open("rb"), as_attachment=True, filename=name, content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    return response
