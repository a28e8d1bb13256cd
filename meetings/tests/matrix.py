"""Every meetings URL × every role. Objects belong to State A, so State B's delegate gets 404."""

from committee.models import Committee
from meetings.models import MeetingKind
from meetings.tests.factories import (
    BilateralFactory,
    FollowUpFactory,
    IARequestFactory,
    MeetingDocumentFactory,
    MeetingFactory,
    PanelSpeakerFactory,
    PriorityActionFactory,
)
from tests.matrix import LOGIN, Row, committee_only, everyone, isu_only, own_state, public


def hidden(ok: int = 200, **overrides) -> dict:
    """A committee meeting: the committee and the ISU; delegates get 404 (it does not exist for them)."""
    return everyone(404, anon=LOGIN, member=ok, chair=ok, isu=ok, **overrides)


def _committee():
    return Committee.objects.get_or_create(slug="cooperation-assistance", defaults={"name_en": "C&A"})[0]


def _public_meeting(cast):
    return {"code": MeetingFactory(code="9W", kind=MeetingKind.WORKSHOP).code}


def _bilateral(cast):
    return {"code": BilateralFactory(code="bil-a", state=cast.state_a).code}


def _committee_meeting(cast):
    return {"code": MeetingFactory(code="cm-1", kind=MeetingKind.COMMITTEE_MEETING).code}


def _published_doc_public(cast):
    return {"pk": MeetingDocumentFactory(meeting=MeetingFactory(code="pubm")).pk}


def _unpublished_doc_public(cast):
    return {"pk": MeetingDocumentFactory(meeting=MeetingFactory(code="pubm2"), is_published=False).pk}


def _published_doc_bilateral(cast):
    return {"pk": MeetingDocumentFactory(meeting=BilateralFactory(code="bil-doc", state=cast.state_a)).pk}


def _speaker(cast):
    return {"pk": PanelSpeakerFactory().pk}


def _followup(cast):
    return {"pk": FollowUpFactory(meeting=BilateralFactory(code="bil-f", state=cast.state_a)).pk}


def _ia(cast):
    return {"pk": IARequestFactory(state=cast.state_a).pk}


def _priority(cast):
    return {"pk": PriorityActionFactory(period__committee=_committee()).pk}


def _series(cast):
    from meetings.models import BilateralSeries

    s = BilateralSeries.objects.create(title="2023 bilaterals", start_date="2023-02-01", end_date="2023-05-31")
    BilateralFactory(code="bil-s", state=cast.state_a, series=s)
    return {"pk": s.pk}


def _committee_slug(cast):
    return {"slug": _committee().slug}


def _state(cast):
    BilateralFactory(code="bil-cal", state=cast.state_a)
    return {"iso3": cast.state_a.iso3}


ROWS = [
    Row("meetings:list", public()),
    Row("meetings:list", public(), query="?kind=bilateral&date_from=2023-01-01"),
    Row("meetings:create", isu_only()),
    Row("meetings:detail", public(), kwargs=_public_meeting),
    Row("meetings:detail", own_state(), kwargs=_bilateral),
    Row("meetings:detail", hidden(), kwargs=_committee_meeting),
    Row("meetings:update", isu_only(), kwargs=_public_meeting),
    Row("meetings:update", isu_only(), kwargs=_bilateral),
    Row("meetings:ics", public(), kwargs=_public_meeting),
    Row("meetings:ics", own_state(), kwargs=_bilateral),
    Row("meetings:calendar_public", public()),
    Row("meetings:calendar_committee", public(), kwargs=_committee_slug),
    Row("meetings:calendar_state", public(), kwargs=_state),
    Row("meetings:document_add", isu_only(), kwargs=_public_meeting),
    Row("meetings:document_update", isu_only(), kwargs=_published_doc_public),
    Row("meetings:document_download", public(), kwargs=_published_doc_public),
    Row(
        "meetings:document_download",
        committee_only(delegate_a=404, delegate_b=404, reader_a=404),
        kwargs=_unpublished_doc_public,
    ),
    Row("meetings:document_download", own_state(), kwargs=_published_doc_bilateral),
    Row("meetings:speaker_add", isu_only(), kwargs=_public_meeting),
    Row("meetings:speaker_update", isu_only(), kwargs=_speaker),
    Row("meetings:speaker_delete", isu_only(), kwargs=_speaker),
    Row("meetings:followup_list", committee_only()),
    Row("meetings:followup_create", isu_only(), kwargs=_bilateral),
    Row("meetings:followup_detail", own_state(), kwargs=_followup),
    Row("meetings:followup_update", isu_only(), kwargs=_followup),
    Row("meetings:series_plan", isu_only()),
    Row("meetings:series_detail", committee_only(), kwargs=_series),
    Row("meetings:ia_list", committee_only()),
    Row("meetings:ia_create", isu_only()),
    Row("meetings:ia_detail", own_state(), kwargs=_ia),
    Row("meetings:ia_update", isu_only(), kwargs=_ia),
    Row("meetings:ia_advance", isu_only(), kwargs=_ia),
    Row("meetings:priority_list", public()),
    Row("meetings:priority_create", isu_only()),
    Row("meetings:period_create", isu_only()),
    Row("meetings:priority_update", isu_only(), kwargs=_priority),
    Row("meeting-list", public()),
    Row(
        "meeting-list",
        public(),
        kwargs=lambda cast: _committee() and {},
        query="?kind=workshop&committee=cooperation-assistance&state=AAA",
    ),
    Row("meeting-detail", public(), kwargs=_public_meeting),
    Row("meeting-detail", {**public(), "anon": 404, "delegate_b": 404}, kwargs=_bilateral),
]
