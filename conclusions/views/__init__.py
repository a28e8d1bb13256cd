"""Views of the conclusions app, split by area; every view is importable from here (urls.py uses views.<name>)."""

from ._common import login_on_denied
from .documents import document_create, document_detail, document_finalise, document_list, document_settings
from .editor import (
    document_edit,
    language_add,
    paragraph_add,
    paragraph_delete,
    paragraph_edit,
    paragraph_move,
    section_add,
    section_edit,
    version_edit,
)
from .exports import (
    batch_download,
    batch_status,
    document_generate,
    document_pdf,
    document_preview,
    export_all,
    export_download,
    export_list,
)

__all__ = [
    "login_on_denied",
    "document_list",
    "document_create",
    "document_detail",
    "document_settings",
    "document_finalise",
    "document_edit",
    "version_edit",
    "language_add",
    "section_add",
    "section_edit",
    "paragraph_add",
    "paragraph_edit",
    "paragraph_move",
    "paragraph_delete",
    "document_pdf",
    "document_preview",
    "document_generate",
    "export_all",
    "batch_status",
    "batch_download",
    "export_list",
    "export_download",
]
