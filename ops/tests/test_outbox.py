import time
from unittest import mock

import pytest
from celery import shared_task

from ops.models import PendingTask
from ops.tasks import enqueue_on_commit, pending_flush

pytestmark = pytest.mark.django_db

CALLS = []


@shared_task(name="ops.tests.record_call")
def record_call(value):
    CALLS.append(value)


def test_redis_down_keeps_the_work_and_does_not_hang(django_capture_on_commit_callbacks):
    from celery import Celery

    # the project's Celery settings, with a broker nobody listens to
    dead = Celery("dead-broker", set_as_current=False)
    dead.config_from_object("django.conf:settings", namespace="CELERY")
    dead.conf.task_always_eager = False
    dead.conf.broker_url = "redis://127.0.0.1:6399/0"

    @dead.task(name="ops.tests.record_call")
    def record(value):
        CALLS.append(value)

    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        enqueue_on_commit(record, 42)
    assert time.monotonic() - started < 1
    pending = PendingTask.objects.get()
    assert (pending.task_name, pending.args) == ("ops.tests.record_call", [42])
    with mock.patch("ops.tasks.current_app", dead):
        assert pending_flush() == 0  # still down: kept, attempt counted
    assert PendingTask.objects.get().attempts == 1


def test_kept_tasks_are_sent_when_the_broker_is_back(settings):
    from config.celery import app

    settings.CELERY_TASK_ALWAYS_EAGER = False  # a broker (eager flushing: ops/tests/test_flush_eager.py)
    PendingTask.objects.create(task_name="ops.tests.record_call", args=[7])
    sent = []
    original = app.send_task
    app.send_task = lambda name, args, kwargs: sent.append((name, args))
    try:
        assert pending_flush() == 1
    finally:
        app.send_task = original
    assert sent == [("ops.tests.record_call", [7])]
    assert not PendingTask.objects.exists()
