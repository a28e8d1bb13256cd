"""Enqueueing that survives a broker outage (a small transactional outbox and a circuit breaker).

`enqueue_on_commit("app.task_name", *args)` publishes after the transaction commits. Services name
the task (its registered `name`) instead of importing it, so a services module never imports its
own app's tasks module: tasks import services, never the reverse (tests/test_import_direction.py).

When the broker cannot be reached within the publish timeouts (config/settings.py), the task is
stored as a PendingTask instead of failing the request; `flush_pending_tasks` (every minute from beat, and
`manage.py flush_pending_tasks`) sends them once the broker is back.

After a failed publish the breaker stays open for BROKER_BREAKER_SECONDS: while it is open nothing
tries the broker, so no request pays the connection timeout twice during an outage.
"""

import logging
import time

from celery import current_app, shared_task
from django.conf import settings
from django.db import transaction

from .models import PendingTask

log = logging.getLogger(__name__)


class Breaker:
    """Per process: open for BROKER_BREAKER_SECONDS after a failure, then the next publish tries again."""

    def __init__(self) -> None:
        self._open_until = 0.0
        self.last_error = ""

    @property
    def is_open(self) -> bool:
        return time.monotonic() < self._open_until

    def trip(self, error: str) -> None:
        self._open_until = time.monotonic() + getattr(settings, "BROKER_BREAKER_SECONDS", 30)
        self.last_error = error

    def reset(self) -> None:
        self._open_until, self.last_error = 0.0, ""


breaker = Breaker()


def _send(send, name: str) -> str:
    """Run `send()` unless the breaker is open. Returns "" when sent, else why not."""
    if breaker.is_open:
        return f"not tried, the broker failed less than {settings.BROKER_BREAKER_SECONDS} s ago: {breaker.last_error}"
    try:
        send()
    except Exception as exc:  # noqa: BLE001 - any broker error: keep the work, don't fail the caller
        error = f"{type(exc).__name__}: {exc}"[:2000]
        log.warning("broker unavailable, %s not sent: %s", name, error)
        if not current_app.conf.task_always_eager:  # eager: the task itself failed, no broker involved
            breaker.trip(error)
        return error
    return ""


def _registered(name: str):
    """The task registered as `name`; imports the apps' tasks modules first if none has been yet."""
    if name not in current_app.tasks:
        current_app.loader.import_default_modules()  # runs the autodiscovery of config/celery.py
    return current_app.tasks[name]  # KeyError: no task has that name (a typo is not a broker outage)


def _sender(task, args: tuple, kwargs: dict):
    """(name, send) for `task`, a registered task name or a task object."""
    if not isinstance(task, str):
        return task.name, lambda: task.apply_async(args=args, kwargs=kwargs)
    if current_app.conf.task_always_eager:  # no broker (tests, no REDIS_URL): run it here, as before
        registered = _registered(task)
        return task, lambda: registered.apply_async(args=args, kwargs=kwargs)
    return task, lambda: current_app.send_task(task, args=list(args), kwargs=kwargs)


def publish(task, *args, **kwargs) -> bool:
    """Send `task` (a name or a task) to the broker now, unless the breaker is open. True when published."""
    name, send = _sender(task, args, kwargs)
    return not _send(send, name)


def enqueue(task, *args, **kwargs) -> bool:
    """Publish now; when the broker is down keep the task for later. Returns True when published."""
    name, send = _sender(task, args, kwargs)
    error = _send(send, name)
    if error:
        PendingTask.objects.create(task_name=name, args=list(args), kwargs=kwargs, last_error=error[:2000])
    return not error


def enqueue_on_commit(task, *args, **kwargs) -> None:
    """`enqueue` once the transaction commits. `task`: the task's registered name (or the task)."""
    transaction.on_commit(lambda: enqueue(task, *args, **kwargs))


def pending_flush(*, limit: int = 500) -> int:
    """Send kept tasks, oldest first; stops at the first broker error. Returns how many were sent."""
    breaker.reset()  # flushing is the probe: it always tries the broker
    sent = 0
    for pending in PendingTask.objects.order_by("created_at")[:limit]:
        # Through _sender: without a broker (eager) the kept task runs here again, instead of being
        # handed to Celery's in-memory transport, which nothing consumes.
        _name, send = _sender(pending.task_name, tuple(pending.args), pending.kwargs)
        error = _send(send, pending.task_name)
        if error:
            PendingTask.objects.filter(pk=pending.pk).update(attempts=pending.attempts + 1, last_error=error[:2000])
            break
        pending.delete()
        sent += 1
    return sent


@shared_task(name="ops.flush_pending_tasks", ignore_result=True, time_limit=120)
def flush_pending_tasks() -> int:
    return pending_flush()
