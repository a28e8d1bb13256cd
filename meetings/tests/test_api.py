import datetime

import pytest

from committee.models import Committee
from meetings.models import MeetingKind
from meetings.tests.factories import BilateralFactory, MeetingFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def meetings(cast):
    ca = Committee.objects.create(slug="cooperation-assistance", name_en="C&A")
    workshop = MeetingFactory(code="workshop", kind=MeetingKind.WORKSHOP, start_date=D(2023, 3, 9))
    workshop.committees.add(ca)
    im = MeetingFactory(
        code="IM2023", kind=MeetingKind.INTERSESSIONAL, start_date=D(2023, 6, 19), end_date=D(2023, 6, 21)
    )
    im.states.add(cast.state_a)
    bilateral = BilateralFactory(code="bil-a", state=cast.state_a, start_date=D(2023, 4, 3), notes="Needs partners")
    bilateral.states.add(cast.state_a)
    bilateral.committees.add(ca)
    MeetingFactory(code="cm", kind=MeetingKind.COMMITTEE_MEETING, start_date=D(2023, 1, 16))


def _codes(response) -> list[str]:
    assert response.status_code == 200
    return [m["code"] for m in response.json()]


def test_anonymous_sees_public_meetings_only(client, meetings):
    assert _codes(client.get("/api/meetings/")) == ["workshop", "IM2023"]
    assert client.get("/api/meetings/bil-a/").status_code == 404


def test_delegate_sees_its_own_bilateral_with_notes_and_not_another_states(client, cast, meetings):
    client.force_login(cast.delegate_a)
    data = client.get("/api/meetings/bil-a/").json()
    assert data["notes"] == "Needs partners" and data["state"] == cast.state_a.iso3
    client.force_login(cast.delegate_b)
    assert "bil-a" not in _codes(client.get("/api/meetings/"))
    assert client.get("/api/meetings/bil-a/").status_code == 404


def test_committee_sees_every_meeting(client, cast, meetings):
    client.force_login(cast.chair)
    assert _codes(client.get("/api/meetings/")) == ["cm", "workshop", "bil-a", "IM2023"]


def test_filters_by_kind_committee_state_and_date_range(client, cast, meetings):
    client.force_login(cast.isu)
    assert _codes(client.get("/api/meetings/?kind=bilateral")) == ["bil-a"]
    assert _codes(client.get("/api/meetings/?kind=bilateral&kind=workshop")) == ["workshop", "bil-a"]
    assert _codes(client.get("/api/meetings/?committee=cooperation-assistance")) == ["workshop", "bil-a"]
    assert _codes(client.get(f"/api/meetings/?state={cast.state_a.iso3}")) == ["bil-a", "IM2023"]
    # a range keeps meetings overlapping it: the intersessionals (19-21 June) overlap 20 June-1 July
    assert _codes(client.get("/api/meetings/?date_from=2023-06-20&date_to=2023-07-01")) == ["IM2023"]
    assert _codes(client.get("/api/meetings/?date_from=2023-03-01&date_to=2023-04-30")) == ["workshop", "bil-a"]
    assert client.get("/api/meetings/?committee=unknown").status_code == 400


def test_anonymous_filter_by_state_does_not_reveal_bilaterals(client, cast, meetings):
    assert _codes(client.get(f"/api/meetings/?state={cast.state_a.iso3}")) == ["IM2023"]
