"""Enqueueing that survives a broker outage (a small transactional outbox).

`enqueue_on_commit(task, *args)` publishes after the transaction commits. When the broker cannot
be reached within the publish timeouts, the task is stored as a PendingTask instead of failing the
request; `flush_pending_tasks` (every minute from beat, and `manage.py flush_pending_tasks`) sends
them once the broker is back.
"""

import logging

from celery import current_app, shared_task
from django.db import transaction

from .models import PendingTask

log = logging.getLogger(__name__)


def enqueue(task, *args, **kwargs) -> bool:
    """Publish now; on a broker error keep the task for later. Returns True when published."""
    try:
        task.apply_async(args=args, kwargs=kwargs)
        return True
    except Exception as exc:  # noqa: BLE001 - any broker error: keep the work, don't fail the request
        log.warning("broker unavailable, keeping %s for later: %s", task.name, exc)
        PendingTask.objects.create(task_name=task.name, args=list(args), kwargs=kwargs, last_error=str(exc)[:2000])
        return False


def enqueue_on_commit(task, *args, **kwargs) -> None:
    transaction.on_commit(lambda: enqueue(task, *args, **kwargs))


def pending_flush(*, limit: int = 500) -> int:
    """Send kept tasks, oldest first; stops at the first broker error. Returns how many were sent."""
    sent = 0
    for pending in PendingTask.objects.order_by("created_at")[:limit]:
        try:
            current_app.send_task(pending.task_name, args=pending.args, kwargs=pending.kwargs)
        except Exception as exc:  # noqa: BLE001
            PendingTask.objects.filter(pk=pending.pk).update(attempts=pending.attempts + 1, last_error=str(exc)[:2000])
            break
        pending.delete()
        sent += 1
    return sent


@shared_task(name="ops.flush_pending_tasks", ignore_result=True, time_limit=120)
def flush_pending_tasks() -> int:
    return pending_flush()
