"""Services enqueue a task by its registered name, so they need not import their tasks module."""

from unittest import mock

import pytest
from celery import Celery, shared_task

from ops.models import PendingTask
from ops.tasks import enqueue, enqueue_on_commit

pytestmark = pytest.mark.django_db

CALLS = []


@shared_task(name="ops.tests.record_by_name")
def record_by_name(value, *, twice=False):
    CALLS.extend([value] * (2 if twice else 1))


def test_eager_a_name_runs_the_registered_task_after_commit(django_capture_on_commit_callbacks):
    CALLS.clear()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        enqueue_on_commit("ops.tests.record_by_name", 5, twice=True)
    assert CALLS == []  # nothing before the commit
    callbacks[0]()
    assert CALLS == [5, 5]
    assert not PendingTask.objects.exists()


def test_an_unknown_name_is_an_error_not_a_broker_outage():
    with pytest.raises(KeyError):
        enqueue("ops.tests.no_such_task", 1)
    assert not PendingTask.objects.exists()


def test_broker_down_a_name_is_kept_in_the_outbox_under_that_name():
    dead = Celery("dead-broker-by-name", set_as_current=False)
    dead.config_from_object("django.conf:settings", namespace="CELERY")
    dead.conf.task_always_eager = False
    dead.conf.broker_url = "redis://127.0.0.1:6399/0"
    with mock.patch("ops.tasks.current_app", dead):
        assert enqueue("reminders.tasks.send_reminder", 42) is False
    pending = PendingTask.objects.get()
    assert (pending.task_name, pending.args, pending.kwargs) == ("reminders.tasks.send_reminder", [42], {})


def test_the_names_the_services_enqueue_are_registered_tasks():
    from config.celery import app
    from reminders import services as reminder_services

    app.loader.import_default_modules()
    names = {
        reminder_services.SEND_REMINDER,
        reminder_services.SEND_DIGEST,
        "fund.tasks.send_step_email",
        "questionnaires.tasks.send_circulation",
        "conclusions.export_batch",
    }
    assert names <= set(app.tasks)
