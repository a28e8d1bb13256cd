"""Fixed wording of the document in each of its languages (not the interface's language).

The document is printed in its own language whatever the reader's interface language is, so these
labels are chosen by the document language rather than through gettext.
"""

import datetime
import re
from dataclasses import dataclass

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
        "draft": "DRAFT",
    },
    "fr": {
        "original": "Original\u00a0: {name}",
        "agenda_item": "Point {item} de l'ordre du jour provisoire",
        "annex": "Annexe {number}",
        "chair": "présidence",
        "and": "et",
        "missing": "Traduction manquante",
        "draft": "PROJET",
    },
    "es": {
        "original": "Original: {name}",
        "agenda_item": "Tema {item} del programa provisional",
        "annex": "Anexo {number}",
        "chair": "Presidencia",
        "and": "y",
        "missing": "Falta la traducción",
        "draft": "BORRADOR",
    },
    "ar": {
        "original": "الأصل: {name}",
        "agenda_item": "البند {item} من جدول الأعمال المؤقت",
        "annex": "المرفق {number}",
        "chair": "الرئيس",
        "and": "و",
        "missing": "الترجمة غير متوفرة",
        "draft": "مسودة",
    },
    "ru": {
        "original": "Язык оригинала: {name}",
        "agenda_item": "Пункт {item} предварительной повестки дня",
        "annex": "Приложение {number}",
        "chair": "Председатель",
        "and": "и",
        "missing": "Перевод отсутствует",
        "draft": "ПРОЕКТ",
    },
    "zh": {
        "original": "原文：{name}",
        "agenda_item": "临时议程项目{item}",
        "annex": "附件{number}",
        "chair": "主席",
        "and": "和",
        "missing": "缺少译文",
        "draft": "草案",
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


# --- meetings: their names, ordinals and document symbols ---------------------------------------
#
# The Convention's formal meetings, named as in its documents. Review Conferences issue their documents
# as APLC/CONF/<year>/<k> (APLC/CONF/2024/… at Siem Reap), Meetings of the States Parties as
# APLC/MSP.<n>/<year>/<k>. The intersessional meetings issue no symbol-bearing series of their own that we
# could find; we give their documents APLC/IM/<year>/<k>, after the same pattern (our choice, not the UN's).

MSP = "msp"
REVIEW_CONFERENCE = "review_conference"
INTERSESSIONAL = "intersessional"
MEETING_KINDS = (MSP, REVIEW_CONFERENCE, INTERSESSIONAL)
# The letters of a meeting code ("21MSP", "5RC", "IM2023") and the kind of meeting they stand for.
CODE_KINDS = {"MSP": MSP, "RC": REVIEW_CONFERENCE, "REVCON": REVIEW_CONFERENCE, "IM": INTERSESSIONAL}
CODE_PATTERN = re.compile(r"^(?P<number>[0-9]{1,2})?(?P<letters>[A-Z]{2,6})(?P<year>[0-9]{4})?$")
MEETING_LANGUAGES = ("en", "fr", "es")


@dataclass(frozen=True)
class MeetingRef:
    """What the document's wording needs to know about a meeting: its kind, ordinal number and year."""

    kind: str
    number: int | None = None
    year: int | None = None


def _parse_code(code: str) -> tuple[str | None, int | None, int | None]:
    match = CODE_PATTERN.match((code or "").strip().upper())
    if not match:
        return None, None, None
    number = int(match["number"]) if match["number"] else None
    year = int(match["year"]) if match["year"] else None
    return CODE_KINDS.get(match["letters"]), number, year


def meeting_ref(meeting) -> MeetingRef:
    """A MeetingRef from a MeetingRef, a meeting code ("21MSP", "5RC", "IM2023"), a recorded meeting
    (meetings.Meeting: kind, code, start date) or a conclusions document (its meeting code and number,
    its linked meeting, its dates). An unknown kind reads as a Meeting of the States Parties."""
    if isinstance(meeting, MeetingRef):
        return meeting
    if isinstance(meeting, str):
        kind, number, year = _parse_code(meeting)
        return MeetingRef(kind or MSP, number, year)
    if hasattr(meeting, "meeting_code"):  # a conclusions document
        kind, number, year = _parse_code(meeting.meeting_code)
        linked = meeting.meeting if meeting.meeting_id else None
        if linked is not None and linked.kind in MEETING_KINDS:
            kind = linked.kind
        start = meeting.meeting_start or (linked.start_date if linked is not None else None)
        return MeetingRef(
            kind or MSP, meeting.meeting_number or number, start.year if start else (year or meeting.year)
        )
    kind, number, year = _parse_code(getattr(meeting, "code", ""))
    if getattr(meeting, "kind", None) in MEETING_KINDS:
        kind = meeting.kind
    start = getattr(meeting, "start_date", None)
    return MeetingRef(kind or MSP, number, start.year if start else year)


_EN_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_EN_CARDINAL_UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_EN_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"]
_EN_TEENS += ["seventeenth", "eighteenth", "nineteenth"]
_EN_TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

_FR_UNITS = ["", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"]
_FR_TEENS = ["dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
_FR_TENS = ["", "dix", "vingt", "trente", "quarante", "cinquante", "soixante"]

_ES_WORDS = ["", "primera", "segunda", "tercera", "cuarta", "quinta", "sexta", "séptima", "octava", "novena"]
_ES_WORDS += ["décima"]


def _english_ordinal(n: int) -> str:
    tens, units = divmod(n, 10)
    if tens == 0:
        return _EN_UNITS[units]
    if tens == 1:
        return _EN_TEENS[units]
    if units == 0:
        return _EN_TENS[tens][:-1] + "ieth"  # twenty -> twentieth
    return f"{_EN_TENS[tens]}-{_EN_UNITS[units]}"


def _french_cardinal(n: int) -> str:
    if n < 10:
        return _FR_UNITS[n]
    if n < 20:
        return _FR_TEENS[n - 10]
    tens, units = divmod(n, 10)
    if tens in (7, 9):  # soixante-dix…, quatre-vingt-dix…
        base = "soixante" if tens == 7 else "quatre-vingt"
        joiner = " et " if n == 71 else "-"
        return f"{base}{joiner}{_FR_TEENS[units]}"
    if tens == 8:
        return "quatre-vingts" if units == 0 else f"quatre-vingt-{_FR_UNITS[units]}"
    if units == 0:
        return _FR_TENS[tens]
    joiner = " et " if units == 1 else "-"
    return f"{_FR_TENS[tens]}{joiner}{_FR_UNITS[units]}"


def _french_ordinal(n: int) -> str:
    """ "première" (both Assemblée and Conférence are feminine), "cinquième", "vingt et unième"."""
    if n == 1:
        return "première"
    words = _french_cardinal(n)
    if words.endswith("quatre-vingts"):
        return words[:-1] + "ième"
    if words.endswith("cinq"):
        return words + "uième"
    if words.endswith("neuf"):
        return words[:-1] + "vième"
    if words.endswith("e"):
        return words[:-1] + "ième"
    return words + "ième"


def _spanish_ordinal(n: int) -> str:
    """The feminine ordinal in words, as the Convention's Spanish documents write the meetings ("Quinta
    Conferencia de Examen", "Vigésima Primera Reunión"); in figures beyond the words (50 on: "50ª")."""
    return ordinal(n, "es") or f"{n}ª"


def capitalise(text: str) -> str:
    """The first letter in capitals, the rest as written ("vingt et unième Assemblée" at a line's start)."""
    return text[:1].upper() + text[1:]


def meeting_ordinal(meeting, lang: str) -> str:
    """The meeting's ordinal as its name writes it in a sentence: "Twenty-first", "vingt et unième", "21ª";
    "Fifth", "cinquième", "Quinta". Empty for intersessional meetings, a meeting without a number
    (or beyond 99) and languages without these wordings."""
    ref = meeting_ref(meeting)
    n = ref.number
    if ref.kind == INTERSESSIONAL or not n or n > 99 or lang not in MEETING_LANGUAGES:
        return ""
    if lang == "fr":
        return _french_ordinal(n)
    if lang == "es":
        return _spanish_ordinal(n)
    return capitalise(_english_ordinal(n))


MEETING_NOUNS = {
    MSP: {
        "en": "Meeting of the States Parties",
        "fr": "Assemblée des États parties",
        "es": "Reunión de los Estados Partes",
    },
    REVIEW_CONFERENCE: {"en": "Review Conference", "fr": "Conférence d'examen", "es": "Conferencia de Examen"},
    INTERSESSIONAL: {
        "en": "Intersessional Meetings",
        "fr": "réunions intersessions",
        "es": "reuniones entre períodos de sesiones",
    },
}
# The short name on a document's masthead, under the body's name ("Twenty-first Meeting").
HEADER_NOUNS = {MSP: {"en": "Meeting", "fr": "Assemblée", "es": "Reunión"}}
# "… of the States Parties to the Convention …": the body's name at the top of the masthead.
CONVENTION = {
    "en": "the Convention on the Prohibition of the Use, Stockpiling, Production and Transfer of Anti-Personnel "
    "Mines and on their Destruction",
    "fr": "la Convention sur l'interdiction de l'emploi, du stockage, de la production et du transfert des mines "
    "antipersonnel et sur leur destruction",
    "es": "la Convención sobre la Prohibición del Empleo, Almacenamiento, Producción y Transferencia de Minas "
    "Antipersonal y sobre su Destrucción",
}
BODY_FORMS = {
    REVIEW_CONFERENCE: {
        "en": "{ordinal} Review Conference of the States Parties to {convention}",
        "fr": "{ordinal} Conférence d'examen des États parties à {convention}",
        "es": "{ordinal} Conferencia de Examen de los Estados Partes en {convention}",
    },
    INTERSESSIONAL: {
        "en": "Intersessional Meetings of {convention}",
        "fr": "Réunions intersessions de {convention}",
        "es": "Reuniones entre períodos de sesiones de {convention}",
    },
}


def meeting_name(meeting, lang: str) -> str:
    """The meeting's name as a sentence writes it: "Twenty-first Meeting of the States Parties",
    "vingt et unième Assemblée des États parties", "21ª Reunión de los Estados Partes"; "Fifth Review
    Conference", "cinquième Conférence d'examen", "Quinta Conferencia de Examen"; "Intersessional
    Meetings", "réunions intersessions", "reuniones entre períodos de sesiones". Without its article;
    `capitalise()` it at the start of a line. Empty for a language without these wordings."""
    ref = meeting_ref(meeting)
    noun = MEETING_NOUNS[ref.kind].get(lang)
    if noun is None:
        return ""
    ordinal = meeting_ordinal(ref, lang)
    return f"{ordinal} {noun}" if ordinal else noun


def meeting_header_name(meeting, lang: str) -> str:
    """The meeting line of the masthead: "Twenty-first Meeting", "Vingt et unième Assemblée", "21ª Reunión".
    Empty for a Review Conference or intersessional meetings, whose name is the body's name itself."""
    ref = meeting_ref(meeting)
    noun = HEADER_NOUNS.get(ref.kind, {}).get(lang)
    ordinal = meeting_ordinal(ref, lang)
    if not noun or not ordinal:
        return ""
    return capitalise(f"{ordinal} {noun}")


def body_name(meeting, lang: str) -> str:
    """The body at the top of the masthead: "Meeting of the States Parties to the Convention …", "Fifth
    Review Conference of the States Parties to the Convention …", "Intersessional Meetings of the Convention …"."""
    ref = meeting_ref(meeting)
    form = BODY_FORMS.get(ref.kind, {}).get(lang)
    if form is None:
        return BODY.get(lang, "")
    ordinal = meeting_ordinal(ref, lang)
    if ref.kind == REVIEW_CONFERENCE and not ordinal:
        form = form.replace("{ordinal} ", "")
    return capitalise(form.format(ordinal=ordinal, convention=CONVENTION[lang]))


def document_symbol(meeting, number: int | str, *, year: int | None = None) -> str:
    """The symbol of the meeting's document number `number`: APLC/MSP.21/2023/7, APLC/CONF/2024/7,
    APLC/IM/2023/7 (see above). `year` defaults to the meeting's year."""
    ref = meeting_ref(meeting)
    year = year or ref.year
    if year is None:
        raise ValueError(f"the year of {meeting!r} is unknown")
    if ref.kind == MSP and not ref.number:
        raise ValueError(f"the number of {meeting!r} is unknown")
    if ref.kind == REVIEW_CONFERENCE:
        return f"APLC/CONF/{year}/{number}"
    if ref.kind == INTERSESSIONAL:
        return f"APLC/IM/{year}/{number}"
    return f"APLC/MSP.{ref.number}/{year}/{number}"


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
    """ "20-24 November 2023" (in Spanish "20 a 24 de noviembre de 2023") as in a document's header (same
    month), or a full range otherwise."""
    if start is None:
        return ""
    if end is None or end == start:
        return document_date(start, language)
    if (start.year, start.month) == (end.year, end.month) and language in ("en", "fr"):
        return f"{start.day}-{document_date(end, language)}"
    if (start.year, start.month) == (end.year, end.month) and language == "es":
        return f"{start.day} a {document_date(end, language)}"  # "20 a 24 de noviembre de 2023"
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
SENTENCE_NOUNS = {
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
    nouns = SENTENCE_NOUNS.get(kind, {}).get(language)
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
