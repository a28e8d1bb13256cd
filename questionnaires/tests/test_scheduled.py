import datetime

import pytest
from django.core import mail

from questionnaires import services
from questionnaires.models import Questionnaire
from questionnaires.tests.factories import QuestionFactory, QuestionnaireFactory, RecipientFactory

pytestmark = pytest.mark.django_db


def _ready(cast, **fields):
    q = QuestionnaireFactory(circulate_automatically=True, **fields)
    QuestionFactory(questionnaire=q)
    RecipientFactory(questionnaire=q, state=cast.state_a)
    return q


def test_scheduled_questionnaire_goes_out_on_its_date_once(cast, django_capture_on_commit_callbacks):
    q = _ready(cast)
    assert services.questionnaires_circulate_due(today=datetime.date(2023, 4, 30)) == []
    with django_capture_on_commit_callbacks(execute=True):
        sent = services.questionnaires_circulate_due(today=datetime.date(2023, 5, 1))
    assert [s.pk for s in sent] == [q.pk]
    assert Questionnaire.objects.get(pk=q.pk).is_circulated
    assert [m.to for m in mail.outbox] == [[cast.delegate_a.email]]
    with django_capture_on_commit_callbacks(execute=True):
        assert services.questionnaires_circulate_due(today=datetime.date(2023, 5, 2)) == []
    assert len(mail.outbox) == 1


def test_questionnaires_not_scheduled_or_not_ready_stay_drafts(cast):
    manual = _ready(cast)
    Questionnaire.objects.filter(pk=manual.pk).update(circulate_automatically=False)
    empty = QuestionnaireFactory(circulate_automatically=True)  # no question, no recipient
    assert services.questionnaires_circulate_due(today=datetime.date(2023, 5, 1)) == []
    assert not Questionnaire.objects.get(pk=manual.pk).is_circulated
    assert not Questionnaire.objects.get(pk=empty.pk).is_circulated


def test_beat_runs_the_scheduled_circulation_daily(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["questionnaires-circulate-due"]
    assert entry["task"] == "questionnaires.tasks.circulate_due"
    from config.celery import app

    assert "questionnaires.tasks.circulate_due" in app.tasks
