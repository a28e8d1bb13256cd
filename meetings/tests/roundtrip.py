"""Write round trips of the meetings' forms (see tests/roundtrip.py)."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Role
from accounts.tests.factories import UserFactory
from committee.models import Committee
from meetings.models import (
    BilateralSeries,
    FollowUp,
    IndividualisedApproachRequest,
    Meeting,
    MeetingDocument,
    MeetingKind,
    PanelSpeaker,
    PriorityAction,
    PriorityActionPeriod,
)
from states.models import Organisation
from tests.roundtrip import CREATE, STEP, Write

from .factories import (
    BilateralFactory,
    FollowUpFactory,
    IARequestFactory,
    MeetingDocumentFactory,
    MeetingFactory,
    PanelSpeakerFactory,
    PriorityActionFactory,
    PriorityActionPeriodFactory,
)


def _once(ctx: dict, key: str, make):
    """The object `make()` builds, built once per row (data is called for each POST)."""
    if key not in ctx:
        ctx[key] = make()
    return ctx[key]


def _host():
    return MeetingFactory(code="21msp", kind=MeetingKind.MSP, start_date=datetime.date(2023, 11, 20))


def _committee() -> Committee:
    return Committee.objects.get_or_create(slug="cooperation-assistance", defaults={"name_en": "C&A"})[0]


def _meeting(cast):
    meeting = MeetingFactory(code="workshop-2023", kind=MeetingKind.WORKSHOP, status="planned")
    return {"kwargs": {"code": meeting.code}, "obj": meeting}


def _meeting_data(cast, ctx):
    host = _once(ctx, "host", _host)
    series = _once(
        ctx,
        "series",
        lambda: BilateralSeries.objects.create(
            title="Bilaterals 2023", start_date=datetime.date(2023, 2, 1), end_date=datetime.date(2023, 5, 31)
        ),
    )
    organisation = _once(ctx, "organisation", lambda: Organisation.objects.get_or_create(name="GICHD")[0])
    return {
        "kind": MeetingKind.BILATERAL,
        "status": "held",
        "code": "bilateral-aaa-2023",
        "title_en": "Bilateral meeting with Aland A",
        "title_fr": "Réunion bilatérale avec Aland A",
        "title_es": "Reunión bilateral con Aland A",
        "start_date": "2023-04-03",
        "end_date": "2023-04-04",
        "place": "Palais des Nations",
        "is_online": "on",
        "committees": [_committee().pk],
        "with_presidency": "on",
        "state": cast.state_a.pk,
        "states": [cast.state_a.pk, cast.state_b.pk],
        "organisations": [organisation.pk],
        "parent": host.pk,
        "series": series.pk,
        "purpose_en": "Recall the 30 April deadline.",
        "purpose_fr": "Rappeler la date limite du 30 avril.",
        "purpose_es": "Recordar el plazo del 30 de abril.",
        "committee_aims_en": "Promote the online tool.",
        "committee_aims_fr": "Promouvoir l'outil en ligne.",
        "committee_aims_es": "Promover la herramienta en línea.",
        "topics_en": "The deadline\nThe online tool",
        "topics_fr": "La date limite\nL'outil en ligne",
        "topics_es": "El plazo\nLa herramienta en línea",
        "outcome": "The State will report on time.",
        "notes": "Asked about the online tool.",
    }


def _document(cast):
    document = MeetingDocumentFactory(
        meeting=MeetingFactory(code="docs-meeting"), kind="agenda", language="en", is_published=False
    )
    return {"kwargs": {"pk": document.pk}, "obj": document}


def _speaker(cast):
    speaker = PanelSpeakerFactory(role="panellist", function="", order=1)
    return {"kwargs": {"pk": speaker.pk}, "obj": speaker}


def _speaker_data(cast, ctx):
    return {
        "name": "Ms A. Diallo",
        "gender": "other",
        "role": "moderator",
        "function": "Director",
        "affiliation_state": cast.state_a.pk,
        "affiliation_organisation": "",
        "affiliation_text": "",
        "order": "3",
    }


def _bilateral(cast):
    meeting = BilateralFactory(code="bil-a", state=cast.state_a, start_date=datetime.date(2023, 4, 3))
    return {"kwargs": {"code": meeting.code}, "meeting": meeting}


def _followup(cast):
    followup = FollowUpFactory(meeting=BilateralFactory(code="bil-f", state=cast.state_a), status="open", notes="")
    return {"kwargs": {"pk": followup.pk}, "obj": followup}


def _followup_data(cast, ctx):
    owner = _once(ctx, "owner", lambda: UserFactory(role=Role.ISU, username="owner@example.org"))
    return {
        "action": "Send the list of partners",
        "owner": "The chair",
        "owner_user": owner.pk,
        "due_date": "2023-09-30",
        "state": cast.state_b.pk,
        "status": "in_progress",
        "notes": "Reminded by e-mail",
    }


def _ia(cast):
    ia = IARequestFactory(state=cast.state_a, notes="")
    return {"kwargs": {"pk": ia.pk}, "obj": ia}


def _ia_data(cast, ctx):
    host = _once(ctx, "host", _host)
    return {
        "committee": _committee().pk,
        "requested_on": "2023-09-15",
        "requested_at": host.pk,
        "final_report_url": "https://www.apminebanconvention.org/ia",
        "support_en": "organising an individualised approach meeting",
        "support_fr": "l'organisation d'une réunion sur la procédure individualisée",
        "support_es": "la organización de una reunión sobre el enfoque individualizado",
        "outcome_en": "Take stock with partners.",
        "outcome_fr": "Faire le point avec les partenaires.",
        "outcome_es": "Hacer balance con los socios.",
        "notes": "Asked in the margins of 21MSP",
    }


def _ia_meeting(cast):
    return MeetingFactory(code="ia-aaa", kind=MeetingKind.INDIVIDUALISED_APPROACH, state=cast.state_a)


def _action(cast):
    action = PriorityActionFactory(period__committee=_committee(), status="planned", notes="")
    return {"kwargs": {"pk": action.pk}, "obj": action}


def _earlier_action():
    return PriorityActionFactory(
        period=PriorityActionPeriodFactory(committee=_committee(), start_year=2021, end_year=2022), number=4
    )


def _action_data(cast, ctx):
    meeting = _once(ctx, "meeting", lambda: MeetingFactory(code="served"))
    followup = _once(ctx, "followup", lambda: FollowUpFactory(meeting=meeting))
    earlier = _once(ctx, "earlier", _earlier_action)
    return {
        "carried_over_from": earlier.pk,
        "number": "19",
        "text_en": "Promote the individualised approach.",
        "text_fr": "Promouvoir l'approche individualisée.",
        "text_es": "Promover el enfoque individualizado.",
        "status": "in_progress",
        "notes": "Somalia and Tajikistan asked for one.",
        "meetings": [meeting.pk],
        "followups": [followup.pk],
    }


def _series_meetings(series: BilateralSeries) -> dict:
    """The formset's rows: one bilateral meeting per State, on its date, with its place and notes."""
    rows = sorted(series.meetings.values_list("state__iso3", "start_date", "place", "is_online", "notes"))
    assert rows == [
        ("AAA", datetime.date(2024, 3, 4), "Geneva", True, "Deadline and online tool"),
        ("BBB", datetime.date(2024, 3, 5), "", False, ""),
    ], rows
    return {}


def _latest(model):
    return lambda cast, ctx: model.objects.latest("pk")


def _pdf(name: str = "report.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n% final report\n", content_type="application/pdf")


ROWS = [
    Write("meetings:update", "isu", _meeting, _meeting_data, kwargs_after=lambda m: {"code": m.code}),
    Write("meetings:create", "isu", lambda cast: {}, _meeting_data, kind=CREATE, created=_latest(Meeting)),
    Write(
        "meetings:document_update",
        "isu",
        _document,
        lambda cast, ctx: {"title": "Final report", "kind": "final_report", "language": "fr", "is_published": "on"},
    ),
    Write(
        "meetings:document_add",
        "isu",
        lambda cast: {"kwargs": {"code": MeetingFactory(code="docs").code}},
        lambda cast, ctx: {
            "title": "Final report",
            "kind": "final_report",
            "language": "fr",
            "file": _pdf(),
            "is_published": "on",
        },
        kind=CREATE,
        created=_latest(MeetingDocument),
    ),
    # One affiliation only: the rows give a State, so the organisation stays empty.
    Write("meetings:speaker_update", "isu", _speaker, _speaker_data, unchanged=("affiliation_organisation",)),
    Write(
        "meetings:speaker_add",
        "isu",
        lambda cast: {"kwargs": {"code": MeetingFactory(code="panel", kind=MeetingKind.PANEL).code}},
        _speaker_data,
        kind=CREATE,
        created=_latest(PanelSpeaker),
        unchanged=("affiliation_organisation", "affiliation_text"),
    ),
    Write("meetings:followup_update", "isu", _followup, _followup_data),
    Write("meetings:followup_create", "isu", _bilateral, _followup_data, kind=CREATE, created=_latest(FollowUp)),
    Write(
        "meetings:series_plan",
        "isu",
        lambda cast: {},
        lambda cast, ctx: {
            "title": "Bilateral meetings 2024",
            "start_date": "2024-02-01",
            "end_date": "2024-05-31",
            "committees": [_committee().pk],
            "with_presidency": "on",
            "purpose_en": "Recall the 30 April deadline.",
            "purpose_fr": "Rappeler la date limite du 30 avril.",
            "purpose_es": "Recordar el plazo del 30 de abril.",
            "m-TOTAL_FORMS": "2",
            "m-INITIAL_FORMS": "0",
            "m-MIN_NUM_FORMS": "1",
            "m-MAX_NUM_FORMS": "1000",
            "m-0-state": cast.state_a.pk,
            "m-0-date": "2024-03-04",
            "m-0-place": "Geneva",
            "m-0-is_online": "on",
            "m-0-notes": "Deadline and online tool",
            "m-1-state": cast.state_b.pk,
            "m-1-date": "2024-03-05",
        },
        kind=CREATE,
        created=_latest(BilateralSeries),
        stored=_series_meetings,
    ),
    Write(
        "meetings:ia_create",
        "isu",
        lambda cast: {},
        lambda cast, ctx: {**_ia_data(cast, ctx), "state": cast.state_a.pk},
        kind=CREATE,
        created=_latest(IndividualisedApproachRequest),
        unchanged=(),
    ),
    Write("meetings:ia_update", "isu", _ia, _ia_data),
    Write(
        "meetings:ia_advance",
        "isu",
        _ia,
        lambda cast, ctx: {
            "to": "scheduled",
            "on": "2023-10-02",
            "meeting": _once(ctx, "meeting", lambda: _ia_meeting(cast)).pk,
            "final_report_url": "https://www.apminebanconvention.org/ia-report",
        },
        kind=STEP,
        stored=lambda ia: {"to": ia.status, "on": ia.scheduled_on},
        unchanged=("to",),  # the form proposes the next step, the only one allowed
    ),
    Write("meetings:priority_update", "isu", _action, _action_data),
    Write(
        "meetings:priority_create",
        "isu",
        # the form proposes the latest period (2025-2026); the row chooses the earlier one
        lambda cast: {
            "period": PriorityActionPeriodFactory(committee=_committee()),
            "latest": PriorityActionPeriodFactory(committee=_committee(), start_year=2025, end_year=2026),
        },
        lambda cast, ctx: {**_action_data(cast, ctx), "period": ctx["period"].pk},
        kind=CREATE,
        created=_latest(PriorityAction),
    ),
    Write(
        "meetings:period_create",
        "isu",
        lambda cast: {},
        lambda cast, ctx: {
            "committee": _committee().pk,
            "start_year": "2027",
            "end_year": "2027",
            "adopted_at": _once(
                ctx,
                "msp",
                lambda: MeetingFactory(code="22msp", kind=MeetingKind.MSP, start_date=datetime.date(2024, 11, 25)),
            ).pk,
        },
        kind=CREATE,
        created=_latest(PriorityActionPeriod),
    ),
]
