"""The sentences of the conclusions, in English, French and Spanish, and the grammar they need.

`TEMPLATES[name][language]` is a sentence (or a piece of one) with `{slots}`; `conclusions.generate`
fills the slots from the records (dates, States, a meeting's purpose typed in each language...). To
change how the document says something, change it here: every committee's document follows.

The helpers below write what a slot needs in each language: dates ("1^{er} mai 2023", "1 de mayo de
2023"), lists ("A, B et C"), the French and Spanish contractions ("de les" → "des", "a el" → "al"),
French elision ("de améliorer" → "d'améliorer").
"""

import datetime
import re

from babel.dates import format_date

from . import labels

LANGUAGES = ("en", "fr", "es")  # the languages the templates are written in

TEMPLATES: dict[str, dict[str, str]] = {
    # ¶ the committee's own meetings
    "meeting.first": {
        "en": "The Committee met for the first time on {date}{purpose}.",
        "fr": "Le Comité s'est réuni une première fois le {date}{purpose}.",
        "es": "El Comité se reunió por primera vez el {date}{purpose}.",
    },
    "meeting.again": {
        "en": "The Committee met again on {date}{purpose}.",
        "fr": "Le Comité s'est de nouveau réuni le {date}{purpose}.",
        "es": "El Comité volvió a reunirse el {date}{purpose}.",
    },
    "meeting.purpose": {"en": " to {clauses}", "fr": " pour {clauses}", "es": " para {clauses}"},
    # ¶ a series of bilateral meetings
    "bilaterals": {
        "en": "{period}, {participants} took part in bilateral meetings with States Parties{purpose}. {states}",
        "fr": "{period}, {participants} {took_part} à des réunions bilatérales avec des États parties{purpose}. "
        "{states}",
        "es": "{period}, {participants} {took_part} en reuniones bilaterales con Estados Partes{purpose}. {states}",
    },
    "bilaterals.purpose": {"en": " to {clauses}", "fr": ", afin {clauses}", "es": " para {clauses}"},
    "bilaterals.states": {
        "en": "These were the following States: {states}.",
        "fr": "Il s'agissait des États suivants : {states}.",
        "es": "Se trataba de los siguientes Estados: {states}.",
    },
    "bilaterals.state": {
        "en": "This was the following State: {states}.",
        "fr": "Il s'agissait de l'État suivant : {states}.",
        "es": "Se trataba del siguiente Estado: {states}.",
    },
    "period.months": {
        "en": "From {start} to {end} {year}",
        "fr": "Entre {start} et {end} {year}",
        "es": "Entre {start} y {end} de {year}",
    },
    "period.years": {
        "en": "From {start} {start_year} to {end} {year}",
        "fr": "Entre {start} {start_year} et {end} {year}",
        "es": "Entre {start} de {start_year} y {end} de {year}",
    },
    "period.month": {"en": "In {start} {year}", "fr": "En {start} {year}", "es": "En {start} de {year}"},
    "took_part": {
        "en": ("took part", "took part"),
        "fr": ("a participé", "ont participé"),
        "es": ("participó", "participaron"),
    },
    # ¶ a workshop
    "workshop": {
        "en": "On {date}, {participants} took part in a workshop{purpose}.{committee_aims}",
        "fr": "Le {date}, {participants} {took_part} à un atelier{purpose}.{committee_aims}",
        "es": "El {date}, {participants} {took_part} en un taller{purpose}.{committee_aims}",
    },
    "workshop.purpose": {"en": " to {clauses}", "fr": " visant à {clauses}", "es": " destinado a {clauses}"},
    "workshop.title": {"en": " entitled “{title}”", "fr": " intitulé « {title} »", "es": " titulado «{title}»"},
    "workshop.committee_aims": {
        "en": " The Committee used the workshop to {clauses}.",
        "fr": " Le Comité a profité de cet atelier pour {clauses}.",
        "es": " El Comité aprovechó el taller para {clauses}.",
    },
    # ¶ a questionnaire
    "questionnaire": {
        "en": "On {date}, the Committee circulated a questionnaire{purpose}{actions}{event}.",
        "fr": "Le {date}, le Comité a diffusé un questionnaire{purpose}{actions}{event}.",
        "es": "El {date}, el Comité distribuyó un cuestionario{purpose}{actions}{event}.",
    },
    "questionnaire.purpose": {"en": " to {clauses}", "fr": " dans le but {clauses}", "es": " con el fin de {clauses}"},
    "questionnaire.actions": {
        "en": " and to better understand the progress made in implementing {actions} of the {plan}",
        "fr": " et de mieux appréhender les progrès réalisés dans la mise en œuvre {actions} du {plan}",
        "es": " y de comprender mejor los progresos realizados en la aplicación de {actions} del {plan}",
    },
    "questionnaire.actions_only": {
        "en": " to better understand the progress made in implementing {actions} of the {plan}",
        "fr": " dans le but de mieux appréhender les progrès réalisés dans la mise en œuvre {actions} du {plan}",
        "es": " con el fin de comprender mejor los progresos realizados en la aplicación de {actions} del {plan}",
    },
    "questionnaire.event": {
        "en": ", in view of {event}{when}",
        "fr": ", dans la perspective {event}{when}",
        "es": ", con miras a {event}{when}",
    },
    "when.next_year": {
        "en": " to be held the following year",
        "fr": ", qui aurait lieu l'année suivante",
        "es": ", que se celebraría el año siguiente",
    },
    "when.same_year": {
        "en": " to be held later that year",
        "fr": ", qui aurait lieu plus tard dans l'année",
        "es": ", que se celebraría ese mismo año",
    },
    "when.year": {
        "en": " to be held in {year}",
        "fr": ", qui aurait lieu en {year}",
        "es": ", que se celebraría en {year}",
    },
    # ¶ preliminary observations
    "observations.before": {
        "en": "In the lead-up to {meeting}, the Committee prepared preliminary observations based on the information "
        "provided by States Parties in their Article 7 reports{cycle}. It presented these preliminary observations "
        "at {meeting_short}.",
        "fr": "À l'approche {meeting}, le Comité a établi des observations préliminaires en se fondant sur les "
        "renseignements communiqués par les États parties dans les rapports soumis au titre de l'article 7{cycle}. "
        "Il a soumis ces observations préliminaires {meeting_short}.",
        "es": "Con miras a {meeting}, el Comité elaboró observaciones preliminares basadas en la información "
        "facilitada por los Estados Partes en sus informes presentados en virtud del artículo 7{cycle}. Presentó "
        "estas observaciones preliminares en {meeting_short}.",
    },
    "observations.at": {
        "en": "At {meeting}, the Committee presented preliminary observations based on the information provided by "
        "States Parties in their Article 7 reports{cycle}.",
        "fr": "Lors {meeting}, le Comité a présenté des observations préliminaires fondées sur les renseignements "
        "communiqués par les États parties dans les rapports soumis au titre de l'article 7{cycle}.",
        "es": "En {meeting}, el Comité presentó observaciones preliminares basadas en la información facilitada por "
        "los Estados Partes en sus informes presentados en virtud del artículo 7{cycle}.",
    },
    "observations.cycle": {"en": " on {year}", "fr": " sur l'année {year}", "es": " correspondientes a {year}"},
    # ¶ a panel
    "panel": {
        "en": "{at}, the Committee held a panel discussion on “{title}”{topics}{purpose}.",
        "fr": "{at}, le Comité a organisé une réunion-débat sur le thème « {title} »{topics}{purpose}.",
        "es": "{at}, el Comité organizó una mesa redonda sobre el tema «{title}»{topics}{purpose}.",
    },
    "panel.during": {"en": "At {meeting}", "fr": "Lors {meeting}", "es": "En {meeting}"},
    "panel.on": {"en": "On {date}", "fr": "Le {date}", "es": "El {date}"},
    "panel.topics": {
        "en": ", during which participants discussed {topics}",
        "fr": ", pendant laquelle les participants ont examiné {topics}",
        "es": ", en la que los participantes examinaron {topics}",
    },
    "panel.purpose": {"en": ", in order to {clauses}", "fr": ", afin {clauses}", "es": ", con el fin de {clauses}"},
    # ¶ an individualised approach held
    "ia.held": {
        "en": "{lead}the Committee supported {state} in {support}, {when}.{outcome}{report}",
        "fr": "{lead}le Comité a apporté un appui {to_state} pour {support}, {when}.{outcome}{report}",
        "es": "{lead}el Comité prestó apoyo {to_state} en {support}, {when}.{outcome}{report}",
    },
    "ia.lead": {
        "en": "In the lead-up to {meeting}, ",
        "fr": "Dans la perspective {meeting}, ",
        "es": "Con miras a {meeting}, ",
    },
    "ia.support": {
        "en": "organising an individualised approach meeting",
        "fr": "l'organisation d'une réunion sur la procédure individualisée",
        "es": "la organización de una reunión sobre el enfoque individualizado",
    },
    "ia.when.held": {"en": "held on {day}", "fr": "tenue le {day}", "es": "celebrada el {day}"},
    "ia.when.scheduled": {"en": "scheduled for {day}", "fr": "prévue le {day}", "es": "prevista para el {day}"},
    "ia.outcome": {
        "en": " These meetings gave {state} the opportunity to {outcome}.",
        "fr": " Ces réunions ont été l'occasion pour {state} {outcome}.",
        "es": " Esas reuniones brindaron {to_state} la oportunidad de {outcome}.",
    },
    "ia.report.written": {
        "en": " A final report on these meetings has been prepared and will be published on the Convention "
        "website's page on {state}.",
        "fr": " Un rapport final sur ces réunions a été rédigé et sera publié sur la page du site Web de la "
        "Convention consacrée {to_state}.",
        "es": " Se ha preparado un informe final sobre esas reuniones, que se publicará en la página dedicada "
        "{to_state} del sitio web de la Convención.",
    },
    "ia.report.published": {
        "en": " A final report on these meetings has been published on the Convention website's page on {state}.",
        "fr": " Un rapport final sur ces réunions a été publié sur la page du site Web de la Convention consacrée "
        "{to_state}.",
        "es": " Se ha publicado un informe final sobre esas reuniones en la página dedicada {to_state} del sitio web "
        "de la Convención.",
    },
    # ¶ States that asked for the individualised approach
    "ia.requests": {
        "en": "{addition}{lead}the Committee worked with {states}, which expressed {their} wish to benefit from the "
        "individualised approach{margins}.",
        "fr": "{addition}{lead}le Comité a collaboré avec {states}, {who} exprimé le souhait de bénéficier de la "
        "procédure individualisée{margins}.",
        "es": "{addition}{lead}el Comité colaboró con {states}, que {who} su deseo de beneficiarse del enfoque "
        "individualizado{margins}.",
    },
    "ia.requests.addition": {"en": "In addition, ", "fr": "En outre, ", "es": "Además, "},
    "ia.requests.lead": {
        "en": "in the lead-up to {meeting}, ",
        "fr": "à l'approche {meeting}, ",
        "es": "con miras a {meeting}, ",
    },
    "ia.requests.margins": {
        "en": " in the margins of {meeting}",
        "fr": " en marge {meeting}",
        "es": " al margen de {meeting}",
    },
    "ia.requests.who": {"en": ("its", "their"), "fr": ("qui a", "qui ont"), "es": ("expresó", "expresaron")},
    # ¶ the online reporting tool
    "tool": {
        "en": "In {launched}, the Committee launched the online reporting tool to assist States Parties in preparing "
        "and submitting their Article 7 reports. {promoted} in the lead-up to the reporting deadline of "
        "{deadline}.{count}",
        "fr": "En {launched}, le Comité a lancé l'outil d'établissement de rapports en ligne, afin d'aider les États "
        "parties à établir et à soumettre leurs rapports au titre de l'article 7. {promoted} à l'approche de la date "
        "limite de soumission des rapports, fixée au {deadline}.{count}",
        "es": "En {launched}, el Comité puso en marcha la herramienta de presentación de informes en línea para ayudar "
        "a los Estados Partes a preparar y presentar sus informes en virtud del artículo 7. {promoted} con miras al "
        "plazo de presentación de informes del {deadline}.{count}",
    },
    "tool.continued": {
        "en": "It continued to promote the tool and to encourage its voluntary use",
        "fr": "Il a continué de promouvoir cet outil et d'encourager son utilisation volontaire",
        "es": "Siguió promoviendo la herramienta y alentando su uso voluntario",
    },
    "tool.first": {
        "en": "It promoted the tool and encouraged its voluntary use",
        "fr": "Il a promu cet outil et encouragé son utilisation volontaire",
        "es": "Promovió la herramienta y alentó su uso voluntario",
    },
    "tool.count": {
        "en": (" It was used for {n} report.", " It was used for {n} reports."),
        "fr": (" Il a servi pour {n} rapport.", " Il a servi pour {n} rapports."),
        "es": (" Se utilizó para {n} informe.", " Se utilizó para {n} informes."),
    },
    # ¶ the Fund
    "fund": {
        "en": "The Committee {parts}, with the support of the Implementation Support Unit and other partners.",
        "fr": "Le Comité {parts}, avec le soutien de l'Unité d'appui à l'application et d'autres partenaires.",
        "es": "El Comité {parts}, con el apoyo de la Dependencia de Apoyo para la Aplicación y otros asociados.",
    },
    "fund.terms": {
        "en": "updated the Terms of Reference of the Cooperation and Assistance Fund",
        "fr": "a actualisé le mandat du Fonds de coopération et d'assistance",
        "es": "actualizó el mandato del Fondo de Cooperación y Asistencia",
    },
    "fund.work": {
        "en": "began working with {states} on the use of the Fund",
        "fr": "a commencé à travailler avec {states} en vue de l'utilisation du Fonds",
        "es": "comenzó a trabajar con {states} en la utilización del Fondo",
    },
    "fund.work_only": {
        "en": "began working with {states} on the use of the Cooperation and Assistance Fund",
        "fr": "a commencé à travailler avec {states} en vue de l'utilisation du Fonds de coopération et d'assistance",
        "es": "comenzó a trabajar con {states} en la utilización del Fondo de Cooperación y Asistencia",
    },
    # Annex I, the gender and diversity workplan
    "annex.title": {
        "en": "Gender and diversity workplan – {committee}",
        "fr": "Plan de travail pour les questions de genre et la diversité – {committee}",
        "es": "Plan de trabajo sobre género y diversidad – {committee}",
    },
    "annex.intro": {
        "en": "Since {review_conference} and the adoption of {plan}, the role of the gender focal points has been to "
        "ensure that gender and the diverse needs and experiences of people in affected communities are taken into "
        "account in the work of the Convention's Committees, in carrying out their respective mandates. Gender "
        "equality issues as they relate to youth and the needs of youth will also be addressed, where relevant and "
        "appropriate.",
        "fr": "Depuis {review_conference} et l’adoption {plan}, les coordonnateurs pour les questions de genre ont "
        "pour rôle de veiller à ce que les questions de genre et la diversité des besoins et des expériences des "
        "personnes vivant dans les communautés touchées soient prises en compte dans les travaux des différents "
        "comités relevant de la Convention, dans le cadre de l’exécution de leurs mandats respectifs. Les questions "
        "d’égalité des genres en ce qui concerne les jeunes et les besoins des jeunes seront également abordées, le "
        "cas échéant et s’il y a lieu.",
        "es": "Desde {review_conference} y la aprobación {plan}, la función de los coordinadores de cuestiones de "
        "género ha consistido en velar por que el género y las diversas necesidades y experiencias de las personas "
        "de las comunidades afectadas se tengan en cuenta en la labor de los Comités de la Convención, en el "
        "desempeño de sus respectivos mandatos. También se abordarán, cuando sea pertinente y apropiado, las "
        "cuestiones de igualdad de género relacionadas con los jóvenes y sus necesidades.",
    },
    "annex.decided": {
        "en": "The {committee} has decided to work on the following in {year}:",
        "fr": "Le {committee} a décidé de travailler sur les axes ci-après en {year} :",
        "es": "El {committee} ha decidido trabajar en lo siguiente en {year}:",
    },
    # The header
    "title": {
        "en": "{topic}: conclusions and recommendations related to the mandate of the {committee}",
        "fr": "{topic} : conclusions et recommandations ayant trait au mandat du {committee}",
        "es": "{topic}: conclusiones y recomendaciones relativas al mandato del {committee}",
    },
    "subtitle": {
        "en": "Activities and priority actions for {start}-{end}",
        "fr": "Activités et actions prioritaires pour {start}-{end}",
        "es": "Actividades y acciones prioritarias para {start}-{end}",
    },
}

# The action plan in force and the Review Conference that adopted it (Annex I and the questionnaire).
PLAN = {
    "name": {
        "en": "Oslo Action Plan 2020-2024",
        "fr": "Plan d'action d'Oslo pour 2020-2024",
        "es": "Plan de Acción de Oslo 2020-2024",
    },
    "in_text": {"en": "the Oslo Action Plan", "fr": "du Plan d’action d’Oslo", "es": "del Plan de Acción de Oslo"},
    "review_conference": {
        "en": "the Oslo Review Conference",
        "fr": "la Conférence d’examen d’Oslo",
        "es": "la Conferencia de Examen de Oslo",
    },
}

# How many other committees took part, in words.
_COUNTS = {
    "en": ["", "one", "two", "three", "four", "five"],
    "fr": ["", "un", "deux", "trois", "quatre", "cinq"],
    "es": ["", "uno", "dos", "tres", "cuatro", "cinco"],
}
_PARTICIPANTS = {
    "committee": {"en": "the Committee", "fr": "le Comité", "es": "el Comité"},
    "presidency": {"en": "the Presidency", "fr": "la présidence", "es": "la Presidencia"},
    "one_other": {
        "en": "one other Committee of the Convention",
        "fr": "un autre Comité relevant de la Convention",
        "es": "otro Comité de la Convención",
    },
    "others": {
        "en": "the {n} other Committees of the Convention",
        "fr": "les {n} autres Comités relevant de la Convention",
        "es": "los otros {n} Comités de la Convención",
    },
}


_FRENCH_SPACE = re.compile(r" (?=[:;?!»])|(?<=«) ")


def french_spaces(text: str) -> str:
    """French typography: a no-break space before : ; ? ! and inside « », so a line never starts with one."""
    return _FRENCH_SPACE.sub("\u00a0", text)


def t(name: str, language: str, **slots) -> str:
    """The template `name` in `language`, its slots filled."""
    text = TEMPLATES[name][language].format(**slots)
    return french_spaces(text) if language == "fr" else text


def pick(name: str, language: str, plural: bool) -> str:
    """A (singular, plural) template entry."""
    return TEMPLATES[name][language][1 if plural else 0]


# --- grammar -----------------------------------------------------------------------------------

_VOWEL = re.compile(r"^[aeiouyàâäéèêëîïôöûüœh]", re.IGNORECASE)


def and_word(language: str) -> str:
    return labels.label(language, "and")


def join(items: list[str], language: str) -> str:
    """ "A, B and C" / "A, B et C" / "A, B y C". Spanish writes "e" before a word starting with an i sound."""
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    word = and_word(language)
    if language == "es" and re.match(r"^(i|hi)(?![aeiou])", items[-1], re.IGNORECASE):
        word = "e"
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def of(phrase: str, language: str) -> str:
    """ "de" before a phrase with its contractions and elision: "des réunions", "du Sénégal", "d'améliorer",
    "del Senegal"; English "of"."""
    if language == "fr":
        for article, contracted in (("les ", "des "), ("le ", "du ")):
            if phrase.startswith(article):
                return contracted + phrase[len(article) :]
        return ("d'" if _VOWEL.match(phrase) else "de ") + phrase
    if language == "es":
        return "del " + phrase[3:] if phrase.startswith("el ") else "de " + phrase
    return "of " + phrase


def to(phrase: str, language: str) -> str:
    """ "à" / "a" before a phrase with its contractions: "au Sénégal", "aux réunions", "al Senegal"."""
    if language == "fr":
        for article, contracted in (("les ", "aux "), ("le ", "au ")):
            if phrase.startswith(article):
                return contracted + phrase[len(article) :]
        return "à " + phrase
    if language == "es":
        return "al " + phrase[3:] if phrase.startswith("el ") else "a " + phrase
    return "to " + phrase


def clause(text: str) -> str:
    """A line typed as a sentence ("Consider the workplan for 2023.") as a clause inside one: the first letter
    lowered (unless the word is an acronym or a name in capitals) and the final full stop dropped."""
    text = text.strip().rstrip(".;").strip()
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        text = text[0].lower() + text[1:]
    return text


def clauses(lines: list[str], language: str, preposition: str = "", *, elide: bool = False) -> str:
    """Infinitive clauses joined the language's way, the template holding the first preposition: "X and to Y"
    after "to", "X et à Y" after "à". With `elide` (French "de", which the template leaves out): "d'X et de Y"."""
    texts = [clause(line) for line in lines]
    if not texts:
        return ""
    if elide and language == "fr":
        parts = [("d'" if _VOWEL.match(text) else "de ") + text for text in texts]
    else:
        parts = [texts[0]] + [f"{preposition} {text}" if preposition else text for text in texts[1:]]
    return join(parts, language)


def lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


# --- dates -------------------------------------------------------------------------------------


def date(value: datetime.date, language: str) -> str:
    """A date in a sentence: "16 January 2023", "1^{er} mai 2023" (superscript markup), "1 de mayo de 2023"."""
    if language == "es":
        return format_date(value, "d 'de' MMMM 'de' y", locale="es")
    text = labels.document_date(value, language)
    if language == "fr" and value.day == 1:
        text = "1^{er}" + text[1:]
    return text


def day_month(value: datetime.date, language: str) -> str:
    """ "21 June", "21 juin", "21 de junio"."""
    if language == "es":
        return format_date(value, "d 'de' MMMM", locale="es")
    text = format_date(value, "d MMMM", locale=language)
    if language == "fr" and value.day == 1:
        text = "1^{er}" + text[1:]
    return text


def month(value: datetime.date, language: str) -> str:
    return format_date(value, "MMMM", locale=language)


def days(start: datetime.date, end: datetime.date, language: str) -> str:
    """ "19, 20 and 21 June 2023" / "19, 20 et 21 juin 2023" / "19, 20 y 21 de junio de 2023" for a meeting
    of a few days in one month; a range otherwise."""
    if start == end:
        return date(start, language)
    if start.month != end.month or start.year != end.year or (end - start).days > 4:
        return f"{date(start, language)} - {date(end, language)}"
    numbers = [str(start.day + i) for i in range((end - start).days + 1)]
    if language == "es":
        return f"{join(numbers, 'es')} de {format_date(end, 'MMMM', locale='es')} de {end.year}"
    return f"{join(numbers, language)} {format_date(end, 'MMMM y', locale=language)}"


def of_days(start: datetime.date, end: datetime.date, language: str) -> str:
    """The dates after a meeting's name: "of 19, 20 and 21 June 2023", "des 19, 20 et 21 juin 2023" (one day:
    "du 19 juin 2023"), "del 19, 20 y 21 de junio de 2023"."""
    text = days(start, end, language)
    if language == "fr":
        return ("des " if start != end else "du ") + text
    if language == "es":
        return "del " + text
    return "of " + text


# --- people and States -------------------------------------------------------------------------


def participants(others: int, with_presidency: bool, language: str) -> tuple[str, bool]:
    """ "the Committee, the Presidency and the three other Committees of the Convention", and whether the
    subject is plural (for the verb)."""
    parts = [_PARTICIPANTS["committee"][language]]
    if with_presidency:
        parts.append(_PARTICIPANTS["presidency"][language])
    if others == 1:
        parts.append(_PARTICIPANTS["one_other"][language])
    elif others > 1:
        n = _COUNTS[language][others] if others < len(_COUNTS[language]) else str(others)
        parts.append(_PARTICIPANTS["others"][language].format(n=n))
    return join(parts, language), len(parts) > 1


def guess_french_article(name: str) -> str:
    """A French country name with its article when none is recorded: a guess the ISU is told about."""
    if _VOWEL.match(name):
        return f"l'{name}"
    if name.endswith("s") and not name.endswith("ss"):
        return f"les {name}"
    return f"la {name}" if name.endswith("e") else f"le {name}"


def actions(numbers: list[int], language: str, *, article: bool = False) -> str:
    """Oslo Action Plan actions: "Actions #42 to #47", "actions n^{os} 42 à 47" ("des actions n^{os} 42 à 47"
    with `article`), "las medidas #42 a #47"."""
    numbers = sorted(set(numbers))
    if not numbers:
        return ""
    contiguous = len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1))
    single = len(numbers) == 1
    if language == "fr":
        prefix = "action n^{o}" if single else "actions n^{os}"
        body = f"{numbers[0]} à {numbers[-1]}" if contiguous else join([str(n) for n in numbers], "fr")
        text = f"{prefix} {body}"
        return (("de l'" if single else "des ") + text) if article else text
    if language == "es":
        prefix = "la medida" if single else "las medidas"
        body = f"#{numbers[0]} a #{numbers[-1]}" if contiguous else join([f"#{n}" for n in numbers], "es")
        return f"{prefix} {body}"
    prefix = "Action" if single else "Actions"
    body = f"#{numbers[0]} to #{numbers[-1]}" if contiguous else join([f"#{n}" for n in numbers], "en")
    return f"{prefix} {body}"
