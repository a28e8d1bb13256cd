"""The Article 7 source (reporting/deadlines.py) driven by the real reporting models and services."""

import datetime

import pytest
from django.core import mail

from reminders import selectors, services
from reminders.models import SentReminder, Status
from reporting import services as reporting
from reporting.deadlines import Article7Source
from reporting.tests.factories import CycleFactory, complete_draft

from .conftest import at

pytestmark = pytest.mark.django_db

DEADLINE = datetime.date(2024, 4, 30)  # reports on 2023


@pytest.fixture
def cycle(cast):
    return CycleFactory(year=2023)


def submit(cast, cycle, state, by):
    report = reporting.report_start(state=state, cycle=cycle, by=by, prefill_from_last_year=False)
    report = reporting.report_save_draft(
        report=report, data=complete_draft(), by=by, expected_version_token=report.version_token
    ).obj
    reporting.report_submit(report=report, by=by)


def day(offset: int) -> datetime.date:
    return DEADLINE + datetime.timedelta(days=offset)


def run(day_, django_capture_on_commit_callbacks):
    with at(day_), django_capture_on_commit_callbacks(execute=True):
        return services.reminder_pass()


def test_every_state_party_that_has_not_submitted_is_reminded(cast, cycle, django_capture_on_commit_callbacks):
    result = run(day(-14), django_capture_on_commit_callbacks)
    assert sorted((r.state.iso3, r.kind, r.email, r.cycle) for r in result.claimed) == [
        ("AAA", "before-14", "delegate.a@example.org", "2024"),
        ("BBB", "before-14", "delegate.b@example.org", "2024"),
    ]
    assert [r.state.iso3 for r in result.no_contact] == ["CCC"]  # the chair's State has no delegate
    message = next(m for m in mail.outbox if m.to == ["delegate.a@example.org"])
    assert "Article 7 report on calendar year 2023" in message.subject
    assert "/reports/AAA/2023/manage/" in message.body


def test_state_that_submitted_today_gets_nothing(cast, cycle, django_capture_on_commit_callbacks):
    with at(day(-7), hour=7):
        submit(cast, cycle, cast.state_a, cast.delegate_a)
    result = run(day(-7), django_capture_on_commit_callbacks)
    assert [r.state.iso3 for r in result.claimed] == ["BBB"]


def test_state_that_submits_between_claim_and_send_gets_nothing(cast, cycle, django_capture_on_commit_callbacks):
    with at(day(-7)), django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.reminder_pass()
    with at(day(-7), hour=9):
        submit(cast, cycle, cast.state_a, cast.delegate_a)
        for callback in callbacks:
            callback()
    assert [m.to for m in mail.outbox] == [["delegate.b@example.org"]]
    assert SentReminder.objects.get(state=cast.state_a).status == Status.CANCELLED


def test_extension_gives_the_state_its_own_schedule(cast, cycle, django_capture_on_commit_callbacks):
    reporting.deadline_extension_grant(
        cycle=cycle, state=cast.state_a, new_deadline=datetime.date(2024, 5, 31), reason="Elections", by=cast.isu
    )
    result = run(day(1), django_capture_on_commit_callbacks)
    assert sorted((r.state.iso3, r.kind, r.deadline) for r in result.claimed) == [
        ("AAA", "before-30", datetime.date(2024, 5, 31)),
        ("BBB", "overdue-1", DEADLINE),
    ]


def test_extension_past_the_year_end_keeps_reminding_for_the_old_cycle(cast, cycle):
    reporting.deadline_extension_grant(
        cycle=cycle, state=cast.state_a, new_deadline=datetime.date(2025, 1, 31), reason="Conflict", by=cast.isu
    )
    obligations = Article7Source().obligations(today=datetime.date(2025, 1, 10))
    assert ("AAA", "2024") in {(o.path.split("/")[2], o.cycle) for o in obligations}


def test_obligations_and_recipients_use_constant_queries(cast, cycle, django_assert_max_num_queries):
    from states.tests.factories import StateFactory

    from .conftest import second_delegate

    def rows():
        return selectors.obligation_rows(today=day(-14))

    with django_assert_max_num_queries(20) as small:
        rows()
    for i in range(15):
        state = StateFactory(iso3=f"R{i:02d}", iso2=f"{chr(70 + i)}9")
        second_delegate(state, f"r{i}@example.org")
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert len(rows()) == 18


def test_digest_counts_submitted_and_owed(cast, cycle, django_capture_on_commit_callbacks):
    with at(day(-7), hour=7):
        submit(cast, cycle, cast.state_b, cast.delegate_b)
    content = selectors.digest(today=day(-7))
    (section,) = content.sections
    assert (section.owed, section.submitted, section.outstanding_count) == (3, 1, 2)
    assert section.title == "Article 7 report on calendar year 2023"


EXTENDED = datetime.date(2024, 6, 30)


def _extend(cast, cycle):
    reporting.deadline_extension_grant(cycle=cycle, state=cast.state_a, new_deadline=EXTENDED, reason="Floods", by=None)


def test_reminder_state_page_and_dashboard_say_the_same_days_late(cast, cycle, django_capture_on_commit_callbacks):
    from django.urls import reverse

    from conftest import client_for
    from dashboard.selectors import states_in_group

    _extend(cast, cycle)
    today = EXTENDED + datetime.timedelta(days=15)  # 76 days after the cycle's deadline
    run(today, django_capture_on_commit_callbacks)
    message = next(m for m in mail.outbox if m.to == ["delegate.a@example.org"])
    assert "15 days late" in message.body and "76" not in message.body
    with at(today, hour=1):  # 1 a.m. in Geneva is still the day before in UTC: the Geneva date counts
        page = client_for(cast, "delegate_a").get(reverse("reporting:state_reports", args=["AAA"]))
        line = next(x for x in states_in_group(year=2023, group="missing") if x.state.iso3 == "AAA")
    assert "15 days late" in page.content.decode()
    assert line.days_late == 15


def test_a_reminder_planned_before_an_extension_is_cancelled_and_the_new_deadline_reminded(
    cast, cycle, django_capture_on_commit_callbacks
):
    with at(day(15)), django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.reminder_pass()  # planned against 30 April, not sent yet
    _extend(cast, cycle)
    with at(day(15)):
        for callback in callbacks:
            callback()
    record = SentReminder.objects.get(state=cast.state_a, deadline=DEADLINE)
    assert record.status == Status.CANCELLED and "moved" in record.last_error
    assert not [m for m in mail.outbox if m.to == ["delegate.a@example.org"]]
    run(day(15), django_capture_on_commit_callbacks)
    message = next(m for m in mail.outbox if m.to == ["delegate.a@example.org"])
    assert "46 days left" in message.body  # 15 May to 30 June, the State's own deadline
