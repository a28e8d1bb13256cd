from django import forms
from django.core.exceptions import ValidationError

from core.forms import add_service_errors


class AmountForm(forms.Form):
    amount = forms.CharField()


def test_field_errors_go_next_to_their_field_and_others_to_the_top():
    form = AmountForm({"amount": "900"})
    form.is_valid()
    add_service_errors(form, ValidationError({"amount": "More than the balance.", "other": "Closed."}))
    assert form.errors["amount"] == ["More than the balance."]
    assert form.non_field_errors() == ["Closed."]
    assert form["amount"].value() == "900"


def test_an_error_without_a_field_goes_to_the_top():
    form = AmountForm({"amount": "1"})
    form.is_valid()
    add_service_errors(form, ValidationError("Step out of order."))
    assert form.non_field_errors() == ["Step out of order."]
