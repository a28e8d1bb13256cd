import datetime

import factory

from meetings.models import (
    FollowUp,
    Gender,
    IndividualisedApproachRequest,
    Meeting,
    MeetingDocument,
    MeetingKind,
    PanelSpeaker,
    PriorityAction,
    PriorityActionPeriod,
)


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting
        skip_postgeneration_save = True

    code = factory.Sequence(lambda n: f"meeting-{n}")
    kind = MeetingKind.WORKSHOP
    title_en = factory.Sequence(lambda n: f"Meeting {n}")
    start_date = datetime.date(2023, 3, 9)
    end_date = factory.LazyAttribute(lambda o: o.start_date)
    place = "Geneva"


class BilateralFactory(MeetingFactory):
    kind = MeetingKind.BILATERAL
    title_en = factory.LazyAttribute(lambda o: f"Bilateral meeting with {o.state.name_en}")


class MeetingDocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MeetingDocument

    meeting = factory.SubFactory(MeetingFactory)
    title = "Agenda"
    kind = "agenda"
    file = factory.django.FileField(filename="agenda.pdf", data=b"%PDF-1.4 agenda")
    is_published = True


class FollowUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = FollowUp

    meeting = factory.SubFactory(MeetingFactory)
    action = factory.Sequence(lambda n: f"Send the information requested ({n})")
    owner = "ISU"
    due_date = datetime.date(2023, 6, 1)


class PanelSpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PanelSpeaker

    meeting = factory.SubFactory(MeetingFactory, kind=MeetingKind.PANEL)
    name = factory.Sequence(lambda n: f"Speaker {n}")
    gender = Gender.WOMAN
    affiliation_text = "Example institute"


class IARequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndividualisedApproachRequest

    requested_on = datetime.date(2023, 9, 1)


class PriorityActionPeriodFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriorityActionPeriod
        django_get_or_create = ("committee", "start_year", "end_year")

    start_year = 2023
    end_year = 2024


class PriorityActionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PriorityAction

    period = factory.SubFactory(PriorityActionPeriodFactory)
    number = factory.Sequence(lambda n: 11 + n)
    text_en = "Keep encouraging States to use the individualised approach."
