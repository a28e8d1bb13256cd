"""The Celery beat schedule for reminders (imported by config/settings.py: no Django imports here).

The daily pass runs at `hour` Geneva time (CELERY_TIMEZONE is Europe/Zurich); the weekly digest
on Monday at the same time; the reaper of claims never sent every REAP_EVERY_SECONDS. Each run
expires before the next one, so a backlog never piles up.
"""

import os

from celery.schedules import crontab

DEFAULT_HOUR = 8
REAP_EVERY_SECONDS = 5 * 60


def beat_schedule(*, hour: int = DEFAULT_HOUR, minute: int = 0, digest_day: str = "mon") -> dict:
    return {
        "reminders-daily-pass": {
            "task": "reminders.tasks.run_reminder_pass",
            "schedule": crontab(hour=hour, minute=minute),
            "options": {"expires": 20 * 3600},
        },
        "reminders-weekly-digest": {
            "task": "reminders.tasks.run_weekly_digest",
            "schedule": crontab(hour=hour, minute=minute, day_of_week=digest_day),
            "options": {"expires": 6 * 24 * 3600},
        },
        "reminders-reap-stale-claims": {
            "task": "reminders.tasks.reap_stale_claims",
            "schedule": float(REAP_EVERY_SECONDS),
            "options": {"expires": REAP_EVERY_SECONDS - 60},
        },
    }


BEAT_SCHEDULE = beat_schedule(hour=int(os.environ.get("REMINDER_HOUR", DEFAULT_HOUR)))
