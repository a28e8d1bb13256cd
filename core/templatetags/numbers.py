"""Numbers and amounts formatted for the active language (1 234,56 in French), via Babel/CLDR.

{% load numbers %}{{ value|number }}  {{ value|number:2 }}  {{ amount|money:"EUR" }}
"""

from decimal import Decimal, InvalidOperation

from babel.numbers import format_currency, format_decimal
from django import template
from django.utils import translation

register = template.Library()


def _locale() -> str:
    return (translation.get_language() or "en").replace("-", "_")


def _decimal(value):
    try:
        return Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        return None


@register.filter
def number(value, places=None):
    d = _decimal(value)
    if d is None:
        return value
    if places is None:
        return format_decimal(d, locale=_locale())
    fmt = "#,##0" + ("." + "0" * int(places) if int(places) else "")
    return format_decimal(d, format=fmt, locale=_locale())


@register.filter
def money(value, currency="USD"):
    d = _decimal(value)
    if d is None:
        return value
    return format_currency(d, currency, locale=_locale())
