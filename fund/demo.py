"""The Fund in 2023: its terms of reference (updated in 2023), donors' contributions and Nigeria's application.

The seed says the committee updated the Fund's terms of reference in 2023 and began working with
Nigeria on the use of the Fund (paragraph 10). Amounts, dates and texts below are illustrative.
Written directly (not through the services) so that loading sends no e-mail and keeps its dates.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from core.demo import DemoContext, upsert
from states.models import Organisation, State

from .models import (
    Application,
    ApplicationEvent,
    BudgetLine,
    Contribution,
    Disbursement,
    FundAccount,
    Purpose,
    Status,
    Step,
    TermsOfReference,
)

TERMS = [
    {
        "version": "2020",
        "title": "Terms of reference of the Cooperation and Assistance Fund",
        "in_force_from": datetime.date(2020, 1, 1),
        "summary": (
            "The Fund helps States Parties implement the cooperation and assistance actions of the Oslo Action "
            "Plan (#42-#47).\n\nIt supports exchanges of good practices between States Parties. Applications are "
            "screened by the ISU and decided by the Committee on the Enhancement of Cooperation and Assistance. "
            "A final report is due within three months of the end of the activities."
        ),
    },
    {
        "version": "2023",
        "title": "Terms of reference and guidelines of the Cooperation and Assistance Fund (2023 update)",
        "in_force_from": datetime.date(2023, 3, 1),
        "summary": (
            "Updated by the Committee on the Enhancement of Cooperation and Assistance in 2023.\n\n"
            "1. Purpose: the Fund supports exchanges of good practices and South-South cooperation among States "
            "Parties, in line with actions #42-#47 of the Oslo Action Plan.\n"
            "2. Eligibility: States Parties; activities with a clear link to their obligations under the "
            "Convention; a budget whose lines add up to the amount requested.\n"
            "3. Gender and diversity: the committee reviews every application with a gender perspective: how "
            "the activities consider gender and the diverse needs of affected communities.\n"
            "4. Decision: the committee approves, rejects or asks for a revision, with reasons.\n"
            "5. Disbursement in one or more tranches; a final report within three months of the end of the "
            "activities."
        ),
    },
]

# (State ISO3 or organisation acronym, amount, currency, received, earmarking)
CONTRIBUTIONS = [
    ("NLD", "50000.00", "EUR", datetime.date(2023, 2, 15), ""),
    ("DEU", "30000.00", "EUR", datetime.date(2023, 4, 20), ""),
    ("EU", "20000.00", "EUR", datetime.date(2023, 6, 1), "South-South cooperation"),
    ("AUS", "40000.00", "USD", datetime.date(2023, 3, 10), ""),
    ("CAN", "25000.00", "USD", datetime.date(2023, 5, 2), ""),
    ("CHE", "35000.00", "CHF", datetime.date(2023, 3, 30), ""),
]

NIGERIA = {
    "reference": "CAF-2023-NGA-1",
    "title": "South-South exchange on survey and clearance of improvised mines in the North-East",
    "purpose": Purpose.SOUTH_SOUTH,
    "activities": (
        "A study visit of officers of Nigeria's national mine action centre to a peer affected State in the "
        "region, followed by a regional workshop in Abuja on land release, survey of areas contaminated by "
        "improvised anti-personnel mines and national standards.\n\n"
        "Survey teams receive gender and diversity training; women officers make up at least 40% of the "
        "participants, and community liaison reaches women, girls, boys and men separately, in Hausa and "
        "Kanuri."
    ),
    "requested_amount": Decimal("48500.00"),
    "currency": "EUR",
    "start_date": datetime.date(2023, 10, 1),
    "end_date": datetime.date(2024, 6, 30),
    "timeline": (
        "October 2023: preparation with the ISU and partners\n"
        "December 2023: study visit\n"
        "March 2024: regional workshop in Abuja\n"
        "June 2024: national standards reviewed; final report"
    ),
    "partners": "Implementation Support Unit; Geneva International Centre for Humanitarian Demining (GICHD); UNMAS",
}
NIGERIA_BUDGET = [
    ("Study visit: travel and subsistence of 8 officers", "18500.00"),
    ("Regional workshop: venue, interpretation, materials", "14000.00"),
    ("Gender and diversity training for survey teams", "6500.00"),
    ("Community liaison and risk education materials in Hausa and Kanuri", "5500.00"),
    ("Monitoring and final report", "4000.00"),
]
NIGERIA_DISBURSEMENT = (Decimal("29100.00"), datetime.date(2023, 9, 29), "ISU-CAF-2023-001")

SENEGAL = {
    "reference": "CAF-2023-SEN-1",
    "title": "Échange de bonnes pratiques sur l'assistance aux victimes en Casamance",
    "purpose": Purpose.GOOD_PRACTICES,
    "activities": (
        "Un atelier de deux jours à Ziguinchor avec des États parties d'Afrique de l'Ouest sur l'intégration "
        "de l'assistance aux victimes dans les services de santé et de réadaptation, avec des survivantes et "
        "survivants et leurs organisations."
    ),
    "requested_amount": Decimal("22000.00"),
    "currency": "EUR",
    "start_date": datetime.date(2024, 2, 1),
    "end_date": datetime.date(2024, 5, 31),
    "timeline": "Février 2024 : préparation\nAvril 2024 : atelier à Ziguinchor\nMai 2024 : rapport",
    "partners": "Centre national d'action antimines au Sénégal (CNAMS); Humanity & Inclusion",
}
SENEGAL_BUDGET = [
    ("Atelier : salle, interprétation, documents", "9000.00"),
    ("Voyage et séjour des participants", "10500.00"),
    ("Accessibilité et participation des survivantes et survivants", "2500.00"),
]


def _at(day: datetime.date, hour: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def _load_terms() -> dict[str, TermsOfReference]:
    found = {}
    for row in TERMS:
        defaults = {k: v for k, v in row.items() if k != "version"}
        terms, _created = upsert(TermsOfReference, version=row["version"], defaults=defaults)
        found[terms.version] = terms
    return found


def _load_contributions(isu) -> None:
    states = {s.iso3: s for s in State.objects.filter(iso3__in=[c[0] for c in CONTRIBUTIONS])}
    organisations = {o.acronym: o for o in Organisation.objects.filter(acronym__in=[c[0] for c in CONTRIBUTIONS])}
    for who, amount, currency, received_on, earmarking in CONTRIBUTIONS:
        state, organisation = states.get(who), organisations.get(who)
        if state is None and organisation is None:
            continue
        FundAccount.objects.get_or_create(currency=currency)
        upsert(
            Contribution,
            contributor_state=state,
            contributor_organisation=organisation,
            currency=currency,
            received_on=received_on,
            defaults={"amount": Decimal(amount), "earmarking": earmarking, "recorded_by": isu},
        )


def _create_application(fields: dict, state: State, budget, terms, delegate, steps) -> Application | None:
    """Create the application with its dated steps, once; later runs leave it as it is."""
    if Application.objects.filter(reference=fields["reference"]).exists():
        return None
    first_at = steps[0][1]
    application = Application.objects.create(state=state, created_by=delegate, created_at=first_at, **fields)
    BudgetLine.objects.bulk_create(
        BudgetLine(application=application, description=d, amount=Decimal(a), order=i)
        for i, (d, a) in enumerate(budget)
    )
    status = ""
    for step, at, by, to_status, note in steps:
        ApplicationEvent.objects.create(
            application=application, step=step, from_status=status, to_status=to_status, by=by, at=at, note=note
        )
        status = to_status
    application.status = status
    application.terms = terms
    application.save(update_fields=["status", "terms"])
    return application


def load(ctx: DemoContext) -> None:
    users = {u.email: u for u in User.objects.filter(email__endswith="@demo.apmbc.org")}
    isu = users.get("isu@demo.apmbc.org")
    chair = users.get("chair@demo.apmbc.org")
    terms = _load_terms()
    _load_contributions(isu)

    nigeria = State.objects.filter(iso3="NGA").first()
    if nigeria is not None:
        screened = (
            "Eligible under the 2023 terms of reference: South-South cooperation among affected States on "
            "Article 5 implementation; the budget lines add up to the amount requested."
        )
        gender = (
            "The activities consider gender and diversity: at least 40% women among participants, separate "
            "consultations with women, girls, boys and men, and materials in local languages. The committee "
            "recommends disaggregating the workshop's data by sex, age and disability in the final report."
        )
        reasons = "A clear plan of peer exchange that the Fund's terms of reference were updated to support."
        app = _create_application(
            NIGERIA,
            nigeria,
            NIGERIA_BUDGET,
            terms["2023"],
            users.get("delegate.nga@demo.apmbc.org"),
            [
                (Step.CREATED, _at(datetime.date(2023, 7, 10)), users.get("delegate.nga@demo.apmbc.org"), "draft", ""),
                (
                    Step.SUBMITTED,
                    _at(datetime.date(2023, 7, 28)),
                    users.get("delegate.nga@demo.apmbc.org"),
                    Status.SUBMITTED,
                    "Assessed against the terms of reference version 2023.",
                ),
                (Step.SCREENED_ELIGIBLE, _at(datetime.date(2023, 8, 7)), isu, Status.SCREENED, screened),
                (Step.GENDER_REVIEWED, _at(datetime.date(2023, 8, 22)), chair, Status.GENDER_REVIEWED, gender),
                (
                    Step.APPROVED,
                    _at(datetime.date(2023, 9, 5)),
                    chair,
                    Status.APPROVED,
                    "Approved €48,500.00; final report due 2024-09-28. " + reasons,
                ),
                (
                    Step.DISBURSED,
                    _at(datetime.date(2023, 9, 29)),
                    isu,
                    Status.DISBURSED,
                    "€29,100.00 paid on 2023-09-29. Reference: ISU-CAF-2023-001.",
                ),
            ],
        )
        if app is not None:
            app.submitted_at = _at(datetime.date(2023, 7, 28))
            app.eligibility_note = screened
            app.gender_assessment = gender
            app.decision_reasons = reasons
            app.approved_amount = app.requested_amount
            app.decided_at = _at(datetime.date(2023, 9, 5))
            app.final_report_due = app.default_final_report_due()
            app.save()
            amount, paid_on, reference = NIGERIA_DISBURSEMENT
            Disbursement.objects.create(
                application=app,
                amount=amount,
                currency=app.currency,
                paid_on=paid_on,
                reference=reference,
                recorded_by=isu,
                created_at=_at(paid_on),
            )

    senegal = State.objects.filter(iso3="SEN").first()
    if senegal is not None:
        delegate = users.get("delegate.sen@demo.apmbc.org")
        screened = "Recevable au titre du mandat de 2023 : échange de bonnes pratiques sur l'assistance aux victimes."
        app = _create_application(
            SENEGAL,
            senegal,
            SENEGAL_BUDGET,
            terms["2023"],
            delegate,
            [
                (Step.CREATED, _at(datetime.date(2023, 10, 9)), delegate, Status.DRAFT, ""),
                (
                    Step.SUBMITTED,
                    _at(datetime.date(2023, 10, 20)),
                    delegate,
                    Status.SUBMITTED,
                    "Assessed against the terms of reference version 2023.",
                ),
                (Step.SCREENED_ELIGIBLE, _at(datetime.date(2023, 11, 2)), isu, Status.SCREENED, screened),
            ],
        )
        if app is not None:
            app.submitted_at = _at(datetime.date(2023, 10, 20))
            app.eligibility_note = screened
            app.save(update_fields=["submitted_at", "eligibility_note"])
    ctx.log(f"  fund: {Contribution.objects.count()} contributions, {Application.objects.count()} applications")
