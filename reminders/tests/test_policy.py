import datetime

import pytest

from reminders.policy import ReminderPolicy

D = datetime.date(2024, 4, 30)
policy = ReminderPolicy()


def day(offset: int) -> datetime.date:
    return D + datetime.timedelta(days=offset)


@pytest.mark.parametrize("offset", [60, 30, 14, 7, 1])
def test_each_offset_is_due_on_its_day(offset):
    due = policy.due(deadline=D, today=day(-offset))
    assert due.kind == f"before-{offset}"
    assert due.on == day(-offset)


def test_nothing_is_due_before_the_first_offset():
    assert policy.due(deadline=D, today=day(-61)) is None
    assert policy.next_after(deadline=D, today=day(-61)).kind == "before-60"


@pytest.mark.parametrize(
    ("late", "kind"),
    [(1, "overdue-1"), (2, "overdue-1"), (14, "overdue-1"), (15, "overdue-15"), (28, "overdue-15"), (29, "overdue-29")],
)
def test_overdue_notices_the_day_after_then_every_14_days(late, kind):
    assert policy.due(deadline=D, today=day(late)).kind == kind


def test_on_the_deadline_day_the_last_reminder_is_still_the_one_day_notice():
    assert policy.due(deadline=D, today=D).kind == "before-1"
    assert policy.next_after(deadline=D, today=D).kind == "overdue-1"


def test_catch_up_only_the_most_recent_due_reminder():
    # Beat down since 60 days before: on day -5 only the 7-day reminder is due, not 60/30/14.
    assert policy.due(deadline=D, today=day(-5)).kind == "before-7"
    # Down across the deadline: 20 days late gives only the 15-day overdue notice.
    assert policy.due(deadline=D, today=day(20)).kind == "overdue-15"


def test_next_after_walks_the_whole_schedule():
    today, kinds = day(-70), []
    for _ in range(8):
        nxt = policy.next_after(deadline=D, today=today)
        kinds.append(nxt.kind)
        today = nxt.on
    assert kinds == [
        "before-60",
        "before-30",
        "before-14",
        "before-7",
        "before-1",
        "overdue-1",
        "overdue-15",
        "overdue-29",
    ]


def test_policy_reads_settings(settings):
    settings.REMINDER_OFFSETS_DAYS = [10, 3]
    settings.REMINDER_OVERDUE_FIRST_DAYS = 2
    settings.REMINDER_OVERDUE_EVERY_DAYS = 7
    p = ReminderPolicy.from_settings()
    assert p.offsets_days == (3, 10)
    assert p.due(deadline=D, today=day(-3)).kind == "before-3"
    assert p.due(deadline=D, today=day(1)).kind == "before-3"
    assert p.due(deadline=D, today=day(2)).kind == "overdue-2"
    assert p.due(deadline=D, today=day(9)).kind == "overdue-9"


def test_no_cadence_means_a_single_overdue_notice(settings):
    settings.REMINDER_OVERDUE_EVERY_DAYS = 0
    p = ReminderPolicy.from_settings()
    assert p.due(deadline=D, today=day(40)).kind == "overdue-1"
    assert p.next_after(deadline=D, today=day(1)) is None
