import datetime

import factory

from committee.models import Committee
from meetings.models import Meeting, MeetingKind, PanelSpeaker
from workplan.models import Contact, ItemStatus, Owner, Statement, Timing, WorkplanItem


class CommitteeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Committee
        django_get_or_create = ("slug",)

    slug = "cooperation-assistance"
    name_en = "Committee on the Enhancement of Cooperation and Assistance"


class WorkplanItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WorkplanItem
        skip_postgeneration_save = True

    committee = factory.SubFactory(CommitteeFactory)
    year = 2023
    order = factory.Sequence(lambda n: n + 1)
    description_en = factory.Sequence(lambda n: f"Workplan item {n}")
    timing = Timing.AT_INTERSESSIONAL
    owner = Owner.COMMITTEE
    status = ItemStatus.PLANNED


class PanelMeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"wp-panel-{n}")
    kind = MeetingKind.PANEL
    title_en = factory.Sequence(lambda n: f"Panel {n}")
    start_date = datetime.date(2023, 6, 20)
    end_date = datetime.date(2023, 6, 20)
    place = "Geneva"


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelSpeaker

    meeting = factory.SubFactory(PanelMeetingFactory)
    name = factory.Sequence(lambda n: f"Speaker {n}")
    gender = "woman"


class StatementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Statement

    item = factory.SubFactory(WorkplanItemFactory)
    title = factory.Sequence(lambda n: f"Statement {n}")
    text = "We welcome the progress made."


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    item = factory.SubFactory(WorkplanItemFactory)
    contacted_on = datetime.date(2023, 5, 15)
    channel = "email"
