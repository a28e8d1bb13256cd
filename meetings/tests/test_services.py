import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from committee.models import Committee
from meetings.models import (
    FollowUpStatus,
    Gender,
    GenderBalance,
    IAStep,
    Meeting,
    MeetingKind,
    MeetingStatus,
)
from meetings.services import (
    PlannedBilateral,
    bilateral_series_plan,
    followup_create,
    followup_update,
    ia_request_advance,
    ia_request_create,
    meeting_create,
    meeting_update,
    priority_action_update,
    speaker_add,
)
from meetings.tests.factories import MeetingFactory, PanelSpeakerFactory, PriorityActionFactory
from states.tests.factories import StateFactory

pytestmark = pytest.mark.django_db
D = datetime.date


@pytest.fixture
def committee():
    return Committee.objects.create(slug="cooperation-assistance", name_en="C&A")


# Meetings and date ranges -------------------------------------------------------------------------


def test_one_day_meeting_ends_on_its_start_date():
    m = meeting_create(kind=MeetingKind.WORKSHOP, title_en="Workshop", start_date=D(2023, 3, 9))
    assert m.end_date == D(2023, 3, 9)
    assert not m.is_multi_day
    assert m.code.startswith("2023-03-09-workshop")


def test_meeting_ending_before_it_starts_is_refused():
    with pytest.raises(ValidationError) as exc:
        meeting_create(
            kind=MeetingKind.INTERSESSIONAL, title_en="IM", start_date=D(2023, 6, 21), end_date=D(2023, 6, 19)
        )
    assert "end_date" in exc.value.message_dict
    assert not Meeting.objects.exists()


def test_update_cannot_move_the_end_before_the_start():
    m = meeting_create(
        kind=MeetingKind.MSP, title_en="21MSP", code="21MSP", start_date=D(2023, 11, 20), end_date=D(2023, 11, 24)
    )
    with pytest.raises(ValidationError) as exc:
        meeting_update(meeting=m, start_date=D(2023, 11, 25))
    assert "end_date" in exc.value.message_dict
    m.refresh_from_db()
    assert m.start_date == D(2023, 11, 20)


def test_database_refuses_an_end_before_the_start_even_without_the_service():
    with pytest.raises(IntegrityError), transaction.atomic():
        Meeting.objects.create(
            code="x", kind="workshop", title_en="x", start_date=D(2023, 3, 9), end_date=D(2023, 3, 8)
        )


def test_meeting_codes_are_unique_case_insensitively_and_reserved_words_refused():
    meeting_create(kind=MeetingKind.MSP, title_en="21MSP", code="21MSP", start_date=D(2023, 11, 20))
    with pytest.raises(ValidationError) as exc:
        meeting_create(kind=MeetingKind.MSP, title_en="again", code="21msp", start_date=D(2023, 11, 20))
    assert "code" in exc.value.message_dict
    with pytest.raises(ValidationError):
        meeting_create(kind=MeetingKind.MSP, title_en="again", code="follow-ups", start_date=D(2023, 11, 20))


def test_bilateral_needs_its_state_which_becomes_a_participant():
    with pytest.raises(ValidationError) as exc:
        meeting_create(kind=MeetingKind.BILATERAL, title_en="Bilateral", start_date=D(2023, 2, 6))
    assert "state" in exc.value.message_dict
    sen = StateFactory(iso3="SEN", iso2="SN")
    m = meeting_create(kind=MeetingKind.BILATERAL, title_en="Bilateral", start_date=D(2023, 2, 6), state=sen)
    assert list(m.states.all()) == [sen]


def test_title_falls_back_to_english_when_the_translation_is_missing():
    from django.utils import translation

    m = MeetingFactory(title_en="Workshop", title_fr="Atelier", title_es="")
    with translation.override("fr"):
        assert m.title == "Atelier"
    with translation.override("es"):
        assert m.title == "Workshop"


# Bilateral series ---------------------------------------------------------------------------------


def test_series_plans_one_meeting_per_state_each_with_its_own_date_and_notes(committee):
    a, b = StateFactory(iso3="BIH", iso2="BA"), StateFactory(iso3="KHM", iso2="KH")
    series = bilateral_series_plan(
        title="2023 bilaterals",
        start_date=D(2023, 2, 1),
        end_date=D(2023, 5, 31),
        committees=[committee],
        with_presidency=True,
        meetings=[PlannedBilateral(a, D(2023, 2, 6), "first"), PlannedBilateral(b, D(2023, 5, 2), "second")],
    )
    meetings = list(series.meetings.order_by("start_date"))
    assert [(m.state, m.start_date, m.notes) for m in meetings] == [
        (a, D(2023, 2, 6), "first"),
        (b, D(2023, 5, 2), "second"),
    ]
    assert all(m.kind == MeetingKind.BILATERAL and m.status == MeetingStatus.PLANNED for m in meetings)
    assert all(list(m.committees.all()) == [committee] and m.with_presidency for m in meetings)


def test_series_refuses_a_date_outside_its_window_and_a_state_twice():
    a = StateFactory(iso3="BIH", iso2="BA")
    with pytest.raises(ValidationError) as exc:
        bilateral_series_plan(
            title="s",
            start_date=D(2023, 2, 1),
            end_date=D(2023, 5, 31),
            meetings=[PlannedBilateral(a, D(2023, 6, 6)), PlannedBilateral(a, D(2023, 3, 1))],
        )
    messages = " ".join(exc.value.message_dict["meetings"])
    assert "outside the series' dates" in messages and "appears twice" in messages
    assert not Meeting.objects.exists()


# Follow-ups ---------------------------------------------------------------------------------------


def test_followup_takes_the_meetings_state_and_records_completion():
    sen = StateFactory(iso3="SEN", iso2="SN")
    m = MeetingFactory(kind=MeetingKind.BILATERAL, state=sen, start_date=D(2023, 4, 3))
    f = followup_create(meeting=m, action="Send the list of partners", owner="ISU", due_date=D(2023, 6, 1))
    assert f.state == sen and f.is_open
    assert f.is_overdue(D(2023, 6, 2)) and not f.is_overdue(D(2023, 6, 1))
    followup_update(followup=f, status=FollowUpStatus.DONE, today=D(2023, 6, 5))
    f.refresh_from_db()
    assert f.completed_on == D(2023, 6, 5) and not f.is_overdue(D(2023, 7, 1))


def test_followup_cannot_be_due_before_its_meeting():
    m = MeetingFactory(start_date=D(2023, 4, 3))
    with pytest.raises(ValidationError) as exc:
        followup_create(meeting=m, action="x", owner="ISU", due_date=D(2023, 4, 2))
    assert "due_date" in exc.value.message_dict


# Speakers and gender balance ----------------------------------------------------------------------


def test_gender_balance_figure_counts_women_among_speakers():
    panel = MeetingFactory(kind=MeetingKind.PANEL)
    for gender in [Gender.WOMAN, Gender.WOMAN, Gender.MAN, Gender.UNDISCLOSED, Gender.WOMAN]:
        PanelSpeakerFactory(meeting=panel, gender=gender)
    balance = panel.gender_balance()
    assert (balance.women, balance.men, balance.other, balance.total) == (3, 1, 1, 5)
    assert balance.women_share == 0.6
    assert balance.women_percent == 60
    assert not balance.is_balanced  # one man in five: under 40%


def test_gender_balance_of_an_even_panel_is_balanced_and_of_no_panel_is_undefined():
    assert GenderBalance.of([]).women_share is None
    assert not GenderBalance.of([]).is_balanced
    panel = MeetingFactory(kind=MeetingKind.PANEL)
    for gender in [Gender.WOMAN, Gender.MAN, Gender.WOMAN, Gender.MAN, Gender.WOMAN]:
        PanelSpeakerFactory(meeting=panel, gender=gender)
    assert panel.gender_balance().is_balanced  # 2 of 5 men = 40%


def test_speaker_has_one_affiliation_only():
    panel = MeetingFactory(kind=MeetingKind.PANEL)
    sen = StateFactory(iso3="SEN", iso2="SN")
    with pytest.raises(ValidationError):
        speaker_add(meeting=panel, name="A", gender=Gender.WOMAN, affiliation_state=sen, affiliation_text="Institute")
    s = speaker_add(meeting=panel, name="A", gender=Gender.WOMAN, affiliation_state=sen)
    assert s.affiliation == str(sen) and s.order == 1


# Individualised approach --------------------------------------------------------------------------


@pytest.fixture
def senegal_request():
    sen = StateFactory(iso3="SEN", iso2="SN")
    return ia_request_create(state=sen, requested_on=D(2023, 3, 1))


def _ia_meeting(state):
    return MeetingFactory(kind=MeetingKind.INDIVIDUALISED_APPROACH, state=state, start_date=D(2023, 6, 21))


def test_request_goes_through_its_steps_in_order_each_dated(senegal_request):
    ia = senegal_request
    meeting = _ia_meeting(ia.state)
    ia = ia_request_advance(request=ia, to=IAStep.SCHEDULED, on=D(2023, 4, 14), meeting=meeting)
    ia = ia_request_advance(request=ia, to=IAStep.HELD, on=D(2023, 6, 21))
    ia = ia_request_advance(
        request=ia, to=IAStep.REPORT_PUBLISHED, on=D(2023, 9, 1), final_report_url="https://example.org/sen"
    )
    ia.refresh_from_db()
    assert (ia.requested_on, ia.scheduled_on, ia.held_on, ia.report_published_on) == (
        D(2023, 3, 1),
        D(2023, 4, 14),
        D(2023, 6, 21),
        D(2023, 9, 1),
    )
    assert [s["done"] for s in ia.steps()] == [True, True, True, True]
    meeting.refresh_from_db()
    assert ia.meeting == meeting and meeting.status == MeetingStatus.HELD
    with pytest.raises(ValidationError, match="complete"):
        ia_request_advance(request=ia, to=IAStep.REPORT_PUBLISHED, on=D(2023, 9, 2))


def test_a_step_cannot_be_skipped(senegal_request):
    with pytest.raises(ValidationError) as exc:
        ia_request_advance(
            request=senegal_request, to=IAStep.HELD, on=D(2023, 6, 21), meeting=_ia_meeting(senegal_request.state)
        )
    message = exc.value.message_dict["to"][0]
    assert "next step is “Scheduled”" in message and "not “Held”" in message
    senegal_request.refresh_from_db()
    assert senegal_request.status == IAStep.REQUESTED and senegal_request.held_on is None


def test_a_step_cannot_be_repeated_or_dated_before_the_previous_one(senegal_request):
    with pytest.raises(ValidationError) as exc:
        ia_request_advance(request=senegal_request, to=IAStep.REQUESTED, on=D(2023, 3, 2))
    assert "to" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        ia_request_advance(request=senegal_request, to=IAStep.SCHEDULED, on=D(2023, 2, 28))
    assert "on" in exc.value.message_dict


def test_holding_needs_the_states_own_individualised_approach_meeting(senegal_request):
    ia = ia_request_advance(request=senegal_request, to=IAStep.SCHEDULED, on=D(2023, 4, 14))
    with pytest.raises(ValidationError) as exc:
        ia_request_advance(request=ia, to=IAStep.HELD, on=D(2023, 6, 21))
    assert "meeting" in exc.value.message_dict
    other = _ia_meeting(StateFactory(iso3="SOM", iso2="SO"))
    with pytest.raises(ValidationError):
        ia_request_advance(request=ia, to=IAStep.HELD, on=D(2023, 6, 21), meeting=other)


# Priority actions ---------------------------------------------------------------------------------


def test_priority_action_records_status_and_what_served_it(committee):
    action = PriorityActionFactory(period__committee=committee, number=11)
    meeting = MeetingFactory()
    priority_action_update(action=action, status="in_progress", notes="Somalia and Tajikistan", meetings=[meeting])
    action.refresh_from_db()
    assert action.status == "in_progress" and list(action.meetings.all()) == [meeting]
    other = PriorityActionFactory(period=action.period, number=12)
    with pytest.raises(ValidationError):
        priority_action_update(action=other, number=11)
