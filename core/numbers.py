"""Numbers as people type and read them, in the reader's language (Babel/CLDR).

`parse_number` reads what was typed with the separators of one language (12,000.50 in English,
12 000,50 in French, 12.000,50 in Spanish) and refuses what that language cannot read for sure,
saying how the input would be read and what to type instead. `format_number` writes a number back
the same way. `PLAIN` is the machine format of old drafts and prefilled values: digits and a point.
"""

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from babel import Locale
from babel.lists import format_list
from babel.numbers import NumberFormatError, format_decimal, get_decimal_symbol, get_group_symbol, parse_decimal
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

PLAIN = "plain"
SPACES = " \u00a0\u202f\u2009\u2007"  # space, no-break space, narrow no-break space (French CLDR), thin, figure
MINUS_SIGNS = "-\u2212"


class NumberInputError(ValueError):
    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


def current_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]


def babel_locale(lang: str) -> str:
    return (lang or settings.LANGUAGE_CODE).replace("-", "_")


@dataclass(frozen=True)
class Signs:
    group: str
    decimal: str


def signs(lang: str) -> Signs:
    if lang == PLAIN:
        return Signs(group=" ", decimal=".")
    loc = babel_locale(lang)
    return Signs(group=get_group_symbol(loc), decimal=get_decimal_symbol(loc))


def _pattern(group: str, decimal: str) -> re.Pattern:
    g, d = re.escape(group), re.escape(decimal)
    whole = rf"(?:\d{{1,3}}(?:{g}\d{{3}})+|\d+)"
    return re.compile(rf"(?:{whole}(?:{d}\d+)?|{d}\d+)", re.ASCII)


def _plain_value(text: str, group: str, decimal: str) -> Decimal:
    return Decimal(text.replace(group, "").replace(decimal, "."))


# The two ways people write numbers, whatever the page's language: a decimal point with commas or
# spaces between thousands, or a decimal comma with points or spaces between thousands.
CONVENTIONS = (Signs(group=",", decimal="."), Signs(group=".", decimal=","))


def _readings(body: str) -> list[Decimal]:
    """Every value `body` (unsigned, spaces not yet replaced) has in one of the two conventions."""
    values = []
    for conv in CONVENTIONS:
        text = re.sub(f"[{SPACES}]", conv.group, body)
        if _pattern(conv.group, conv.decimal).fullmatch(text):
            value = _plain_value(text, conv.group, conv.decimal)
            if value not in values:
                values.append(value)
    return values


def _fits(value: Decimal, places: int) -> bool:
    return value == value.quantize(Decimal(1).scaleb(-places))


def _normal(value: Decimal) -> Decimal:
    """12.000 -> 12, 12.50 -> 12.5 (to show a reading without its trailing zeros)."""
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def format_number(value, *, lang: str | None = None, places: int | None = None, grouping: bool = True) -> str:
    """A number for the reader: 12,000.50 / 12 000,50 / 12.000,50; `places=None` keeps the value's own."""
    if value is None or value == "":
        return ""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    lang = lang or current_language()
    if places is None:
        exponent = number.as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    if lang == PLAIN:
        return f"{number:.{places}f}"
    fmt = ("#,##0" if grouping else "0") + ("." + "0" * places if places else "")
    return format_decimal(
        number, format=fmt, locale=babel_locale(lang), decimal_quantization=True, group_separator=True
    )


def language_name(lang: str) -> str:
    return Locale.parse(babel_locale(lang)).get_display_name(babel_locale(current_language())) or lang


def _or_list(items: list[str]) -> str:
    return format_list(items, style="or", locale=babel_locale(current_language()))


def parse_number(
    text,
    *,
    lang: str | None = None,
    places: int = 0,
    grouping: bool = True,
) -> Decimal | None:
    """The value of `text` typed in `lang` (default: the active language), or None when empty.

    Raises NumberInputError with a message for the reader when the text is not a number in `lang`,
    or could be meant another way (a decimal sign in a whole number, more decimals than `places`).
    Suggestions are written in the active language, the one the reader types in now.
    """
    typed = str(text if text is not None else "").strip()
    if not typed:
        return None
    lang = lang or current_language()
    own = signs(lang)
    show = current_language()
    body, sign = typed, ""
    if body[0] in MINUS_SIGNS + "+":
        sign, body = ("-" if body[0] in MINUS_SIGNS else ""), body[1:]

    if not grouping:
        if re.fullmatch(r"[0-9]+", body):
            return _check_places(Decimal(sign + body), typed, body, own, lang, places, show)
        example = "2023" if places == 0 else format_number(Decimal("12.5"), lang=show, grouping=False)
        raise NumberInputError(
            _("Type digits only, without separators, for example %(example)s.") % {"example": example}, "no_grouping"
        )

    local_text = re.sub(f"[{SPACES}]", own.group, body)
    if _pattern(own.group, own.decimal).fullmatch(local_text):
        if lang == PLAIN:
            value = _plain_value(local_text, own.group, own.decimal)
        else:
            try:
                value = parse_decimal(local_text, locale=babel_locale(lang), strict=True)
            except NumberFormatError:
                value = _plain_value(local_text, own.group, own.decimal)
        return _check_places(-value if sign else value, typed, local_text, own, lang, places, show)

    # Not a number as `lang` writes it: say how it would be read, and what to type instead.
    readings = _readings(body)
    read = None
    uses_own_signs = all(c in "0123456789" or c in (own.group, own.decimal) for c in local_text)
    if uses_own_signs and lang != PLAIN:
        try:
            read = parse_decimal(local_text, locale=babel_locale(lang), strict=False)
        except NumberFormatError:
            read = None
    choices: list[Decimal] = []
    for v in readings + ([read] if read is not None else []):
        if _fits(v, places) and v not in choices:
            choices.append(v)
    choices = [-v if sign else v for v in choices]
    if read is not None:
        first = _read_as(typed, -read if sign else read, lang, show)
    elif readings and lang == PLAIN:
        first = _("“%(typed)s” was saved in an earlier format that can be read more than one way.") % {"typed": typed}
    elif readings:
        first = _("“%(typed)s” is not how numbers are written in %(language)s.") % {
            "typed": typed,
            "language": language_name(lang),
        }
    else:
        raise NumberInputError(
            _("Type a number, for example %(example)s.") % {"example": _example(places, show)}, "invalid"
        )
    raise NumberInputError(f"{first} {_what_to_type(choices, places, show)}", "ambiguous")


def _read_as(typed: str, value: Decimal, lang: str, show: str) -> str:
    read = format_number(_normal(value), lang=show)
    if lang == PLAIN:
        return _("“%(typed)s” would be read as %(read)s.") % {"typed": typed, "read": read}
    return _("“%(typed)s” would be read as %(read)s in %(language)s.") % {
        "typed": typed,
        "read": read,
        "language": language_name(lang),
    }


def _example(places: int, lang: str) -> str:
    return format_number(Decimal("12000.5") if places else Decimal(12000), lang=lang, places=places and 2)


def _what_to_type(choices: list[Decimal], places: int, show: str) -> str:
    shown = [format_number(_normal(c), lang=show) for c in choices]
    if len(shown) >= 2:
        return _("Type %(choices)s, whichever you mean.") % {"choices": _or_list(shown)}
    if shown:
        return _("Type %(choice)s if that is what you mean.") % {"choice": shown[0]}
    if places == 0:
        return _("Type a whole number.")
    return ngettext("Type at most %(places)s decimal place.", "Type at most %(places)s decimal places.", places) % {
        "places": places
    }


def _check_places(value: Decimal, typed: str, local_text: str, own: Signs, lang: str, places: int, show: str):
    """A value read in `lang` that has more decimals than the field takes is refused, not rounded:
    "12.000" in a whole-number field is 12 in English but twelve thousand to many readers."""
    if own.decimal not in local_text:
        return value
    fraction = local_text.split(own.decimal, 1)[1]
    if places and len(fraction) <= places:
        return value
    sign = value < 0
    unique: list[Decimal] = []
    for v in [abs(value)] + _readings(local_text.lstrip("-")):
        if _fits(v, places) and v not in unique:
            unique.append(v)
    if len(fraction) == 3 or unique:
        first = _read_as(typed, value, lang, show)
        unique = [-v if sign else v for v in unique]
        raise NumberInputError(f"{first} {_what_to_type(unique, places, show)}", "ambiguous")
    raise NumberInputError(_what_to_type([], places, show), "places")


def to_decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        return None
