"""Edit services compare with the stored row and say when nothing changed."""

import datetime

import pytest

from meetings import services
from meetings.models import (
    FollowUp,
    IndividualisedApproachRequest,
    Meeting,
    MeetingDocument,
    PanelSpeaker,
    PriorityAction,
)

from .factories import (
    FollowUpFactory,
    IARequestFactory,
    MeetingDocumentFactory,
    MeetingFactory,
    PanelSpeakerFactory,
    PriorityActionFactory,
)

pytestmark = pytest.mark.django_db


def test_meeting_update_saves_what_is_already_on_the_instance_and_its_relations(cast):
    meeting = MeetingFactory(place="Geneva")
    meeting.place = "Online"
    update = services.meeting_update(meeting=meeting, place="Online", states=[cast.state_a])
    assert update.changed == ("place", "states")
    assert Meeting.objects.get(pk=meeting.pk).place == "Online"
    assert not services.meeting_update(meeting=meeting, place="Online", states=[cast.state_a])


def test_document_update_says_when_nothing_changed():
    document = MeetingDocumentFactory(title="Agenda")
    assert not services.document_update(document=document, title="Agenda", kind="agenda")
    document.title = "Final agenda"
    assert services.document_update(document=document, title="Final agenda").changed == ("title",)
    assert MeetingDocument.objects.get(pk=document.pk).title == "Final agenda"


def test_followup_speaker_ia_and_priority_updates_save_what_is_on_the_instance(cast):
    followup = FollowUpFactory(notes="")
    followup.notes = "Sent"
    assert services.followup_update(followup=followup, notes="Sent").changed == ("notes",)
    assert FollowUp.objects.get(pk=followup.pk).notes == "Sent"
    assert not services.followup_update(followup=followup, notes="Sent")

    speaker = PanelSpeakerFactory(function="")
    speaker.function = "Director"
    assert services.speaker_update(speaker=speaker, function="Director").changed == ("function",)
    assert PanelSpeaker.objects.get(pk=speaker.pk).function == "Director"

    ia = IARequestFactory(state=cast.state_a, notes="")
    ia.notes = "Asked at 21MSP"
    assert services.ia_request_update(request=ia, notes="Asked at 21MSP").changed == ("notes",)
    assert IndividualisedApproachRequest.objects.get(pk=ia.pk).notes == "Asked at 21MSP"

    action = PriorityActionFactory(period__committee=MeetingFactory().committees.model.objects.create(slug="c"))
    action.status = "done"
    assert services.priority_action_update(action=action, status="done").changed == ("status",)
    assert PriorityAction.objects.get(pk=action.pk).status == "done"
    assert not services.priority_action_update(action=action, status="done", meetings=[])


def test_unchanged_dates_write_nothing():
    meeting = MeetingFactory(start_date=datetime.date(2023, 3, 9))
    assert not services.meeting_update(meeting=meeting, start_date=datetime.date(2023, 3, 9))
