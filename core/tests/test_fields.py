"""NumberField: numbers as people type them in English, French and Spanish."""

from decimal import Decimal

import pytest
from django import forms
from django.utils import translation

from core.fields import NumberField, ordinal_field, year_field
from core.numbers import PLAIN

NBSP, NNBSP = "\u00a0", "\u202f"


class Figures(forms.Form):
    count = NumberField(label="Count", min_value=0, required=False)
    amount = NumberField(label="Amount", min_value=0, max_digits=18, decimal_places=2, required=False)
    delta = NumberField(label="Delta", decimal_places=2, required=False)
    year = year_field("Year", required=False)
    number = ordinal_field("Meeting number", required=False)
    capped = NumberField(label="Meetings", min_value=0, max_value=365, required=False)
    needed = NumberField(label="Needed")


def clean(lang: str, **data):
    with translation.override(lang):
        form = Figures({"needed": "1", **data})
        valid = form.is_valid()
        return form.cleaned_data if valid else {k: " ".join(v) for k, v in form.errors.items()}


# --- what each language reads ------------------------------------------------------------------

ACCEPTED = [
    ("en", "count", "12,000", 12000),
    ("en", "count", "12 000", 12000),
    ("en", "count", f"12{NBSP}000", 12000),
    ("en", "count", f"12{NNBSP}000", 12000),
    ("en", "count", "12000", 12000),
    ("en", "amount", "12,000.50", Decimal("12000.50")),
    ("en", "amount", "1.5", Decimal("1.5")),
    ("fr", "count", "12 000", 12000),
    ("fr", "count", f"12{NBSP}000", 12000),
    ("fr", "count", f"12{NNBSP}000", 12000),
    ("fr", "amount", "12 000,50", Decimal("12000.50")),
    ("fr", "amount", f"12{NBSP}000,50", Decimal("12000.50")),
    ("fr", "amount", f"12{NNBSP}000,50", Decimal("12000.50")),
    ("fr", "amount", "1,5", Decimal("1.5")),
    ("es", "count", "12.000", 12000),
    ("es", "count", "12 000", 12000),
    ("es", "count", f"12{NBSP}000", 12000),
    ("es", "count", f"12{NNBSP}000", 12000),
    ("es", "count", "1.234.567", 1234567),
    ("es", "amount", "12.000,50", Decimal("12000.50")),
    ("es", "amount", "12 000,50", Decimal("12000.50")),
    ("es", "amount", "0,5", Decimal("0.5")),
    ("en", "delta", "-12.5", Decimal("-12.5")),
    ("es", "delta", "-1.250,75", Decimal("-1250.75")),
    ("fr", "delta", "\u22123,5", Decimal("-3.5")),
    ("en", "year", "2023", 2023),
    ("es", "number", "21", 21),
]


@pytest.mark.parametrize(("lang", "name", "typed", "value"), ACCEPTED)
def test_each_language_reads_its_own_separators(lang, name, typed, value):
    result = clean(lang, **{name: typed})
    assert result[name] == value
    assert type(result[name]) is type(value)


def test_empty_is_none_and_required_is_said():
    assert clean("en", count="", amount="  ")["count"] is None
    assert clean("en", amount="  ")["amount"] is None
    with translation.override("en"):
        form = Figures({"needed": ""})
        assert not form.is_valid()
        assert form.errors["needed"] == ["This field is required."]


# --- what could be misread is refused, saying how it would be read -------------------------------


def test_twelve_dot_zero_zero_zero_in_english_is_refused_for_a_count_with_both_readings():
    error = clean("en", count="12.000")["count"]
    assert error == "“12.000” would be read as 12 in English. Type 12 or 12,000, whichever you mean."


def test_one_comma_five_in_english_is_refused_showing_it_would_read_fifteen():
    error = clean("en", amount="1,5")["amount"]
    assert "“1,5” would be read as 15 in English." in error
    assert "1.5" in error


def test_twelve_comma_zero_zero_zero_in_spanish_is_refused_for_a_count():
    error = clean("es", count="12,000")["count"]
    assert "12,000" in error and "12 o 12.000" in error  # the page's language (Spanish) says it


def test_a_point_in_french_is_refused_and_the_french_ways_are_offered():
    error = clean("fr", count="12.000")["count"]
    assert "12.000" in error and f"12{NNBSP}000" in error and "12 ou" in error
    error = clean("fr", amount="1.5")["amount"]
    assert "1,5" in error


def test_english_grouping_on_a_spanish_page_is_refused():
    error = clean("es", amount="12,000.50")["amount"]
    assert "12,000.50" in error and "12.000,5" in error


def test_a_whole_number_field_refuses_decimals_instead_of_truncating():
    assert "whole number" in clean("en", count="12.5")["count"]
    assert "nombre entier" in clean("fr", count="12,5")["count"]  # in the page's language


def test_decimals_beyond_the_field_are_refused_not_rounded():
    assert clean("en", amount="12.3456")["amount"] == "Type at most 2 decimal places."
    error = clean("en", amount="12.345")["amount"]  # three decimals: perhaps twelve thousand three hundred
    assert "“12.345” would be read as 12.345 in English" in error and "12,345" in error


def test_wrong_group_sizes_and_other_text_are_refused():
    assert "12,345" in clean("en", count="1,2345")["count"]
    assert "Type a number, for example 12,000" in clean("en", count="twelve")["count"]
    assert "Type a number" in clean("en", count="1e5")["count"]
    assert "Escriba un número" in clean("es", amount="12,5 €")["amount"]


def test_a_year_is_never_grouped():
    digits_only = {"en": "Type digits only", "fr": "Saisissez uniquement des chiffres", "es": "Escriba solo cifras"}
    for lang, typed in [("es", "2.023"), ("en", "2,023"), ("en", "2.023"), ("fr", "2 023")]:
        error = clean(lang, year=typed)["year"]
        assert error.startswith(digits_only[lang]), (lang, typed, error)
    assert clean("es", number="2.023")["number"].startswith(digits_only["es"])


# --- limits ----------------------------------------------------------------------------------------


def test_min_and_max_are_shown_the_readers_way():
    assert clean("en", count="-1")["count"] == "Type a number of at least 0."
    assert clean("en", capped="366")["capped"] == "Type a number from 0 to 365."
    assert clean("en", year="1998")["year"] == "Type a number from 1999 to 2100."
    with translation.override("fr"):
        form = Figures({"needed": "1", "amount": "1"})
        form.fields["amount"].min_value = Decimal("1500.5")
        assert not form.is_valid()
        assert f"1{NNBSP}500,5" in form.errors["amount"][0]


def test_too_many_digits_are_refused():
    assert "16 digits" in clean("en", amount="12345678901234567")["amount"]
    assert "18 digits" in clean("en", count="1" * 19)["count"]


# --- shown back the reader's way ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "count", "amount"),
    [("en", "12,000", "12,000.50"), ("fr", f"12{NNBSP}000", f"12{NNBSP}000,50"), ("es", "12.000", "12.000,50")],
)
def test_initial_values_are_written_the_readers_way_in_a_text_input(lang, count, amount):
    with translation.override(lang):
        form = Figures(initial={"count": 12000, "amount": Decimal("12000.50"), "year": 2023})
        count_html, amount_html, year_html = str(form["count"]), str(form["amount"]), str(form["year"])
    assert f'value="{count}"' in count_html and 'type="text"' in count_html and 'inputmode="numeric"' in count_html
    assert f'value="{amount}"' in amount_html and 'inputmode="decimal"' in amount_html
    assert 'value="2023"' in year_html


def test_what_was_typed_is_shown_back_as_typed_with_the_error():
    with translation.override("en"):
        form = Figures({"needed": "1", "count": "12.000"})
        assert not form.is_valid()
        assert 'value="12.000"' in str(form["count"])


# --- text typed in another language (drafts) ---------------------------------------------------------


def test_a_draft_typed_in_spanish_is_read_with_spanish_rules_on_an_english_page():
    with translation.override("en"):
        form = Figures({"needed": "1", "count": "12.000", "amount": "1.250,5"})
        for field in form.fields.values():
            field.locale = "es"
        assert form.is_valid(), form.errors
        assert form.cleaned_data["count"] == 12000 and form.cleaned_data["amount"] == Decimal("1250.5")
        assert 'value="12,000"' in str(form["count"])  # shown the English reader's way
        assert 'value="1,250.5"' in str(form["amount"])


def test_plain_digits_of_older_drafts_still_read_right_and_a_dotted_count_is_not_guessed():
    with translation.override("es"):
        form = Figures({"needed": "1", "count": "12000", "amount": "12000.50"})
        for field in form.fields.values():
            field.locale = PLAIN
        assert form.is_valid(), form.errors
        assert form.cleaned_data["count"] == 12000 and form.cleaned_data["amount"] == Decimal("12000.50")
        assert 'value="12.000,50"' in str(form["amount"])
        form = Figures({"needed": "1", "count": "12.000"})
        form.fields["count"].locale = PLAIN
        assert not form.is_valid()
        assert "12.000" in form.errors["count"][0]


def test_a_decimal_given_to_a_whole_number_field_is_refused_not_truncated():
    field = NumberField()
    with pytest.raises(forms.ValidationError):
        field.clean(Decimal("12.7"))
    assert field.clean(Decimal("12")) == 12
