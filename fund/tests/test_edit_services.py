"""The application edit compares with the stored row and its budget, and says when nothing changed."""

from decimal import Decimal

import pytest

from fund import services
from fund.models import Application

from .factories import application_fields, draft

pytestmark = pytest.mark.django_db


def _edit(app, **overrides):
    fields = {**application_fields(), **overrides}
    lines = [("Travel and subsistence", fields["requested_amount"])]
    return services.application_update(application=app, by=None, budget_lines=lines, **fields)


def test_an_application_edited_as_stored_writes_nothing():
    app = draft()
    history = app.history.count()
    assert not _edit(app)
    assert app.history.count() == history


def test_a_change_is_saved_and_named_even_when_already_on_the_instance():
    app = draft()
    app.title = "Revised title"
    update = _edit(app, title="Revised title")
    assert update.changed == ("title",)
    assert Application.objects.get(pk=app.pk).title == "Revised title"


def test_a_budget_change_alone_is_a_change():
    app = draft(lines=[("Travel", Decimal("600.00")), ("Venue", Decimal("400.00"))])
    update = _edit(app)
    assert update.changed == ("budget_lines",)
    assert list(app.budget_lines.values_list("description", flat=True)) == ["Travel and subsistence"]
