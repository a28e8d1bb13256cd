"""core.services: what changed is decided against the stored row, not against the object in hand."""

import pytest

from core.services import Update, apply_changes, set_related, stored_changes
from states.models import State
from states.tests.factories import StateFactory
from workplan.models import OsloAction
from workplan.tests.factories import WorkplanItemFactory

pytestmark = pytest.mark.django_db(transaction=False)


def test_a_value_already_copied_onto_the_object_still_counts_as_a_change():
    state = StateFactory(iso3="AAA", iso2="AA", name_en="Aland")
    state.name_en = "Aland A"  # what ModelForm(instance=state).is_valid() does
    assert stored_changes(state, {"name_en": "Aland A", "iso3": "AAA"}) == ["name_en"]


def test_apply_changes_sets_the_values_and_names_only_those_that_differ():
    state = StateFactory(iso3="AAA", iso2="AA", name_en="Aland")
    assert apply_changes(state, {"name_en": "Aland A", "iso2": "AA"}) == ["name_en"]
    assert state.name_en == "Aland A"
    assert State.objects.get(pk=state.pk).name_en == "Aland"  # nothing saved


def test_set_related_writes_only_a_different_set():
    item = WorkplanItemFactory()
    actions = list(OsloAction.objects.filter(number__in=[45, 47]))
    assert set_related(item, "actions", actions) is True
    assert set_related(item, "actions", reversed(actions)) is False
    assert set_related(item, "actions", None) is False
    assert sorted(item.actions.values_list("number", flat=True)) == [45, 47]


def test_an_update_is_true_only_when_something_changed():
    assert not Update(object())
    assert Update(object(), ("name_en",))
