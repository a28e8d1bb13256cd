"""Fixed wording of the document in each of its languages (not the interface's language).

The document is printed in its own language whatever the reader's interface language is, so these
labels are chosen by the document language rather than through gettext.
"""

import datetime
import re

from babel import Locale
from babel.dates import format_date

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "original": "Original: {name}",
        "agenda_item": "Item {item} of the provisional agenda",
        "annex": "Annex {number}",
        "chair": "Chair",
        "and": "and",
        "missing": "Translation missing",
    },
    "fr": {
        "original": "Original : {name}",
        "agenda_item": "Point {item} de l'ordre du jour provisoire",
        "annex": "Annexe {number}",
        "chair": "présidence",
        "and": "et",
        "missing": "Traduction manquante",
    },
    "es": {
        "original": "Original: {name}",
        "agenda_item": "Tema {item} del programa provisional",
        "annex": "Anexo {number}",
        "chair": "Presidencia",
        "and": "y",
        "missing": "Falta la traducción",
    },
    "ar": {
        "original": "الأصل: {name}",
        "agenda_item": "البند {item} من جدول الأعمال المؤقت",
        "annex": "المرفق {number}",
        "chair": "الرئيس",
        "and": "و",
        "missing": "الترجمة غير متوفرة",
    },
    "ru": {
        "original": "Язык оригинала: {name}",
        "agenda_item": "Пункт {item} предварительной повестки дня",
        "annex": "Приложение {number}",
        "chair": "Председатель",
        "and": "и",
        "missing": "Перевод отсутствует",
    },
    "zh": {
        "original": "原文：{name}",
        "agenda_item": "临时议程项目{item}",
        "annex": "附件{number}",
        "chair": "主席",
        "and": "和",
        "missing": "缺少译文",
    },
}

# The body's name, as printed at the top of every document of the Meeting of the States Parties.
BODY = {
    "en": "Meeting of the States Parties to the Convention on the Prohibition of the Use, Stockpiling, "
    "Production and Transfer of Anti-Personnel Mines and on their Destruction",
    "fr": "Assemblée des États parties à la Convention sur l'interdiction de l'emploi, du stockage, "
    "de la production et du transfert des mines antipersonnel et sur leur destruction",
    "es": "Reunión de los Estados Partes en la Convención sobre la Prohibición del Empleo, Almacenamiento, "
    "Producción y Transferencia de Minas Antipersonal y sobre su Destrucción",
}

RTL_LANGUAGES = {"ar"}


def label(language: str, key: str, **kwargs) -> str:
    text = LABELS.get(language, LABELS["en"])[key]
    return text.format(**kwargs) if kwargs else text


def language_name(code: str, in_language: str) -> str:
    """The name of a language as written in another, e.g. ("en", "fr") -> "anglais"."""
    return Locale.parse(code).get_display_name(in_language) or code


def language_self_name(code: str) -> str:
    """A language's own name, capitalised as on a document's header: "Français", "English"."""
    name = language_name(code, code)
    return name[:1].upper() + name[1:]


def document_date(value: datetime.date | None, language: str) -> str:
    """The issue date as UN documents write it: "22 September 2023", "22 septembre 2023"."""
    if value is None:
        return ""
    if language in ("en", "fr"):
        return format_date(value, "d MMMM y", locale=language)
    return format_date(value, "long", locale=language)


def date_range(start: datetime.date | None, end: datetime.date | None, language: str) -> str:
    """ "20-24 November 2023" as in a document's header (same month), or a full range otherwise."""
    if start is None:
        return ""
    if end is None or end == start:
        return document_date(start, language)
    if (start.year, start.month) == (end.year, end.month) and language in ("en", "fr", "es"):
        return f"{start.day}-{document_date(end, language)}"
    return f"{document_date(start, language)}-{document_date(end, language)}"


ROMAN = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL")]
ROMAN += [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def roman(number: int) -> str:
    out = []
    for value, letters in ROMAN:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)


# --- meeting names inside a sentence (minimal: the document helper extends names, ordinals and symbols) -----

_ORDINALS = {
    "en": {
        "units": ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"],
        "teens": ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"]
        + ["seventeenth", "eighteenth", "nineteenth"],
        "tens": {2: ("twenty", "twentieth"), 3: ("thirty", "thirtieth"), 4: ("forty", "fortieth")},
    },
    "fr": {
        "units": ["", "unième", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième"]
        + ["huitième", "neuvième"],
        "teens": ["dixième", "onzième", "douzième", "treizième", "quatorzième", "quinzième", "seizième"]
        + ["dix-septième", "dix-huitième", "dix-neuvième"],
        "tens": {2: ("vingt", "vingtième"), 3: ("trente", "trentième"), 4: ("quarante", "quarantième")},
    },
    "es": {  # feminine: "Reunión" and "Conferencia" are
        "units": ["", "Primera", "Segunda", "Tercera", "Cuarta", "Quinta", "Sexta", "Séptima", "Octava", "Novena"],
        "teens": ["Décima", "Undécima", "Duodécima", "Decimotercera", "Decimocuarta", "Decimoquinta"]
        + ["Decimosexta", "Decimoséptima", "Decimoctava", "Decimonovena"],
        "tens": {2: "Vigésima", 3: "Trigésima", 4: "Cuadragésima"},
    },
}


def ordinal(number: int, language: str) -> str:
    """Ordinal words for meeting numbers 1-49, capitalised as in a header: "Twenty-first", "Vingt et
    unième", "Vigésima Primera" (Spanish feminine, as for "Reunión"). Other languages: "" (no words)."""
    if language not in _ORDINALS or not 0 < number < 50:
        return ""
    words = _ORDINALS[language]
    tens, units = divmod(number, 10)
    if language == "es":
        if tens == 0:
            return words["units"][units]
        if tens == 1:
            return words["teens"][units]
        return words["tens"][tens] + (f" {words['units'][units]}" if units else "")
    if language == "fr" and number == 1:
        word = "première"
    elif tens == 0:
        word = words["units"][units]
    elif tens == 1:
        word = words["teens"][units]
    elif units == 0:
        word = words["tens"][tens][1]
    elif language == "fr" and units == 1:
        word = f"{words['tens'][tens][0]} et unième"
    else:
        word = f"{words['tens'][tens][0]}-{words['units'][units]}"
    return word[:1].upper() + word[1:]


# The noun of each numbered or recurring meeting, in a sentence: (full, short) where the short form is the
# one a second mention may use ("la vingt et unième Assemblée").
MEETING_NOUNS = {
    "msp": {
        "en": ("Meeting of the States Parties", "Meeting of the States Parties"),
        "fr": ("Assemblée des États parties", "Assemblée"),
        "es": ("Reunión de los Estados Partes", "Reunión de los Estados Partes"),
    },
    "review_conference": {
        "en": ("Review Conference", "Review Conference"),
        "fr": ("Conférence d'examen", "Conférence d'examen"),
        "es": ("Conferencia de Examen", "Conferencia de Examen"),
    },
    "intersessional": {
        "en": ("intersessional meetings", "intersessional meetings"),
        "fr": ("réunions intersessions", "réunions intersessions"),
        "es": ("Reuniones entre períodos de sesiones", "Reuniones entre períodos de sesiones"),
    },
}
# Definite articles by language: (singular feminine, plural feminine); English has one.
_ARTICLES = {"en": ("the", "the"), "fr": ("la", "les"), "es": ("la", "las")}

MEETING_CODE = re.compile(r"^(\d{1,2})(MSP|RC)$", re.IGNORECASE)


def meeting_number(code: str) -> int | None:
    """The number in a Convention meeting code: "21MSP" -> 21, "5RC" -> 5; None otherwise."""
    match = MEETING_CODE.match(code or "")
    return int(match.group(1)) if match else None


def meeting_in_text(kind: str, number: int | None, language: str, *, short: bool = False) -> str:
    """A Meeting of the States Parties, a Review Conference or the intersessional meetings named inside a
    sentence, with the definite article: "the Twenty-first Meeting of the States Parties", "la vingt et unième
    Assemblée des États parties", "la Quinta Conferencia de Examen", "les réunions intersessions".
    "" for another kind or language, or a numbered kind without its number (the caller then uses the title)."""
    nouns = MEETING_NOUNS.get(kind, {}).get(language)
    if nouns is None:
        return ""
    noun = nouns[1] if short else nouns[0]
    singular, plural = _ARTICLES[language]
    if kind == "intersessional":
        return f"{plural} {noun}"
    words = ordinal(number or 0, language)
    if not words:
        return ""
    if language == "fr":
        words = words[:1].lower() + words[1:]
    return f"{singular} {words} {noun}"
