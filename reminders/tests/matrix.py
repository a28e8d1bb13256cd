from reminders.models import ReminderPause, Status
from reminders.tests.factories import SentReminderFactory
from tests.matrix import Row, isu_only


def _state(cast):
    return {"iso3": cast.state_a.iso3}


def _pause(cast):
    pause = ReminderPause.objects.create(state=cast.state_a, reason="Confirmed by phone", by=cast.isu)
    return {"pk": pause.pk}


def _failed(cast):
    record = SentReminderFactory(state=cast.state_a, recipient=cast.delegate_a, status=Status.FAILED)
    return {"pk": record.pk}


ROWS = [
    Row("reminders:index", isu_only()),
    Row("reminders:sent", isu_only()),
    Row("reminders:sent", isu_only(), query="?state=AAA&status=failed"),
    Row("reminders:state", isu_only(), kwargs=_state),
    Row("reminders:pause", isu_only(), kwargs=_state),
    Row("reminders:pause", isu_only(302), kwargs=_state, method="post", data={"reason": "Confirmed by phone"}),
    Row("reminders:resume", isu_only(302), kwargs=_pause, method="post"),
    Row("reminders:retry", isu_only(302), kwargs=_failed, method="post"),
]
