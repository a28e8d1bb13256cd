"""Fixed wording of the document in each of its languages (not the interface's language).

The document is printed in its own language whatever the reader's interface language is, so these
labels are chosen by the document language rather than through gettext.
"""

import datetime

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
