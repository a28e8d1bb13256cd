"""Access to conclusions documents: a document is public once its original language is final, and then
each of its final languages is; drafts (a draft document, a draft language) are read by the committee
(chair, members) and the ISU; only the ISU writes."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from accounts.roles import is_committee, require_isu

from .models import ConclusionsDocument, DocumentExport, DocumentLanguageVersion, ExportBatch, Language, Section


class LoginRequired(PermissionDenied):
    """An anonymous visitor asked for something that signing in may reveal."""


def _require_reader(user, *, public: bool) -> None:
    if public or is_committee(user):
        return
    if not user.is_authenticated:
        raise LoginRequired
    raise PermissionDenied


def _require_writer(user) -> None:
    if not user.is_authenticated:
        raise LoginRequired
    require_isu(user)


def get_document_for_user(user, slug: str, meeting_code: str, *, write: bool = False) -> ConclusionsDocument:
    """The document of a committee for a meeting. Drafts: committee and ISU read, ISU writes;
    final documents: everyone reads (their text is locked for everyone, see services.ensure_draft)."""
    document = get_object_or_404(
        ConclusionsDocument.objects.select_related("committee"), committee__slug=slug, meeting_code=meeting_code
    )
    if write:
        _require_writer(user)
    else:
        _require_reader(user, public=document.is_final)
    return document


def get_version_for_user(user, document: ConclusionsDocument, language: str) -> DocumentLanguageVersion:
    """One language of a document the user may read: a final language of a published document is public,
    a draft language is for the committee and the ISU. An unknown language is 404."""
    if language not in Language.values:
        raise Http404
    version = get_object_or_404(DocumentLanguageVersion, document=document, language=language)
    _require_reader(user, public=document.is_final and version.is_final)
    return version


def get_section_for_user(user, document: ConclusionsDocument, pk: int) -> Section:
    _require_writer(user)
    return get_object_or_404(Section.objects.select_related("document"), document=document, pk=pk)


def get_paragraph_for_user(user, document: ConclusionsDocument, pk: int):
    from .models import Paragraph

    _require_writer(user)
    return get_object_or_404(Paragraph.objects.select_related("section__document"), section__document=document, pk=pk)


def get_export_for_user(user, document: ConclusionsDocument, pk: int) -> DocumentExport:
    """A stored PDF: public if the document was final when it was exported, else committee only."""
    export = get_object_or_404(DocumentExport.objects.select_related("created_by"), document=document, pk=pk)
    _require_reader(user, public=export.status_at_export == "final")
    return export


def get_batch_for_user(user, document: ConclusionsDocument, pk: int) -> ExportBatch:
    _require_reader(user, public=False)
    return get_object_or_404(ExportBatch, document=document, pk=pk)


def require_committee_reader(user) -> None:
    _require_reader(user, public=False)
