import datetime

import pytest

from core.demo import DemoContext
from meetings import demo
from meetings.models import (
    FollowUp,
    IAStep,
    IndividualisedApproachRequest,
    Meeting,
    MeetingDocument,
    MeetingKind,
    PanelSpeaker,
    PriorityAction,
)

pytestmark = pytest.mark.django_db
D = datetime.date
SIXTEEN = {
    "BIH",
    "KHM",
    "COL",
    "ETH",
    "GNB",
    "IRQ",
    "MRT",
    "COD",
    "SEN",
    "SRB",
    "SOM",
    "LKA",
    "TJK",
    "TCD",
    "TUR",
    "ZWE",
}


@pytest.fixture
def loaded():
    from committee import demo as committee_demo
    from states import demo as states_demo

    ctx = DemoContext()
    states_demo.load(ctx)
    committee_demo.load(ctx)
    demo.load(ctx)
    return ctx


def test_demo_holds_every_2023_activity_of_the_seed(loaded):
    cm = Meeting.objects.get(code="CA-2023-01-16")
    assert (cm.kind, cm.start_date) == (MeetingKind.COMMITTEE_MEETING, D(2023, 1, 16))
    assert cm.committees.get().slug == "cooperation-assistance"

    bilaterals = Meeting.objects.filter(kind=MeetingKind.BILATERAL, series__isnull=False)
    assert {m.state.iso3 for m in bilaterals} == SIXTEEN
    dates = [m.start_date for m in bilaterals]
    assert len(set(dates)) == 16 and all(D(2023, 2, 1) <= d <= D(2023, 5, 31) for d in dates)

    assert Meeting.objects.get(kind=MeetingKind.WORKSHOP).start_date == D(2023, 3, 9)
    im = Meeting.objects.get(code="IM2023")
    assert (im.start_date, im.end_date) == (D(2023, 6, 19), D(2023, 6, 21))
    panel = Meeting.objects.get(kind=MeetingKind.PANEL)
    assert panel.parent == im and panel.gender_balance().total == 6 and panel.gender_balance().is_balanced
    assert all("Demo" in s.name for s in PanelSpeaker.objects.all())

    sen = IndividualisedApproachRequest.objects.get(state__iso3="SEN")
    assert (sen.status, sen.held_on, sen.meeting.start_date) == (IAStep.HELD, D(2023, 6, 21), D(2023, 6, 21))
    assert MeetingDocument.objects.filter(meeting=sen.meeting, kind="final_report").exists()
    msp = Meeting.objects.get(code="21MSP")
    assert (msp.kind, msp.place, msp.start_date, msp.end_date) == ("msp", "Geneva", D(2023, 11, 20), D(2023, 11, 24))
    requested = IndividualisedApproachRequest.objects.filter(status=IAStep.REQUESTED, requested_at=msp)
    assert {r.state.iso3 for r in requested} == {"SOM", "TJK"}
    assert FollowUp.objects.filter(meeting__state__iso3="NGA", meeting__title_en__icontains="Fund").exists()


def test_demo_priority_actions_are_paragraphs_11_to_19_with_french_from_the_seed(loaded):
    actions = list(PriorityAction.objects.select_related("period").order_by("number"))
    assert [a.number for a in actions] == list(range(11, 20))
    assert str(actions[0].period) == "2023-2024"
    assert actions[0].text_fr.startswith("Le Comité continuera d'encourager et d'aider les États parties")
    assert "Sud-Sud" in actions[3].text_fr
    assert all(a.text_en and a.text_fr for a in actions)


def test_demo_loads_twice_without_changing_anything(loaded):
    models = [Meeting, FollowUp, PanelSpeaker, IndividualisedApproachRequest, PriorityAction, MeetingDocument]
    before = [(m.objects.count(), m.history.count()) for m in models]
    demo.load(loaded)
    assert [(m.objects.count(), m.history.count()) for m in models] == before
