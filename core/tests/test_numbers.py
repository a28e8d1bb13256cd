from decimal import Decimal

from django.utils import translation

from core.templatetags.numbers import money, number


def test_numbers_follow_the_language():
    with translation.override("fr"):
        assert number(Decimal("1234.56"), 2) == "1\u202f234,56"
        assert money(Decimal("1234.5"), "EUR") == "1\u202f234,50\xa0€"
    with translation.override("en"):
        assert number(Decimal("1234.56"), 2) == "1,234.56"
        assert money(Decimal("1234.5"), "CHF") == "CHF1,234.50"
    with translation.override("es"):
        assert number(1234567) == "1.234.567"


def test_non_numbers_are_left_alone():
    assert number("n/a") == "n/a"


def test_at_most_n_decimals_like_floatformat():
    with translation.override("es"):
        assert number(Decimal("8"), "-2") == "8"
        assert number(Decimal("12000.333333"), "-2") == "12.000,33"
        assert number(Decimal("2.50"), "-2") == "2,5"
