from celery import shared_task

from . import services


@shared_task(name="reporting.tasks.open_next_cycle", ignore_result=True, time_limit=120)
def open_next_cycle() -> int | None:
    """Yearly (1 December, beat: config/settings.py): open the cycle that becomes current on 1 January.
    Idempotent: a cycle the ISU already opened is left as it is. Returns the year opened, or None."""
    cycle, created = services.cycle_open_next()
    return cycle.year if created else None
