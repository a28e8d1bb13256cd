"""Without a broker (eager Celery, the embedded default) a kept task runs again on flush, instead of
being handed to Celery's in-memory transport, which nothing consumes."""

import pytest
from celery import shared_task

from ops.models import PendingTask
from ops.tasks import pending_flush

RAN: list = []


@shared_task(name="ops.tests.record_for_flush_test", ignore_result=True)
def record_for_flush_test(value):
    RAN.append(value)


@pytest.mark.django_db
def test_a_kept_task_runs_when_flushed_without_a_broker(settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    RAN.clear()
    PendingTask.objects.create(task_name="ops.tests.record_for_flush_test", args=["kept"], kwargs={})
    assert pending_flush() == 1
    assert RAN == ["kept"] and not PendingTask.objects.exists()
