"""Writes for the gender and diversity workplan: items, statements, panels and contacts."""

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from committee.models import Committee
from core.services import Update, apply_changes, set_related
from core.translation import field_names

from .models import Contact, ItemStatus, OsloAction, Statement, Timing, WorkplanItem

ITEM_FIELDS = (
    "order",
    "kind",
    *field_names("description"),
    "timing",
    "due_date",
    "owner",
    "status",
    "notes",
)


def _check_item(item: WorkplanItem) -> None:
    if item.timing == Timing.ON_DATE and item.due_date is None:
        raise ValidationError({"due_date": _("Give the date, or choose another timing.")})
    if item.due_date is not None and item.due_date.year not in (item.year, item.year + 1):
        raise ValidationError({"due_date": _("The date must fall in the workplan's year.")})
    if not (item.description_en or "").strip():
        raise ValidationError({"description_en": _("Say what will be done, at least in English.")})


@transaction.atomic
def workplan_item_create(
    *, committee: Committee, year: int, actions: Iterable[OsloAction] = (), **fields
) -> WorkplanItem:
    """Add an item at the end of the committee's workplan for `year` unless an order is given."""
    item = WorkplanItem(committee=committee, year=year, **{k: v for k, v in fields.items() if k in ITEM_FIELDS})
    if not fields.get("order"):
        last = WorkplanItem.objects.filter(committee=committee, year=year).aggregate(m=Max("order"))["m"]
        item.order = (last or 0) + 1
    _check_item(item)
    item.save()
    item.actions.set(actions)
    return item


@transaction.atomic
def workplan_item_update(
    *, item: WorkplanItem, actions: Iterable[OsloAction] | None = None, **fields
) -> Update[WorkplanItem]:
    changed = apply_changes(item, {k: v for k, v in fields.items() if k in ITEM_FIELDS})
    _check_item(item)
    if changed:
        item.save(update_fields=[*changed, "updated_at"])
    if set_related(item, "actions", actions):
        changed.append("actions")
    return Update(item, tuple(changed))


@transaction.atomic
def workplan_item_set_panels(*, item: WorkplanItem, meetings: Iterable) -> Update[WorkplanItem]:
    """Link the panels the item led to; their speakers' gender balance then shows on the item."""
    return Update(item, ("panels",) if set_related(item, "panels", meetings) else ())


STATEMENT_FIELDS = (
    "title",
    "text",
    "delivered_by",
    "state",
    "meeting",
    "delivered_on",
    "is_joint",
    "is_published",
    "url",
)


def _check_statement(statement: Statement) -> None:
    if statement.meeting is not None and statement.delivered_on is not None:
        m = statement.meeting
        if not (m.start_date <= statement.delivered_on <= m.end_date):
            raise ValidationError(
                {
                    "delivered_on": _("The meeting was held from %(start)s to %(end)s.")
                    % {"start": m.start_date, "end": m.end_date}
                }
            )
    if statement.is_published and not (statement.text.strip() or statement.url):
        raise ValidationError({"is_published": _("Give the text or its address before publishing the statement.")})


@transaction.atomic
def statement_create(*, item: WorkplanItem, title: str, **fields) -> Statement:
    statement = Statement(item=item, title=title, **{k: v for k, v in fields.items() if k in STATEMENT_FIELDS})
    if statement.meeting is not None and statement.delivered_on is None:
        statement.delivered_on = statement.meeting.start_date
    _check_statement(statement)
    statement.save()
    return statement


@transaction.atomic
def statement_update(*, statement: Statement, **fields) -> Update[Statement]:
    changed = apply_changes(statement, {k: v for k, v in fields.items() if k in STATEMENT_FIELDS})
    _check_statement(statement)
    if changed:
        statement.save(update_fields=changed)
    return Update(statement, tuple(changed))


@transaction.atomic
def statement_delete(*, statement: Statement) -> None:
    statement.delete()


CONTACT_FIELDS = ("state", "contacted_on", "channel", "person", "answer", "answered_on")


def _check_contact(contact: Contact) -> None:
    if contact.answered_on is not None and contact.answered_on < contact.contacted_on:
        raise ValidationError({"answered_on": _("The answer cannot come before the contact.")})
    if contact.answered_on is not None and not contact.answer.strip():
        raise ValidationError({"answer": _("Summarise the answer, or leave its date empty.")})


@transaction.atomic
def contact_record(*, item: WorkplanItem, state, contacted_on, by=None, **fields) -> Contact:
    """Record a contact made with a State; the first contact moves a planned item to "in progress"."""
    contact = Contact(
        item=item,
        state=state,
        contacted_on=contacted_on,
        recorded_by=by,
        **{k: v for k, v in fields.items() if k in CONTACT_FIELDS},
    )
    _check_contact(contact)
    contact.save()
    if item.status == ItemStatus.PLANNED:
        item.status = ItemStatus.IN_PROGRESS
        item.save(update_fields=["status", "updated_at"])
    return contact


@transaction.atomic
def contact_update(*, contact: Contact, **fields) -> Update[Contact]:
    changed = apply_changes(contact, {k: v for k, v in fields.items() if k in CONTACT_FIELDS})
    _check_contact(contact)
    if changed:
        contact.save(update_fields=changed)
    return Update(contact, tuple(changed))


@transaction.atomic
def contact_delete(*, contact: Contact) -> None:
    contact.delete()
