import datetime

import pytest
from django.core import mail

from accounts.models import Role
from accounts.tests.factories import UserFactory
from reminders import services
from reminders.models import SentDigest, Status

from .conftest import DEADLINE, at

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2024, 4, 22)


def send_digest(day, django_capture_on_commit_callbacks):
    with at(day), django_capture_on_commit_callbacks(execute=True):
        return services.weekly_digest_send()


def test_digest_goes_to_chair_and_isu_with_counts_and_outstanding_states(
    owing, fake, django_capture_on_commit_callbacks
):
    fake.owe(owing.state_b, DEADLINE)
    fake.submit(owing.state_b)
    fake.owe(owing.chair.state, DEADLINE)  # outstanding, no delegate
    send_digest(MONDAY, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == ["chair@example.org", "isu@example.org"]
    by_to = {m.to[0]: m for m in mail.outbox}
    body = by_to["chair@example.org"].body
    assert "Submitted: 1 of 3" in body
    assert "Outstanding: 2" in body
    assert "Aland A (AAA)" in body and "Chairland (CCC)" in body
    assert "Borduria" not in body
    # Only ISU is told who has no contact.
    assert "no delegate on file" in by_to["isu@example.org"].body
    assert "no delegate on file" not in body
    assert "Aland A" in by_to["isu@example.org"].alternatives[0][0]


def test_digest_is_sent_once_per_week_per_recipient(owing, django_capture_on_commit_callbacks):
    send_digest(MONDAY, django_capture_on_commit_callbacks)
    send_digest(MONDAY + datetime.timedelta(days=2), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 2
    assert SentDigest.objects.filter(status=Status.SENT).count() == 2
    send_digest(MONDAY + datetime.timedelta(days=7), django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 4


def test_digest_skips_delegates_members_and_inactive_chairs(owing, django_capture_on_commit_callbacks):
    UserFactory(role=Role.CHAIR, is_active=False, username="old.chair@example.org")
    send_digest(MONDAY, django_capture_on_commit_callbacks)
    assert sorted(m.to[0] for m in mail.outbox) == ["chair@example.org", "isu@example.org"]


def test_digest_in_the_recipients_language(owing, django_capture_on_commit_callbacks):
    owing.chair.preferred_language = "fr"
    owing.chair.save()
    send_digest(MONDAY, django_capture_on_commit_callbacks)
    chair_mail = next(m for m in mail.outbox if m.to == ["chair@example.org"])
    assert "22 avril 2024" in chair_mail.subject
    assert "État AAA (AAA)" in chair_mail.body  # the State's French name
