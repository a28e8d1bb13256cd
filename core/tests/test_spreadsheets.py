"""CSV downloads follow the reader's spreadsheet: list separator, decimal sign, BOM, safe cells."""

import csv
import io
from decimal import Decimal

import pytest
from django.utils import translation

from core.spreadsheets import csv_bytes, csv_conventions

ROWS = [["Chairland", Decimal("1234.56"), 7, -5, "=HYPERLINK(1)", 0.5]]


def _read(data: bytes, delimiter: str) -> list[list[str]]:
    assert data.startswith("\ufeff".encode())  # the BOM that makes Excel read UTF-8
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=delimiter))


@pytest.mark.parametrize("language", ["fr", "es"])
def test_french_and_spanish_downloads_split_on_semicolons_with_decimal_commas(language):
    with translation.override(language):
        data = csv_bytes(["State", "Amount", "Count", "Change", "Note", "Share"], ROWS)
    text = data.decode("utf-8-sig")
    assert text.splitlines()[0] == "State;Amount;Count;Change;Note;Share"
    assert _read(data, ";")[1] == ["Chairland", "1234,56", "7", "-5", "'=HYPERLINK(1)", "0,5"]


def test_english_downloads_split_on_commas_with_decimal_points():
    with translation.override("en"):
        data = csv_bytes(["State", "Amount", "Count", "Change", "Note", "Share"], ROWS)
    assert data.decode("utf-8-sig").splitlines()[0] == "State,Amount,Count,Change,Note,Share"
    assert _read(data, ",")[1] == ["Chairland", "1234.56", "7", "-5", "'=HYPERLINK(1)", "0.5"]


def test_a_text_with_the_separator_is_quoted_not_split():
    with translation.override("fr"):
        data = csv_bytes(["a", "b"], [["Clearance; Victim assistance", "x"]])
    assert _read(data, ";")[1] == ["Clearance; Victim assistance", "x"]


def test_large_numbers_have_no_grouping_and_no_exponent():
    with translation.override("fr"):
        data = csv_bytes(["n"], [[Decimal("1E+6")], [Decimal("12345678.90")]])
    assert [r[0] for r in _read(data, ";")[1:]] == ["1000000", "12345678,90"]


def test_conventions_come_from_the_language_decimal_sign():
    assert csv_conventions("en") == (",", ".")
    assert csv_conventions("fr") == (";", ",")
    assert csv_conventions("es") == (";", ",")
    assert csv_conventions("de") == (";", ",")  # any language whose decimal sign is a comma
