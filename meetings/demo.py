"""Demo data: every 2023 activity of the seed (paragraphs 1-10) and the priority actions (11-19).

Facts come from data/cycle_2023.yaml and the seed document; what the seed does not say (the exact
date of each bilateral meeting, speakers, follow-ups, the dates of the individualised approach
steps before 21 June) is demo data, and says so in its notes.
"""

import datetime

from django.core.files.base import ContentFile

from committee.models import Committee
from core.demo import DemoContext, translated, upsert
from reporting import selectors as reporting_selectors
from states.models import Organisation, State

from .models import (
    BilateralSeries,
    DocumentKind,
    FollowUp,
    FollowUpStatus,
    Gender,
    IAStep,
    IndividualisedApproachRequest,
    Meeting,
    MeetingDocument,
    MeetingKind,
    MeetingStatus,
    PanelSpeaker,
    PreliminaryObservations,
    PriorityAction,
    PriorityActionPeriod,
    PriorityStatus,
    SpeakerRole,
)

CA = "cooperation-assistance"
OTHER_COMMITTEES = ["article-5", "victim-assistance", "cooperative-compliance"]
DEMO_NOTE = "Demo data: the seed does not give this detail."

# (name, gender, role, function, State ISO3 or organisation acronym or None, free text)
PANEL_SPEAKERS = [
    ("Malee Demo-Srisuk", Gender.WOMAN, SpeakerRole.MODERATOR, "Chair of the Committee (demo person)", "THA", ""),
    ("Aïssatou Demo-Ndiaye", Gender.WOMAN, SpeakerRole.PANELLIST, "Mine action director (demo person)", "SEN", ""),
    ("Hiroshi Demo-Tanaka", Gender.MAN, SpeakerRole.PANELLIST, "Donor coordination (demo person)", "JPN", ""),
    ("Sophie Demo-Laurent", Gender.WOMAN, SpeakerRole.PANELLIST, "Resource mobilisation (demo person)", "GICHD", ""),
    ("Carlos Demo-Restrepo", Gender.MAN, SpeakerRole.PANELLIST, "Mine action programme (demo person)", "COL", ""),
    ("Jan Demo-de Vries", Gender.MAN, SpeakerRole.DISCUSSANT, "Innovative finance (demo person)", "", "Demo Fund"),
]  # fmt: skip


def _pdf(title: str, body: str) -> ContentFile:
    from django.utils.html import escape
    from weasyprint import HTML

    from core.pdf import safe_url_fetcher

    html = f"<h1>{escape(title)}</h1><p>{escape(body)}</p><p><em>Demo document.</em></p>"
    return ContentFile(HTML(string=html, url_fetcher=safe_url_fetcher).write_pdf())


def _meeting(code: str, *, committees=(), states=(), organisations=(), **defaults) -> Meeting:
    meeting, _created = upsert(Meeting, code=code, defaults=defaults)
    meeting.committees.set(committees)
    state_ids = {s.pk for s in states} | ({meeting.state_id} if meeting.state_id else set())
    meeting.states.set(state_ids)
    meeting.organisations.set(organisations)
    return meeting


def _document(meeting: Meeting, *, title: str, kind: str, is_published: bool, body: str, filename: str) -> None:
    doc = MeetingDocument.objects.filter(meeting=meeting, title=title).first()
    if doc is None:
        doc = MeetingDocument(meeting=meeting, title=title, kind=kind, is_published=is_published, language="en")
        doc.file.save(filename, _pdf(title, body), save=False)
        doc.save()
    else:
        upsert(MeetingDocument, pk=doc.pk, defaults={"kind": kind, "is_published": is_published})


def _followup(meeting: Meeting, action: str, **defaults) -> FollowUp:
    return upsert(FollowUp, meeting=meeting, action=action, defaults=defaults)[0]


def _bilateral_dates(n: int) -> list[datetime.date]:
    """One working day a week from early February to late May 2023 (the seed gives only the months)."""
    start = datetime.date(2023, 2, 6)
    return [start + datetime.timedelta(days=7 * i + i % 4) for i in range(n)]


def load(ctx: DemoContext) -> None:
    cycle = ctx.cycle
    texts = ctx.texts
    said = texts["meetings"]
    activities = {a["para"]: a for a in cycle["activities"]}
    committees = {c.slug: c for c in Committee.objects.all()}
    ca = committees[CA]
    all_four = [committees[s] for s in [CA, *OTHER_COMMITTEES] if s in committees]
    coordinating = [c for c in [committees.get("coordinating")] if c]
    states = {s.iso3: s for s in State.objects.all()}
    orgs = {o.acronym: o for o in Organisation.objects.all()}
    msp = cycle["document"]["meeting"]

    # 1. The committee's first meeting: its 2023 work plan.
    a1 = activities[1]
    cm = _meeting(
        "CA-2023-01-16",
        committees=[ca],
        states=[states[i] for i in cycle["committee_2023"]["members"]],
        kind=MeetingKind.COMMITTEE_MEETING,
        status=MeetingStatus.HELD,
        title_en="Committee meeting: 2023 work plan",
        title_fr="Réunion du Comité : plan de travail pour 2023",
        title_es="Reunión del Comité: plan de trabajo para 2023",
        start_date=a1["date"],
        end_date=a1["date"],
        place="Geneva",
        is_online=True,
        **translated("purpose", said["CA-2023-01-16"]["purpose"]),
        outcome="Work plan for 2023 adopted, including the gender and diversity workplan (Annex I).",
    )
    _document(
        cm,
        title="Committee work plan 2023 (draft)",
        kind=DocumentKind.AGENDA,
        is_published=False,
        body="Draft work plan of the Committee on the Enhancement of Cooperation and Assistance for 2023.",
        filename="ca-workplan-2023.pdf",
    )

    # 2. The series of bilateral meetings, February-May 2023: one meeting per State, each its own date.
    a2 = activities[2]
    series, _ = upsert(
        BilateralSeries,
        title="Bilateral meetings with States Parties, February-May 2023",
        defaults={
            "start_date": a2["start"],
            "end_date": a2["end"],
            "with_presidency": True,
            **translated("purpose", said["bilateral-series-2023"]["purpose"]),
        },
    )
    series.committees.set(all_four)
    bilaterals = {}
    for i, (iso3, day) in enumerate(zip(a2["states"], _bilateral_dates(len(a2["states"])), strict=True)):
        state = states[iso3]
        m = _meeting(
            f"2023-bilateral-{iso3.lower()}",
            committees=all_four,
            kind=MeetingKind.BILATERAL,
            status=MeetingStatus.HELD,
            title_en=f"Bilateral meeting with {state.name_en}",
            title_fr=f"Réunion bilatérale avec {state.name_fr or state.name_en}",
            title_es=f"Reunión bilateral con {state.name_es or state.name_en}",
            start_date=day,
            end_date=day,
            place="Geneva",
            is_online=i % 3 == 0,
            with_presidency=True,
            state=state,
            series=series,
            **translated("purpose", said["bilateral-series-2023"]["purpose"]),
            outcome="Progress and challenges discussed; gender and diversity aspects of the mandate examined "
            "(gender workplan item 4).",
            notes=f"{DEMO_NOTE} Exact date within February-May 2023. The delegation described its "
            "cooperation and assistance needs and the state of its national mine action platform.",
        )
        bilaterals[iso3] = m
        _followup(
            m,
            "Submit the Article 7 report by 30 April 2023 with detailed cooperation and assistance and gender "
            "information",
            state=state,
            owner=state.name_en,
            due_date=datetime.date(2023, 4, 30) if day <= datetime.date(2023, 4, 30) else datetime.date(2023, 6, 1),
            status=FollowUpStatus.OPEN if iso3 in ("TCD", "GNB") else FollowUpStatus.DONE,
            completed_on=None if iso3 in ("TCD", "GNB") else datetime.date(2023, 4, 28),
            notes=DEMO_NOTE,
        )
        if state.is_affected:
            _followup(
                m,
                "Share the list of partners and funding gaps for Article 5 clearance",
                state=state,
                owner="ISU",
                due_date=day + datetime.timedelta(days=60),
                status=FollowUpStatus.DONE if i % 2 else FollowUpStatus.IN_PROGRESS,
                completed_on=day + datetime.timedelta(days=45) if i % 2 else None,
                notes=DEMO_NOTE,
            )

    # 3. The 9 March workshop on the 30 April deadline and the online reporting tool.
    a3 = activities[3]
    workshop = _meeting(
        "2023-03-09-workshop",
        committees=all_four,
        kind=MeetingKind.WORKSHOP,
        status=MeetingStatus.HELD,
        title_en="Workshop on Article 7 reporting: the 30 April deadline and the online reporting tool",
        title_fr="Atelier sur les rapports au titre de l'article 7 : la date limite du 30 avril et l'outil "
        "d'établissement de rapports en ligne",
        title_es="Taller sobre los informes del artículo 7: el plazo del 30 de abril y la herramienta de "
        "presentación de informes en línea",
        start_date=a3["date"],
        end_date=a3["date"],
        place="Geneva",
        is_online=True,
        with_presidency=True,
        **translated("purpose", said["2023-03-09-workshop"]["purpose"]),
        **translated("committee_aims", said["2023-03-09-workshop"]["committee_aims"]),
        outcome="States reminded of the 30 April deadline; the online reporting tool (launched 2022, voluntary) "
        "promoted.",
    )

    # 5-6. The intersessional meetings and the panel discussion held during them.
    a6 = activities[6]
    im = a6["meeting"]
    intersessional = _meeting(
        "IM2023",
        committees=[ca, *coordinating],
        kind=MeetingKind.INTERSESSIONAL,
        status=MeetingStatus.HELD,
        title_en="Intersessional Meetings 2023",
        title_fr="Réunions intersessions 2023",
        title_es="Reuniones entre períodos de sesiones 2023",
        start_date=im["start"],
        end_date=im["end"],
        place=im["place"],
        purpose_en="The committee presented its preliminary observations drawn from the Article 7 reports.",
    )
    _document(
        intersessional,
        title="Preliminary observations of the Committee on the Enhancement of Cooperation and Assistance",
        kind=DocumentKind.OBSERVATIONS,
        is_published=True,
        body="Preliminary observations drawn from the information States Parties gave in their Article 7 reports.",
        filename="ca-preliminary-observations-2023.pdf",
    )
    # 5. The preliminary observations, drawn from the reports on 2022 (due 30 April 2023).
    cycle_2022 = reporting_selectors.cycle_for_year_or_none(2022)
    if cycle_2022 is not None:
        upsert(
            PreliminaryObservations,
            committee=ca,
            meeting=intersessional,
            defaults={
                "cycle": cycle_2022,
                "submitted_on": datetime.date(2023, 6, 12),
                "document": intersessional.documents.filter(kind=DocumentKind.OBSERVATIONS).first(),
                "notes": f"{DEMO_NOTE} The date they were submitted.",
            },
        )
    panel = _meeting(
        "IM2023-panel-ca",
        committees=[ca],
        organisations=[orgs[a] for a in ("GICHD", "UNMAS", "EU") if a in orgs],
        kind=MeetingKind.PANEL,
        status=MeetingStatus.HELD,
        title_en=a6["title"].replace(" - ", " – "),
        title_fr="Coopération et assistance et Plan d'action d'Oslo – Pour une amélioration de la coopération et "
        "de l'assistance",
        title_es="La cooperación y la asistencia y el Plan de Acción de Oslo: hacia una mejor cooperación y asistencia",
        start_date=datetime.date(2023, 6, 20),
        end_date=datetime.date(2023, 6, 20),
        place=im["place"],
        parent=intersessional,
        **translated("topics", said["IM2023-panel-ca"]["topics"]),
        **translated("purpose", said["IM2023-panel-ca"]["purpose"]),
        outcome="The panel promoted the consideration of gender by States Parties (gender workplan item 7).",
        notes=f"{DEMO_NOTE} The panel's exact day within 19-21 June 2023.",
    )
    for order, (name, gender, role, function, affiliation, text) in enumerate(PANEL_SPEAKERS, start=1):
        upsert(
            PanelSpeaker,
            meeting=panel,
            name=name,
            defaults={
                "gender": gender,
                "role": role,
                "function": function,
                "order": order,
                "affiliation_state": states.get(affiliation),
                "affiliation_organisation": orgs.get(affiliation),
                "affiliation_text": text,
            },
        )
    panel.states.set([states[s[4]] for s in PANEL_SPEAKERS if s[4] in states])

    # 7. Senegal's individualised approach, 21 June 2023, with its final report.
    sen = states["SEN"]
    a7 = activities[7]
    ia_meeting = _meeting(
        "IA-SEN-2023",
        committees=[ca],
        kind=MeetingKind.INDIVIDUALISED_APPROACH,
        status=MeetingStatus.HELD,
        title_en="Individualised approach: Senegal",
        title_fr="Procédure individualisée : Sénégal",
        title_es="Enfoque individualizado: Senegal",
        start_date=a7["date"],
        end_date=a7["date"],
        place="Geneva",
        state=sen,
        parent=intersessional,
        purpose_en="Senegal presented the status of its mine action programmes and the challenges it faces to "
        "stakeholders; gender and diversity addressed (gender workplan item 8).",
        outcome="A final report was written; it will be published on the Convention website's page on Senegal.",
    )
    _document(
        ia_meeting,
        title="Final report: individualised approach meeting with Senegal",
        kind=DocumentKind.FINAL_REPORT,
        is_published=False,
        body="Final report of the individualised approach meeting held with Senegal on 21 June 2023.",
        filename="ia-senegal-final-report.pdf",
    )
    upsert(
        IndividualisedApproachRequest,
        state=sen,
        meeting=ia_meeting,
        defaults={
            "committee": ca,
            **translated("support", texts["individualised_approach"]["SEN"]["support"]),
            **translated("outcome", texts["individualised_approach"]["SEN"]["outcome"]),
            "status": IAStep.HELD,
            "requested_on": datetime.date(2023, 3, 1),
            "scheduled_on": datetime.date(2023, 4, 14),
            "held_on": a7["date"],
            "requested_at": None,
            "notes": f"{DEMO_NOTE} The dates of the request and of the scheduling are demo values; the meeting "
            "was held on 21 June 2023 and its final report written.",
        },
    )
    _followup(
        ia_meeting,
        "Publish the final report on the Convention website's page on Senegal",
        state=sen,
        owner="ISU",
        due_date=datetime.date(2023, 9, 30),
        status=FollowUpStatus.OPEN,
        notes=DEMO_NOTE,
    )

    # The Twenty-first Meeting of the States Parties.
    msp21 = _meeting(
        msp["code"],
        committees=[ca, *coordinating],
        kind=MeetingKind.MSP,
        status=MeetingStatus.HELD,
        title_en=msp["name"],
        title_fr="Vingt et unième Assemblée des États parties",
        title_es="Vigésima Primera Reunión de los Estados Partes",
        start_date=msp["start"],
        end_date=msp["end"],
        place=msp["place"],
        purpose_en="The committee presents its conclusions and recommendations (agenda item 10 (c)).",
    )

    # 8. Somalia and Tajikistan asked for the individualised approach in the margins of 21MSP.
    for iso3 in activities[8]["states"]:
        upsert(
            IndividualisedApproachRequest,
            state=states[iso3],
            requested_at=msp21,
            defaults={
                "committee": ca,
                "status": IAStep.REQUESTED,
                "requested_on": datetime.date(2023, 9, 15),
                "notes": f"Wishes to use the individualised approach in the margins of 21MSP. {DEMO_NOTE} "
                "Date of the request.",
            },
        )

    # 10. The Fund: terms of reference updated; work began with Nigeria.
    nga = states["NGA"]
    fund_meeting = _meeting(
        "2023-fund-nigeria",
        committees=[ca],
        kind=MeetingKind.BILATERAL,
        status=MeetingStatus.HELD,
        title_en="Cooperation and Assistance Fund: work with Nigeria",
        title_fr="Fonds de coopération et d'assistance : travail avec le Nigéria",
        title_es="Fondo de Cooperación y Asistencia: trabajo con Nigeria",
        start_date=datetime.date(2023, 7, 12),
        end_date=datetime.date(2023, 7, 12),
        is_online=True,
        state=nga,
        purpose_en="Begin work with Nigeria on the use of the Cooperation and Assistance Fund, with the ISU and "
        "other partners, under the Fund's updated terms of reference.",
        notes=f"{DEMO_NOTE} The date of this working meeting.",
    )
    fund_followup = _followup(
        fund_meeting,
        "Prepare Nigeria's application to the Cooperation and Assistance Fund with ISU support",
        state=nga,
        owner="Nigeria, with the ISU",
        due_date=datetime.date(2023, 10, 31),
        status=FollowUpStatus.IN_PROGRESS,
        notes=DEMO_NOTE,
    )

    # The Fifth Review Conference (2024), named in paragraphs 4 and 11.
    revcon = _meeting(
        "5RC",
        committees=[ca, *coordinating],
        kind=MeetingKind.REVIEW_CONFERENCE,
        status=MeetingStatus.HELD,
        title_en="Fifth Review Conference",
        title_fr="Cinquième Conférence d'examen",
        title_es="Quinta Conferencia de Examen",
        start_date=datetime.date(2024, 11, 25),
        end_date=datetime.date(2024, 11, 29),
        place="Siem Reap",
        states=[states["KHM"]],
    )

    # 11-19. Priority actions for 2023-2024, in the three languages of data/cycle_2023_texts.yaml.
    period, _ = upsert(
        PriorityActionPeriod, committee=ca, start_year=2023, end_year=2024, defaults={"adopted_at": msp21}
    )
    served = {
        11: ([ia_meeting, msp21, revcon], [], PriorityStatus.IN_PROGRESS),
        12: (list(bilaterals.values())[:4], [], PriorityStatus.ONGOING),
        13: ([workshop], [], PriorityStatus.ONGOING),
        14: ([fund_meeting], [fund_followup], PriorityStatus.IN_PROGRESS),
        15: ([intersessional, panel], [], PriorityStatus.PLANNED),
        16: ([intersessional], [], PriorityStatus.ONGOING),
        17: ([], [], PriorityStatus.PLANNED),
        18: ([cm, panel, msp21], [], PriorityStatus.IN_PROGRESS),
        19: ([], [], PriorityStatus.PLANNED),
    }
    for item in cycle["priority_actions_2023_2024"]:
        number = item["para"]
        meetings, followups, status = served[number]
        action, _ = upsert(
            PriorityAction,
            period=period,
            number=number,
            defaults={
                **translated("text", texts["priority_actions_2023_2024"][number]),
                "status": status,
            },
        )
        action.meetings.set(meetings)
        action.followups.set(followups)
    ctx.log(
        f"  meetings: {Meeting.objects.count()} meetings, {FollowUp.objects.count()} follow-ups, "
        f"{IndividualisedApproachRequest.objects.count()} individualised approach requests"
    )
