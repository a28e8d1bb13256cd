"""A meeting's documents and speakers."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.forms import add_service_errors
from core.messages import saved_or_unchanged
from core.uploads import serve_file

from .. import permissions, services
from ..forms import (
    DocumentEditForm,
    DocumentForm,
    SpeakerForm,
)
from ._common import _form_page

# Documents ----------------------------------------------------------------------------------------


@login_required
def document_add(request, code: str):
    meeting = permissions.get_meeting_for_user(request.user, code, write=True)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        services.document_add(meeting=meeting, by=request.user, **form.cleaned_data)
        messages.success(request, _("Document added."))
        return redirect("meetings:detail", code=meeting.code)
    return _form_page(
        request,
        form,
        title=_("Add a document to %(title)s") % {"title": meeting.title},
        back="meetings:list",
        enctype="multipart/form-data",
        extra={"meeting": meeting},
    )


@login_required
def document_update(request, pk: int):
    document = permissions.get_document_for_user(request.user, pk, write=True)
    form = DocumentEditForm(request.POST or None, instance=document)
    if request.method == "POST" and form.is_valid():
        update = services.document_update(document=document, **form.cleaned_data)
        saved_or_unchanged(request, update.changed, _("Document saved."))
        return redirect("meetings:detail", code=document.meeting.code)
    return _form_page(
        request, form, title=_("Edit document"), back="meetings:list", extra={"meeting": document.meeting}
    )


@permissions.login_for_private
def document_download(request, pk: int):
    document = permissions.get_document_for_user(request.user, pk)
    response = serve_file(document.file, download_name=slugify(f"{document.meeting.code} {document.title}")[:80])
    if not document.is_published:
        response["Cache-Control"] = "private, no-store"
    return response


# Speakers -----------------------------------------------------------------------------------------


@login_required
def speaker_add(request, code: str):
    meeting = permissions.get_meeting_for_user(request.user, code, write=True)
    form = SpeakerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.speaker_add(meeting=meeting, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Speaker added."))
            if "another" in request.POST:
                return redirect("meetings:speaker_add", code=meeting.code)
            return redirect("meetings:detail", code=meeting.code)
    return _form_page(
        request,
        form,
        title=_("Add a speaker to %(title)s") % {"title": meeting.title},
        back="meetings:list",
        extra={"meeting": meeting, "save_another": True},
    )


@login_required
def speaker_update(request, pk: int):
    speaker = permissions.get_speaker_for_user(request.user, pk, write=True)
    form = SpeakerForm(request.POST or None, instance=speaker)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        if data.get("order") is None:
            data["order"] = speaker.order
        try:
            update = services.speaker_update(speaker=speaker, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Speaker saved."))
            return redirect("meetings:detail", code=speaker.meeting.code)
    return _form_page(request, form, title=_("Edit speaker"), back="meetings:list", extra={"meeting": speaker.meeting})


@login_required
def speaker_delete(request, pk: int):
    speaker = permissions.get_speaker_for_user(request.user, pk, write=True)
    if request.method == "POST":
        code = speaker.meeting.code
        services.speaker_remove(speaker=speaker)
        messages.success(request, _("Speaker removed."))
        return redirect("meetings:detail", code=code)
    return render(request, "meetings/confirm_delete.html", {"object": speaker, "meeting": speaker.meeting})
