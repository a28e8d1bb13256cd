"""Money formatting in the reader's language; amounts stay Decimal end to end."""

from decimal import Decimal

from babel.numbers import format_currency, get_currency_name, list_currencies
from django.utils import translation

# Offered first in currency pickers: the Fund's usual currencies.
COMMON_CURRENCIES = ["EUR", "USD", "CHF", "GBP", "JPY", "AUD", "CAD", "NOK", "SEK", "DKK"]


def _locale() -> str:
    return (translation.get_language() or "en").replace("-", "_")


def format_money(amount: Decimal | None, currency: str) -> str:
    if amount is None:
        return "—"
    return format_currency(amount, currency, locale=_locale())


def currency_choices() -> list[tuple[str, str]]:
    locale = _locale()

    def label(code: str) -> str:
        return f"{code} — {get_currency_name(code, locale=locale)}"

    others = sorted(c for c in list_currencies() if c not in COMMON_CURRENCIES and len(c) == 3)
    return [(c, label(c)) for c in COMMON_CURRENCIES] + [(c, label(c)) for c in others]
