import datetime

import factory

from accounts.tests.factories import UserFactory
from reminders.models import ReminderPause, SentReminder, Status
from states.tests.factories import StateFactory


class SentReminderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SentReminder

    source = "fake"
    cycle = "2024"
    state = factory.SubFactory(StateFactory)
    kind = "before-14"
    recipient = factory.SubFactory(UserFactory, state=factory.SelfAttribute("..state"))
    email = factory.LazyAttribute(lambda o: o.recipient.email)
    deadline = datetime.date(2024, 4, 30)
    due_on = datetime.date(2024, 4, 16)
    title = "Fake report 2024"
    path = "/fake/"
    status = Status.SENT


class ReminderPauseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReminderPause

    state = factory.SubFactory(StateFactory)
    reason = "Confirmed by phone"
    by = factory.SubFactory(UserFactory)
