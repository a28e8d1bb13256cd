"""Numbers and amounts formatted for the active language (1 234,56 in French), via Babel/CLDR.

{% load numbers %}{{ value|number }}  {{ value|number:2 }}  {{ value|number:"-2" }}  {{ amount|money:"EUR" }}
"""

from decimal import Decimal

from babel.numbers import format_currency, format_decimal
from django import template

from core.numbers import babel_locale, current_language, format_number, to_decimal

register = template.Library()


@register.filter
def number(value, places=None):
    d = to_decimal(value)
    if d is None:
        return value
    if places is None:
        return format_decimal(d, locale=babel_locale(current_language()))
    places = int(places)
    if places < 0:  # like floatformat:"-2": at most 2 decimals, none for a whole number
        d = d.quantize(Decimal(1).scaleb(places))
        places = 0 if d == d.to_integral_value() else max(0, -d.normalize().as_tuple().exponent)
    return format_number(d, places=places)


@register.filter
def money(value, currency="USD"):
    d = to_decimal(value)
    if d is None:
        return value
    return format_currency(d, currency, locale=babel_locale(current_language()))
