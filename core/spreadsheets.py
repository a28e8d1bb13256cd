"""What every CSV and XLSX download shares: cells a spreadsheet will not run, and CSV bytes Excel reads."""

import csv
import io
from collections.abc import Iterable
from decimal import Decimal

from babel import Locale, UnknownLocaleError
from babel.numbers import get_decimal_symbol
from django.utils import translation

# A spreadsheet program runs a cell starting with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """The value, with a text that would start a formula prefixed by an apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def _locale(language: str | None) -> Locale:
    try:
        return Locale.parse(translation.to_locale(language or translation.get_language() or "en"))
    except (UnknownLocaleError, ValueError):
        return Locale.parse("en")


def csv_conventions(language: str | None = None) -> tuple[str, str]:
    """(list separator, decimal sign) a spreadsheet of that language (default: the active one) expects.

    CLDR has no CSV list separator; Excel takes the system's, which is ";" where the decimal sign is
    a comma (fr, es, de...) and "," elsewhere. The decimal sign comes from CLDR through Babel.
    """
    decimal = get_decimal_symbol(_locale(language))
    return (";" if decimal == "," else ","), decimal


def _number(value, decimal: str) -> str:
    """A number as the reader's spreadsheet reads it: no grouping, the reader's decimal sign."""
    text = str(value) if isinstance(value, int) else format(Decimal(str(value)), "f")
    return text.replace(".", decimal)


def _cell(value, decimal: str):
    if isinstance(value, bool):
        return value
    if isinstance(value, (int, float, Decimal)):
        return _number(value, decimal)
    return safe_cell(value)


def csv_bytes(header: Iterable, rows: Iterable[Iterable], *, language: str | None = None) -> bytes:
    """UTF-8 CSV with a BOM (so that Excel reads UTF-8), in the reader's list separator and decimal sign.

    Every text cell is made safe; numbers are written so the reader's spreadsheet reads numbers
    (1234,56 in French and Spanish, 1234.56 in English). Machine interfaces with fixed columns (the
    compliance report) do not use this: they stay comma-separated ASCII.
    """
    delimiter, decimal = csv_conventions(language)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow([safe_cell(str(c)) for c in header])
    for row in rows:
        writer.writerow([_cell(v, decimal) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
