"""The committee's 2023 gender and diversity workplan (Annex I of the seed), with statuses and outputs as
of the seed's date (22 September 2023): ten items, the joint statement at the June intersessional meetings,
the June panel (when the meetings demo has it) and contacts with States that report on C&A without
gender information (when the reporting demo has 2022 reports)."""

import datetime

from committee.models import Committee, CommitteeYear
from core.demo import DemoContext, translated, upsert
from states.models import State

from .models import Contact, ItemKind, ItemStatus, OsloAction, Owner, Statement, Timing, WorkplanItem
from .oslo import COOPERATION_ACTIONS
from .selectors import contact_list

YEAR = 2023

# (timing, due date, owner, actions, status, kind) in Annex I order; the texts are in data/cycle_2023_texts.yaml.
ITEMS = [
    (
        Timing.BEFORE_INTERSESSIONAL,
        None,
        Owner.COMMITTEE,
        [45, 47],
        ItemStatus.DONE,
        ItemKind.STANDARD,
    ),
    (
        Timing.BEFORE_INTERSESSIONAL,
        None,
        Owner.COMMITTEE,
        [45, 47],
        ItemStatus.IN_PROGRESS,
        ItemKind.CONTACT_CA_NO_GENDER,
    ),
    (
        Timing.ON_DATE,
        datetime.date(2023, 5, 1),
        Owner.CHAIR,
        [45, 47],
        ItemStatus.DONE,
        ItemKind.STANDARD,
    ),
    (
        Timing.BEFORE_INTERSESSIONAL,
        None,
        Owner.COMMITTEE_MEMBERS,
        [],
        ItemStatus.DONE,
        ItemKind.STANDARD,
    ),
    (
        Timing.ONGOING,
        None,
        Owner.COMMITTEE,
        [],
        ItemStatus.IN_PROGRESS,
        ItemKind.STANDARD,
    ),
    (
        Timing.AT_INTERSESSIONAL,
        None,
        Owner.CHAIR_OR_FOCAL_POINT,
        [45, 47],
        ItemStatus.DONE,
        ItemKind.STANDARD,
    ),
    (
        Timing.AT_INTERSESSIONAL,
        None,
        Owner.COMMITTEE,
        [],
        ItemStatus.DONE,
        ItemKind.STANDARD,
    ),
    (
        Timing.AT_INTERSESSIONAL,
        None,
        Owner.COMMITTEE,
        [],
        ItemStatus.DONE,
        ItemKind.STANDARD,
    ),
    (
        Timing.AT_MSP,
        None,
        Owner.GENDER_FOCAL_POINTS,
        [],
        ItemStatus.PLANNED,
        ItemKind.STANDARD,
    ),
    (
        Timing.AT_MSP,
        None,
        Owner.CHAIR_OR_FOCAL_POINT,
        [],
        ItemStatus.PLANNED,
        ItemKind.STANDARD,
    ),
]

JOINT_STATEMENT = (
    "The gender focal points of the Convention's committees welcome the growing number of Article 7 reports that "
    "describe how gender and the diverse needs of affected communities are taken into account, and encourage "
    "every State Party to give such information, including on cooperation and assistance, following the Guide "
    "to Reporting. Mine-affected States shared good practice: sex- and age-disaggregated data in survey and "
    "clearance, and mixed teams in risk education. (Demo text.)"
)

# Contacts made with the first States of the list (by name): (days after 15 May, channel, answer).
CONTACTS = [
    (0, "email", "Information on gender in cooperation and assistance will be included in the next report."),
    (0, "email", ""),
    (2, "meeting", "The national platform discussed gender; details to follow by e-mail."),
    (3, "email", ""),
    (9, "letter", ""),
]


def load(ctx: DemoContext) -> None:
    for number, (en, fr, es) in COOPERATION_ACTIONS.items():
        upsert(OsloAction, number=number, defaults={"title_en": en, "title_fr": fr, "title_es": es})
    committee = Committee.objects.filter(slug="cooperation-assistance").first()
    if committee is None:
        return
    actions = {a.number: a for a in OsloAction.objects.all()}
    texts = ctx.texts["gender_workplan_2023"]
    items = []
    for order, (timing, due, owner, numbers, status, kind) in enumerate(ITEMS, start=1):
        item, _created = upsert(
            WorkplanItem,
            committee=committee,
            year=YEAR,
            order=order,
            defaults={
                "timing": timing,
                "due_date": due,
                "owner": owner,
                "status": status,
                "kind": kind,
                **translated("description", texts[order - 1]),
            },
        )
        if set(item.actions.values_list("number", flat=True)) != set(numbers):
            item.actions.set([actions[n] for n in numbers])
        items.append(item)
    _outputs(ctx, committee, items)


def _outputs(ctx: DemoContext, committee: Committee, items: list[WorkplanItem]) -> None:
    from meetings.models import Meeting

    meetings = {m.code: m for m in Meeting.objects.filter(code__in=["IM2023", "IM2023-panel-ca"])}
    focal = CommitteeYear.objects.filter(committee=committee, year=YEAR).select_related("gender_focal_point").first()
    focal_state = focal.gender_focal_point if focal else State.objects.filter(iso3="NLD").first()
    upsert(
        Statement,
        item=items[5],
        title="Joint statement of the gender focal points on gender and diversity",
        defaults={
            "text": JOINT_STATEMENT,
            "delivered_by": "The gender focal point of the Committee on the Enhancement of Cooperation and Assistance",
            "state": focal_state,
            "meeting": meetings.get("IM2023"),
            "delivered_on": datetime.date(2023, 6, 21),
            "is_joint": True,
            "is_published": True,
        },
    )
    if "IM2023-panel-ca" in meetings and not items[6].panels.filter(pk=meetings["IM2023-panel-ca"].pk).exists():
        items[6].panels.add(meetings["IM2023-panel-ca"])
    targets = contact_list(items[1]).targets
    for target, (days, channel, answer) in zip(targets, CONTACTS, strict=False):
        contacted_on = datetime.date(2023, 5, 15) + datetime.timedelta(days=days)
        Contact.objects.get_or_create(
            item=items[1],
            state=target.state,
            contacted_on=contacted_on,
            defaults={
                "channel": channel,
                "person": str(target.delegates[0]) if target.delegates else "",
                "answer": answer,
                "answered_on": contacted_on + datetime.timedelta(days=12) if answer else None,
            },
        )
    ctx.log(f"workplan: {len(items)} items for {committee.slug} {YEAR}")
