import io

import pytest
from django.core import mail
from django.core.management import CommandError, call_command

from reminders.models import SentReminder

from .conftest import DEADLINE, at, second_delegate

pytestmark = pytest.mark.django_db


def command(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("send_reminders", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_dry_run_lists_what_would_be_sent_and_sends_nothing(owing, fake):
    second_delegate(owing.state_a, "second.a@example.org")
    fake.owe(owing.state_b, DEADLINE)
    out, _err = command("--dry-run", "--today", "2024-04-16")
    assert out.splitlines() == [
        "AAA before-14 delegate.a@example.org",
        "AAA before-14 second.a@example.org",
        "BBB before-14 delegate.b@example.org",
        "3 reminders",
    ]
    assert SentReminder.objects.count() == 0
    assert mail.outbox == []


def test_dry_run_reports_states_with_no_contact_apart(owing, fake):
    fake.owe(owing.chair.state, DEADLINE)
    out, err = command("--dry-run", "--today", "2024-04-16")
    assert out.splitlines()[-1] == "1 reminders"
    assert "no contact: CCC" in err


def test_run_sends_and_second_run_sends_nothing(owing, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        out, _err = command("--today", "2024-05-01")
    assert out.splitlines() == ["AAA overdue-1 delegate.a@example.org", "1 reminders"]
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True):
        out, _err = command("--today", "2024-05-01")
    assert out.splitlines() == ["0 reminders"]
    assert len(mail.outbox) == 1


def test_without_today_the_pass_runs_as_of_the_geneva_date(owing):
    # Midnight in Geneva on 16 April is still 15 April in UTC: Geneva's date is the one that counts.
    with at(DEADLINE.replace(day=16), hour=0):
        out, _err = command("--dry-run")
    assert out.splitlines() == ["AAA before-14 delegate.a@example.org", "1 reminders"]


def test_bad_date_is_refused():
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        command("--today", "16/04/2024")
