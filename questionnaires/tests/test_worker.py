"""Circulation through a real Celery worker (subprocess) on Redis and the PostgreSQL test database."""

import datetime

import pytest
from django.db import transaction
from django.utils import timezone

from questionnaires import services
from questionnaires.models import Recipient

from .factories import QuestionFactory, QuestionnaireFactory

pytestmark = [pytest.mark.postgres, pytest.mark.redis, pytest.mark.django_db(transaction=True)]


def test_circulation_is_emailed_by_a_real_worker_after_commit(cast, real_worker):
    today = timezone.localdate()
    q = QuestionnaireFactory(
        title_en="Worker questionnaire", circulation_date=today, deadline=today + datetime.timedelta(days=30)
    )
    QuestionFactory(questionnaire=q)
    Recipient.objects.create(questionnaire=q, state=cast.state_a)
    Recipient.objects.create(questionnaire=q, state=cast.state_b)
    with transaction.atomic():
        services.questionnaire_circulate(questionnaire=q, by=cast.isu)

    real_worker.wait(
        lambda: not Recipient.objects.filter(questionnaire=q, notified_at__isnull=True).exists(), 60, "sending"
    )
    real_worker.wait(lambda: len(real_worker.mails()) >= 2, 30, "the e-mail files")
    messages = real_worker.mails()
    assert sorted(m["To"] for m in messages) == ["delegate.a@example.org", "delegate.b@example.org"]
    assert all("Worker questionnaire" in m["Subject"] for m in messages)
    assert f"https://apmbc.example.org/questionnaires/{q.pk}/answer/" in messages[0].get_payload()[0].get_payload()
