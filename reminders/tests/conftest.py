import datetime

import pytest
import time_machine

from accounts.models import Role
from accounts.tests.factories import UserFactory
from reminders import registry, services
from reminders.policy import GENEVA

from .fakes import FakeSource

DEADLINE = datetime.date(2024, 4, 30)


@pytest.fixture
def fake(monkeypatch) -> FakeSource:
    source = FakeSource()
    monkeypatch.setattr(registry, "sources", lambda: [source])
    return source


def at(day: datetime.date, hour: int = 8):
    """Freeze time at `hour` o'clock Geneva time on `day`."""
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(hour), tzinfo=GENEVA), tick=False)


@pytest.fixture
def run_pass(django_capture_on_commit_callbacks):
    """Run a pass on `day` (frozen time) and the send tasks it enqueues, as a worker would."""

    def run(day: datetime.date, **kwargs):
        with at(day), django_capture_on_commit_callbacks(execute=True):
            return services.reminder_pass(**kwargs)

    return run


@pytest.fixture
def owing(cast, fake):
    """State A owes a fake report due 30 April 2024; it has one delegate (cast.delegate_a)."""
    fake.owe(cast.state_a, DEADLINE)
    return cast


def second_delegate(state, email="second.a@example.org", language="en"):
    return UserFactory(role=Role.DELEGATE, state=state, username=email, preferred_language=language)
