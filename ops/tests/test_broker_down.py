"""Redis down: what a user does still works, and the background work is kept for later."""

from unittest import mock

import pytest
from django.core import mail
from django.urls import reverse
from kombu.exceptions import OperationalError

from conftest import client_for
from fund.models import Application, Status
from fund.tests.factories import TermsFactory, draft, fund
from ops.models import PendingTask
from ops.tasks import pending_flush
from reporting import services as reporting_services
from reporting.models import Report, ReportState
from reporting.tests.factories import CycleFactory, complete_draft

pytestmark = pytest.mark.django_db


def _broker_down():
    return mock.patch("celery.app.task.Task.apply_async", side_effect=OperationalError("Connection refused"))


def test_delegate_saves_and_submits_a_report_while_redis_is_down(cast, django_capture_on_commit_callbacks):
    cycle = CycleFactory(year=2022)
    report = reporting_services.report_start(
        state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=False
    )
    reporting_services.report_save_draft(
        report=report, data=complete_draft(), by=cast.delegate_a, expected_version_token=1
    )
    client = client_for(cast, "delegate_a")
    with _broker_down(), django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reporting:submit", args=[cast.state_a.iso3, 2022]))
    assert response.status_code == 302
    assert Report.objects.get().workflow == ReportState.SUBMITTED


def test_fund_step_while_redis_is_down_keeps_its_email_and_sends_it_later(
    cast, settings, django_capture_on_commit_callbacks
):
    TermsFactory()
    fund("5000.00")
    application = draft(state=cast.state_a, by=cast.delegate_a)
    client = client_for(cast, "delegate_a")
    with _broker_down(), django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("fund:application_submit", args=[application.pk]))
    assert response.status_code == 302
    assert Application.objects.get().status == Status.SUBMITTED
    assert PendingTask.objects.get().task_name.endswith("send_step_email")
    assert mail.outbox == []

    # Redis is back: the kept task goes out (eager in tests) and the e-mail arrives
    from config.celery import app

    with mock.patch.object(app, "send_task", side_effect=lambda name, args, kwargs: app.tasks[name](*args, **kwargs)):
        assert pending_flush() == 1
    assert len(mail.outbox) >= 1
    assert not PendingTask.objects.exists()


def test_nothing_waits_on_a_result_backend_and_broker_timeouts_are_short():
    from celery.backends.base import DisabledBackend

    from config.celery import app

    assert isinstance(app.backend, DisabledBackend)  # its reconnect loop made requests wait ~19 s
    project_tasks = [t for name, t in app.tasks.items() if not name.startswith("celery.")]
    assert project_tasks and all(t.ignore_result for t in project_tasks)
    assert app.conf.broker_connection_timeout <= 0.5
    assert app.conf.broker_transport_options["socket_connect_timeout"] <= 0.5
    assert app.conf.task_publish_retry_policy["max_retries"] <= 1
