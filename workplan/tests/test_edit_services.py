"""Each edit service saves values a bound ModelForm already copied onto the instance, and says
when nothing changed (issue 15: "... saved." while the row stayed as it was)."""

import datetime

import pytest

from workplan import services
from workplan.models import Contact, OsloAction, Statement, WorkplanItem

from .factories import ContactFactory, PanelMeetingFactory, StatementFactory, WorkplanItemFactory

pytestmark = pytest.mark.django_db


def test_item_update_saves_what_the_form_put_on_the_instance():
    item = WorkplanItemFactory(notes="")
    item.notes = "Agreed on 16 January"
    update = services.workplan_item_update(item=item, notes="Agreed on 16 January")
    assert update.changed == ("notes",)
    assert WorkplanItem.objects.get(pk=item.pk).notes == "Agreed on 16 January"
    assert not services.workplan_item_update(item=item, notes="Agreed on 16 January")


def test_item_update_reports_a_change_of_actions_alone():
    item = WorkplanItemFactory()
    assert services.workplan_item_update(item=item, actions=OsloAction.objects.filter(number=45)).changed == (
        "actions",
    )
    assert not services.workplan_item_update(item=item, actions=OsloAction.objects.filter(number=45))


def test_item_panels_say_when_they_did_not_change():
    item, panel = WorkplanItemFactory(), PanelMeetingFactory()
    assert services.workplan_item_set_panels(item=item, meetings=[panel])
    assert not services.workplan_item_set_panels(item=item, meetings=[panel])


def test_statement_update_saves_what_the_form_put_on_the_instance():
    statement = StatementFactory(delivered_by="")
    statement.delivered_by = "The chair"
    assert services.statement_update(statement=statement, delivered_by="The chair").changed == ("delivered_by",)
    assert Statement.objects.get(pk=statement.pk).delivered_by == "The chair"
    assert not services.statement_update(statement=statement, delivered_by="The chair")


def test_contact_update_saves_what_the_form_put_on_the_instance(cast):
    contact = ContactFactory(state=cast.state_a, person="")
    contact.person, contact.contacted_on = "Director", datetime.date(2023, 5, 16)
    update = services.contact_update(contact=contact, person="Director", contacted_on=datetime.date(2023, 5, 16))
    assert set(update.changed) == {"person", "contacted_on"}
    assert Contact.objects.get(pk=contact.pk).person == "Director"
    assert not services.contact_update(contact=contact, person="Director")
