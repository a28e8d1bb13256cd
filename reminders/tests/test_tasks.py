import datetime
from smtplib import SMTPException

from celery.schedules import crontab
from django.conf import settings

from reminders import services, tasks
from reminders.schedule import BEAT_SCHEDULE, beat_schedule


def test_send_tasks_retry_smtp_errors_with_backoff_a_limit_and_time_limits():
    for task in (tasks.send_reminder, tasks.send_digest):
        assert SMTPException in task.autoretry_for and OSError in task.autoretry_for
        assert task.retry_backoff and task.retry_jitter
        assert task.max_retries == 4
        assert task.time_limit and task.soft_time_limit < task.time_limit
        assert task.acks_late


def test_no_retry_delay_reaches_the_broker_visibility_timeout():
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    task = tasks.send_reminder
    # Celery's exponential backoff: retry_backoff * 2**retries, capped at retry_backoff_max.
    delays = [min(task.retry_backoff * 2**n, task.retry_backoff_max) for n in range(task.max_retries + 1)]
    assert max(delays) + task.time_limit < visibility


def test_a_reminder_waiting_for_its_retry_is_not_taken_for_a_lost_claim():
    task = tasks.send_reminder
    longest_wait = task.retry_backoff_max + task.time_limit
    assert services.stale_after().total_seconds() > longest_wait


def test_beat_reaps_stale_claims_every_few_minutes():
    reaper = BEAT_SCHEDULE["reminders-reap-stale-claims"]
    assert reaper["task"] == tasks.reap_stale_claims.name
    assert reaper["schedule"] <= 10 * 60
    assert reaper["options"]["expires"] < reaper["schedule"]
    assert services.stale_after() <= datetime.timedelta(minutes=10)


def test_beat_runs_the_daily_pass_and_the_weekly_digest_at_the_configured_hour():
    schedule = beat_schedule(hour=7)
    daily, weekly = schedule["reminders-daily-pass"], schedule["reminders-weekly-digest"]
    assert daily["task"] == tasks.run_reminder_pass.name
    assert weekly["task"] == tasks.run_weekly_digest.name
    assert daily["schedule"] == crontab(hour=7, minute=0)
    assert weekly["schedule"] == crontab(hour=7, minute=0, day_of_week="mon")
    assert daily["options"]["expires"] < 24 * 3600
    assert set(BEAT_SCHEDULE) == {"reminders-daily-pass", "reminders-weekly-digest", "reminders-reap-stale-claims"}


def test_beat_times_are_geneva_time():
    assert settings.CELERY_TIMEZONE == "Europe/Zurich"


def test_pass_task_accepts_a_replay_date(monkeypatch):
    seen = {}

    def fake_pass(*, today):
        seen["today"] = today

        class R:
            claimed, requeued, deferred, no_contact = [], [], [], []

        R.today = today or datetime.date(2024, 1, 1)
        return R

    monkeypatch.setattr(tasks.services, "reminder_pass", fake_pass)
    assert tasks.run_reminder_pass("2024-04-16")["today"] == "2024-04-16"
    assert seen["today"] == datetime.date(2024, 4, 16)
