"""Run one reminder pass now (the same service the daily Celery beat task calls)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from reminders import services
from reminders.schedule import REAP_EVERY_SECONDS


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today must be a date as YYYY-MM-DD, not {value!r}") from None


class Command(BaseCommand):
    help = (
        "Send the deadline reminders due today (Geneva time), each at most once. "
        "--dry-run prints '<ISO3> <reminder kind> <recipient e-mail>' per reminder that would be sent."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="send nothing, list what would be sent")
        parser.add_argument("--today", type=_date, help="run the pass as of this date (YYYY-MM-DD)")

    def handle(self, *args, dry_run: bool = False, today: datetime.date | None = None, **options):
        result = services.reminder_pass(today=today, dry_run=dry_run)
        if dry_run:
            for item in result.planned:
                self.stdout.write(item.line)
            count = len(result.planned)
        else:
            for record in result.claimed:
                self.stdout.write(f"{record.state.iso3} {record.kind} {record.email}")
            count = len(result.claimed)
        for row in result.no_contact:
            self.stderr.write(f"no contact: {row.state.iso3} {row.obligation.source} {row.obligation.cycle}")
        if result.requeued:
            self.stderr.write(f"re-queued {len(result.requeued)} reminders claimed earlier but never sent")
        if result.deferred:
            deferred = set(result.deferred)
            for record in result.claimed:
                if record.pk in deferred:
                    self.stderr.write(f"deferred: {record.state.iso3} {record.kind} {record.email}")
            minutes = int(services.stale_after().total_seconds() // 60)
            self.stderr.write(
                f"deferred {len(deferred)} reminders: the task queue (Redis) is unavailable. They stay claimed; "
                f"once it is back, the reaper (every {REAP_EVERY_SECONDS // 60} min) sends those claimed "
                f"over {minutes} min ago, each once."
            )
        self.stdout.write(f"{count} reminders")
