"""Access to reminders: the queue, the log and pauses are for ISU staff only."""

from django.shortcuts import get_object_or_404

from accounts.roles import require_isu
from states.models import State

from .models import ReminderPause, SentReminder


def get_state_for_user(user, iso3: str) -> State:
    require_isu(user)
    return get_object_or_404(State, iso3=iso3.upper())


def get_pause_for_user(user, pk: int, *, write: bool = False) -> ReminderPause:
    require_isu(user)
    return get_object_or_404(ReminderPause.objects.select_related("state"), pk=pk)


def get_sent_reminder_for_user(user, pk: int, *, write: bool = False) -> SentReminder:
    require_isu(user)
    return get_object_or_404(SentReminder.objects.select_related("state"), pk=pk)
