"""Write round trips of the workplan's forms (see tests/roundtrip.py)."""

from tests.roundtrip import CREATE, Write
from workplan.models import Contact, OsloAction, Statement, WorkplanItem

from .factories import ContactFactory, PanelMeetingFactory, StatementFactory, WorkplanItemFactory


def _actions(*numbers) -> list[int]:
    return list(OsloAction.objects.filter(number__in=numbers).values_list("pk", flat=True))


def _year(cast):
    item = WorkplanItemFactory()
    return {"kwargs": {"slug": item.committee.slug, "year": item.year}}


def _item(cast):
    item = WorkplanItemFactory(kind="standard", notes="", due_date=None)
    item.actions.set(_actions(42))
    return {"kwargs": {"pk": item.pk}, "obj": item}


def _item_data(cast, ctx):
    return {
        "description_en": "Hold a panel on gender and diversity",
        "description_fr": "Tenir un panel sur le genre et la diversité",
        "description_es": "Celebrar un panel sobre género y diversidad",
        "timing": "on_date",
        "due_date": "2023-06-21",
        "owner": "gender_focal_point",
        "actions": _actions(45, 47),
        "status": "in_progress",
        "kind": "contact_ca_no_gender",
        "order": "7",
        "notes": "Agreed on 16 January",
    }


def _panels(cast):
    ctx = _item(cast)
    ctx["panel"] = PanelMeetingFactory()
    return ctx


def _statement(cast):
    statement = StatementFactory(item__kind="standard")
    return {"kwargs": {"pk": statement.pk}, "obj": statement, "item": statement.item}


def _statement_data(cast, ctx):
    meeting = ctx.setdefault("meeting", PanelMeetingFactory())
    return {
        "title": "Joint statement on gender",
        "meeting": meeting.pk,
        "delivered_on": meeting.start_date.isoformat(),
        "delivered_by": "The gender focal point",
        "state": cast.state_a.pk,
        "is_joint": "on",
        "text": "The committees' gender focal points welcome the progress made.",
        "url": "https://www.apminebanconvention.org/statement",
        "is_published": "on",
    }


def _contact_item(cast):
    item = WorkplanItemFactory(kind="contact_ca_no_gender")
    return {"kwargs": {"pk": item.pk}, "item": item}


def _contact(cast):
    contact = ContactFactory(state=cast.state_b, channel="email", person="", answer="", answered_on=None)
    return {"kwargs": {"pk": contact.pk}, "obj": contact}


def _contact_data(cast, ctx):
    return {
        "state": cast.state_a.pk,
        "contacted_on": "2023-05-20",
        "channel": "phone",
        "person": "Director of the mine action centre",
        "answer": "Gender information will be in next year's report.",
        "answered_on": "2023-05-30",
    }


ROWS = [
    Write("workplan:item_update", "chair", _item, _item_data),
    Write(
        "workplan:item_create",
        "chair",
        _year,
        _item_data,
        kind=CREATE,
        created=lambda cast, ctx: WorkplanItem.objects.latest("pk"),
    ),
    Write(
        "workplan:item_panels",
        "chair",
        _panels,
        lambda cast, ctx: {"panels": [ctx["panel"].pk]},
        no_history="panels are a many-to-many relation, which the item's history does not follow",
    ),
    Write("workplan:statement_update", "chair", _statement, _statement_data),
    Write(
        "workplan:statement_create",
        "chair",
        lambda cast: {"kwargs": {"pk": WorkplanItemFactory().pk}},
        _statement_data,
        kind=CREATE,
        created=lambda cast, ctx: Statement.objects.latest("pk"),
    ),
    Write("workplan:contact_update", "chair", _contact, _contact_data),
    Write(
        "workplan:contact_create",
        "chair",
        _contact_item,
        _contact_data,
        kind=CREATE,
        created=lambda cast, ctx: Contact.objects.latest("pk"),
    ),
]
