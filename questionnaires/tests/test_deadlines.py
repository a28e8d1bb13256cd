import datetime

import pytest
import time_machine

from questionnaires import services
from questionnaires.deadlines import SOURCES, QuestionnaireSource
from reminders.registry import get_source

from .conftest import full_answers
from .factories import QuestionnaireFactory

pytestmark = pytest.mark.django_db

IN_MAY = datetime.datetime(2023, 5, 15, 10, 0, tzinfo=datetime.UTC)


def test_the_source_is_registered_with_the_reminders_engine():
    assert isinstance(get_source("questionnaire"), QuestionnaireSource)
    assert SOURCES[0].kind == "questionnaire"


@time_machine.travel(IN_MAY)
def test_obligations_are_the_recipients_that_have_not_submitted(survey, cast):
    source = QuestionnaireSource()
    draft = services.response_save_draft(
        response=services.response_for_state(questionnaire=survey, state_id=cast.state_b.pk), raw={}, by=None
    ).obj
    services.response_submit(
        response=services.response_for_state(questionnaire=survey, state_id=cast.state_a.pk),
        raw=full_answers(survey),
        by=cast.delegate_a,
    )
    obligations = source.obligations(today=datetime.date(2023, 5, 15))
    assert [(o.state_id, o.deadline, o.object_id) for o in obligations] == [
        (cast.state_b.pk, datetime.date(2023, 5, 31), draft.pk)
    ]
    obligation = obligations[0]
    assert obligation.path == f"/questionnaires/{survey.pk}/answer/"
    assert not source.is_fulfilled(obligation)
    assert source.recipients(obligation) == [cast.delegate_b]
    services.response_submit(
        response=services.response_for_state(questionnaire=survey, state_id=cast.state_b.pk),
        raw=full_answers(survey),
        by=cast.delegate_b,
    )
    assert source.is_fulfilled(obligation)
    assert source.obligations(today=datetime.date(2023, 5, 15)) == []


def test_drafts_and_long_closed_questionnaires_owe_nothing(survey, cast):
    QuestionnaireFactory()  # never circulated
    source = QuestionnaireSource()
    assert len(source.obligations(today=datetime.date(2023, 6, 30))) == 2  # overdue notices still go out
    assert source.obligations(today=datetime.date(2023, 8, 1)) == []


@time_machine.travel(IN_MAY)
def test_progress_counts_submitted_of_owed(survey, cast):
    services.response_submit(
        response=services.response_for_state(questionnaire=survey, state_id=cast.state_a.pk),
        raw=full_answers(survey),
        by=cast.delegate_a,
    )
    [progress] = QuestionnaireSource().progress(today=datetime.date(2023, 5, 15))
    assert (progress.owed, progress.submitted, progress.cycle) == (2, 1, str(survey.pk))


def test_the_title_follows_the_recipients_language(survey):
    source = QuestionnaireSource()
    [obligation, _other] = source.obligations(today=datetime.date(2023, 5, 15))
    from reminders.registry import describe

    assert "Questionnaire C&A 2023" in describe(source, obligation, "fr")
    assert "C&A questionnaire 2023" in describe(source, obligation, "en")
