import pytest
from django import forms

from core.fields import ModelChoiceField, ModelMultipleChoiceField
from states.models import State
from states.tests.factories import StateFactory

pytestmark = pytest.mark.django_db


class PickForm(forms.Form):
    one = ModelChoiceField(queryset=State.objects.all())
    many = ModelMultipleChoiceField(queryset=State.objects.all())


def test_out_of_range_ids_are_an_invalid_choice_not_a_server_error():
    state = StateFactory(iso3="QQQ", iso2="QQ")
    form = PickForm({"one": "99999999999999999999999", "many": [str(state.pk), "-99999999999999999999999"]})
    assert not form.is_valid()
    assert "valid choice" in form.errors["one"][0]
    assert "not a valid value" in form.errors["many"][0]


def test_normal_ids_still_work():
    state = StateFactory(iso3="QQQ", iso2="QQ")
    form = PickForm({"one": str(state.pk), "many": [str(state.pk)]})
    assert form.is_valid(), form.errors
