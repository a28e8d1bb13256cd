import datetime

import pytest
from django.core import mail

from accounts.models import Role
from accounts.tests.factories import UserFactory
from reminders import services
from reminders.models import ReminderPause, SentReminder, Status

from .conftest import DEADLINE, at, second_delegate
from .fakes import FailingFor

pytestmark = pytest.mark.django_db


def day(offset: int) -> datetime.date:
    return DEADLINE + datetime.timedelta(days=offset)


def kinds() -> list[str]:
    return list(SentReminder.objects.order_by("claimed_at", "pk").values_list("kind", flat=True))


@pytest.mark.parametrize("offset", [60, 30, 14, 7, 1])
def test_every_offset_sends_its_reminder_on_its_day(owing, run_pass, offset):
    result = run_pass(day(-offset))
    assert [r.kind for r in result.claimed] == [f"before-{offset}"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [owing.delegate_a.email]
    record = SentReminder.objects.get()
    assert record.status == Status.SENT and record.attempts == 1 and record.sent_at is not None


def test_daily_passes_over_a_whole_cycle_follow_the_schedule(owing, run_pass):
    for offset in range(-65, 45):
        run_pass(day(offset))
    assert kinds() == [
        "before-60",
        "before-30",
        "before-14",
        "before-7",
        "before-1",
        "overdue-1",
        "overdue-15",
        "overdue-29",
        "overdue-43",
    ]
    assert len(mail.outbox) == 9


def test_nothing_is_sent_before_the_first_offset(owing, run_pass):
    assert run_pass(day(-61)).claimed == []
    assert mail.outbox == []


def test_catch_up_after_downtime_sends_only_the_most_recent_reminder(owing, run_pass):
    run_pass(day(-60))
    # beat down from day -59 to day -6
    result = run_pass(day(-5))
    assert [r.kind for r in result.claimed] == ["before-7"]
    run_pass(day(-4))
    # down across the deadline
    result = run_pass(day(20))
    assert [r.kind for r in result.claimed] == ["overdue-15"]
    assert kinds() == ["before-60", "before-7", "overdue-15"]
    assert len(mail.outbox) == 3


def test_two_passes_on_the_same_day_send_each_email_once(owing, run_pass):
    second_delegate(owing.state_a)
    first = run_pass(day(-14))
    second = run_pass(day(-14))
    assert len(first.claimed) == 2
    assert second.claimed == []
    assert sorted(m.to[0] for m in mail.outbox) == ["delegate.a@example.org", "second.a@example.org"]


def test_a_delegate_added_later_gets_the_current_reminder_too(owing, run_pass):
    run_pass(day(-14))
    second_delegate(owing.state_a)
    result = run_pass(day(-13))
    assert [(r.email, r.kind) for r in result.claimed] == [("second.a@example.org", "before-14")]
    assert len(mail.outbox) == 2


def test_paused_state_gets_nothing_and_resumed_gets_the_current_reminder(owing, fake, run_pass):
    fake.owe(owing.state_b, DEADLINE)
    pause = services.reminder_pause(state=owing.state_a, reason="Confirmed by phone", by=owing.isu)
    result = run_pass(day(-14))
    assert [r.state_id for r in result.claimed] == [owing.state_b.pk]
    assert [m.to for m in mail.outbox] == [[owing.delegate_b.email]]
    services.reminder_resume(pause=pause, by=owing.isu)
    result = run_pass(day(-13))
    assert [(r.state_id, r.kind) for r in result.claimed] == [(owing.state_a.pk, "before-14")]


def test_pause_for_another_source_does_not_stop_these_reminders(owing, run_pass):
    services.reminder_pause(state=owing.state_a, source="questionnaire", reason="Answered", by=owing.isu)
    assert len(run_pass(day(-7)).claimed) == 1


def test_pause_between_claim_and_send_cancels_the_email(owing, run_pass, django_capture_on_commit_callbacks):
    with at(day(-7)), django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.reminder_pass()
    services.reminder_pause(state=owing.state_a, reason="Sent by pouch", by=owing.isu)
    for callback in callbacks:
        callback()
    assert mail.outbox == []
    assert SentReminder.objects.get().status == Status.CANCELLED


def test_state_without_delegate_is_listed_as_no_contact(owing, fake, run_pass):
    fake.owe(owing.chair.state, DEADLINE)  # the chair's State has no delegate
    result = run_pass(day(-30))
    assert [r.state.iso3 for r in result.no_contact] == ["CCC"]
    assert [r.state_id for r in result.claimed] == [owing.state_a.pk]


def test_deactivated_delegate_is_not_a_contact(owing, run_pass):
    owing.delegate_a.is_active = False
    owing.delegate_a.save()
    result = run_pass(day(-30))
    assert result.claimed == [] and [r.state.iso3 for r in result.no_contact] == ["AAA"]


def test_state_that_submitted_gets_no_more_reminders(owing, fake, run_pass):
    run_pass(day(-14))
    fake.submit(owing.state_a)
    for offset in (-7, -1, 1, 15):
        run_pass(day(offset))
    assert kinds() == ["before-14"]


def test_state_that_submits_after_the_claim_gets_nothing_the_same_day(owing, fake, django_capture_on_commit_callbacks):
    # The pass claims at 08:00; the State submits before the worker sends.
    with at(day(-7)), django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.reminder_pass()
    fake.submit(owing.state_a)
    with at(day(-7), hour=9):
        for callback in callbacks:
            callback()
    assert mail.outbox == []
    record = SentReminder.objects.get()
    assert record.status == Status.CANCELLED
    assert "submitted" in record.last_error


@pytest.fixture
def flaky(settings):
    """Mail refused for the addresses in FailingFor.FAIL; eager retries need EAGER_PROPAGATES off
    (with it on, Celery raises Retry out of an eager call instead of re-running the task)."""
    settings.EMAIL_BACKEND = "reminders.tests.fakes.FlakyBackend"
    settings.CELERY_TASK_EAGER_PROPAGATES = False
    FailingFor.FAIL, FailingFor.calls = set(), []
    return FailingFor


def test_failing_smtp_is_retried_then_marked_failed_without_blocking_others(owing, fake, run_pass, flaky):
    flaky.FAIL = {owing.delegate_a.email}
    fake.owe(owing.state_b, DEADLINE)
    second_delegate(owing.state_a)
    run_pass(day(-14))
    failed = SentReminder.objects.get(email=owing.delegate_a.email)
    assert failed.status == Status.FAILED
    assert failed.attempts == 5  # the first try and max_retries=4 retries
    assert "SMTPRecipientsRefused" in failed.last_error
    assert FailingFor.calls.count(owing.delegate_a.email) == 5
    others = SentReminder.objects.exclude(pk=failed.pk)
    assert sorted(others.values_list("status", flat=True)) == [Status.SENT, Status.SENT]
    assert sorted(m.to[0] for m in mail.outbox) == ["delegate.b@example.org", "second.a@example.org"]
    # A failed reminder is final: the next pass does not resend it.
    FailingFor.FAIL = set()
    run_pass(day(-13))
    assert FailingFor.calls.count(owing.delegate_a.email) == 5


def test_transient_smtp_error_is_retried_and_sent(owing, run_pass, flaky, monkeypatch):
    flaky.FAIL = {owing.delegate_a.email}
    from reminders.tests import fakes

    original = fakes.FlakyBackend.send_messages

    def fail_twice(self, messages):
        if FailingFor.calls.count(owing.delegate_a.email) >= 2:
            FailingFor.FAIL = set()
        return original(self, messages)

    monkeypatch.setattr(fakes.FlakyBackend, "send_messages", fail_twice)
    run_pass(day(-14))
    record = SentReminder.objects.get()
    assert (record.status, record.attempts, record.last_error) == (Status.SENT, 3, "")
    assert len(mail.outbox) == 1


def test_claim_left_by_a_dead_worker_is_sent_once_by_the_next_pass(owing, run_pass, django_capture_on_commit_callbacks):
    # The worker dies: the claim is committed but its send task never runs.
    with at(day(-14)), django_capture_on_commit_callbacks(execute=False):
        services.reminder_pass()
    assert SentReminder.objects.get().status == Status.CLAIMED
    result = run_pass(day(-13))
    assert result.claimed == [] and len(result.requeued) == 1
    assert len(mail.outbox) == 1
    assert SentReminder.objects.get().status == Status.SENT
    run_pass(day(-12))
    assert len(mail.outbox) == 1


def test_recent_claim_is_not_requeued(owing, django_capture_on_commit_callbacks):
    with at(day(-14)), django_capture_on_commit_callbacks(execute=False):
        services.reminder_pass()
    with at(day(-14), hour=8), django_capture_on_commit_callbacks(execute=False):
        assert services.reminder_pass().requeued == []


def test_sending_an_already_sent_reminder_again_does_nothing(owing, run_pass):
    run_pass(day(-14))
    record = SentReminder.objects.get()
    services.sent_reminder_deliver(sent_reminder_id=record.pk)
    assert len(mail.outbox) == 1


def test_extension_reminds_again_before_the_new_deadline(owing, fake, run_pass):
    run_pass(day(-7))
    fake.owe(owing.state_a, DEADLINE + datetime.timedelta(days=31))  # extended to 31 May
    result = run_pass(day(2))
    assert [r.kind for r in result.claimed] == ["before-30"]
    assert result.claimed[0].deadline == datetime.date(2024, 5, 31)


def test_email_in_the_recipients_language_with_days_left_and_link(owing, run_pass, settings):
    settings.SITE_URL = "https://apmbc.example.org"
    owing.delegate_a.preferred_language = "fr"
    owing.delegate_a.save()
    run_pass(day(-14))
    message = mail.outbox[0]
    html = message.alternatives[0][0]
    assert "14" in message.subject
    assert "https://apmbc.example.org/fake/AAA/" in message.body
    assert "https://apmbc.example.org/fake/AAA/" in html
    assert "30 avril 2024" in message.body  # dates rendered in French
    assert "14 days left" in message.body or "14 jours" in message.body


def test_overdue_email_says_how_late(owing, run_pass):
    run_pass(day(15))
    message = mail.outbox[0]
    assert message.subject.startswith("Overdue:")
    assert "15 days late" in message.body


def test_reminders_go_only_to_delegates_of_the_state(owing, run_pass):
    UserFactory(role=Role.MEMBER, state=owing.state_a)
    run_pass(day(-14))
    assert [m.to for m in mail.outbox] == [[owing.delegate_a.email]]


def test_failed_reminder_can_be_sent_again_by_isu(owing, run_pass, flaky, django_capture_on_commit_callbacks):
    flaky.FAIL = {owing.delegate_a.email}
    run_pass(day(-14))
    record = SentReminder.objects.get()
    assert record.status == Status.FAILED
    FailingFor.FAIL = set()
    with django_capture_on_commit_callbacks(execute=True):
        services.sent_reminder_retry(record=record, by=owing.isu)
    record.refresh_from_db()
    assert record.status == Status.SENT and len(mail.outbox) == 1


def test_only_one_active_pause_per_state_and_source(owing):
    services.reminder_pause(state=owing.state_a, reason="Phone", by=owing.isu)
    with pytest.raises(Exception, match="already paused"):
        services.reminder_pause(state=owing.state_a, reason="Again", by=owing.isu)
    assert ReminderPause.objects.active().count() == 1
