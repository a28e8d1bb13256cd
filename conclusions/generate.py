"""Generate a first draft of the conclusions from what the application records for a committee and a year.

Each part reads another app's models (meetings, questionnaires, fund, workplan) and writes sentences from
templates in the document's languages (English and French; other languages are left as missing
translations for the translators). The ISU then edits the draft freely.
"""

import datetime
from dataclasses import dataclass, field

from babel.dates import format_date
from django.db import transaction
from django.utils.translation import gettext as _

from core.translation import in_language
from fund import selectors as fund_selectors
from meetings import selectors as meeting_selectors
from questionnaires import selectors as questionnaire_selectors
from workplan import selectors as workplan_selectors

from . import labels
from .models import (
    ConclusionsDocument,
    DocumentLanguageVersion,
    ParagraphKind,
    Section,
    SectionKind,
    StateDisplayName,
)
from .selectors import _collation_key, state_name
from .services import ensure_draft, paragraph_add, section_add

TEMPLATE_LANGUAGES = ("en", "fr")


@dataclass
class GenerationReport:
    paragraphs: int = 0
    notes: list[str] = field(default_factory=list)


# --- wording helpers ---------------------------------------------------------------------------


def _date(value: datetime.date, lang: str) -> str:
    """A date in a sentence; French writes the first of the month "1^{er}" (superscript markup)."""
    text = labels.document_date(value, lang)
    if lang == "fr" and value.day == 1:
        text = "1^{er}" + text[1:]
    return text


def _days(start: datetime.date, end: datetime.date, lang: str) -> str:
    """ "19, 20 and 21 June 2023" (en) / "19, 20 et 21 juin 2023" (fr) for a meeting of a few days."""
    if start.month != end.month or (end - start).days > 4:
        return labels.date_range(start, end, lang)
    days = [str(start.day + i) for i in range((end - start).days + 1)]
    month_year = format_date(end, "MMMM y", locale=lang)
    if len(days) == 1:
        return f"{days[0]} {month_year}"
    return f"{', '.join(days[:-1])} {labels.label(lang, 'and')} {days[-1]} {month_year}"


def _join(items: list[str], lang: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {labels.label(lang, 'and')} {items[-1]}"


def _display_names() -> dict[tuple[int, str], str]:
    return {(o.state_id, o.language): o.name for o in StateDisplayName.objects.all()}


def _states(states, lang: str) -> str:
    overrides = _display_names()
    names = sorted((state_name(s, lang, overrides) for s in states), key=_collation_key)
    return _join(names, lang)


def _actions(numbers: list[int], lang: str) -> str:
    """Oslo Action Plan actions: "Actions #42 to #47" / "actions n^{os} 42 à 47"."""
    numbers = sorted(set(numbers))
    if not numbers:
        return ""
    contiguous = len(numbers) > 2 and numbers == list(range(numbers[0], numbers[-1] + 1))
    if lang == "fr":
        prefix = "action n^{o}" if len(numbers) == 1 else "actions n^{os}"
        body = f"{numbers[0]} à {numbers[-1]}" if contiguous else _join([str(n) for n in numbers], lang)
        return f"{prefix} {body}"
    prefix = "Action" if len(numbers) == 1 else "Actions"
    body = f"#{numbers[0]} to #{numbers[-1]}" if contiguous else _join([f"#{n}" for n in numbers], lang)
    return f"{prefix} {body}"


_EN_UNITS = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_EN_TEENS = ["tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth"]
_EN_TEENS += ["seventeenth", "eighteenth", "nineteenth"]
_EN_TENS = {2: ("twenty", "twentieth"), 3: ("thirty", "thirtieth"), 4: ("forty", "fortieth")}
_FR_UNITS = ["", "unième", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième", "huitième"]
_FR_UNITS += ["neuvième"]
_FR_TEENS = ["dixième", "onzième", "douzième", "treizième", "quatorzième", "quinzième", "seizième"]
_FR_TEENS += ["dix-septième", "dix-huitième", "dix-neuvième"]
_FR_TENS = {2: ("vingt", "vingtième"), 3: ("trente", "trentième"), 4: ("quarante", "quarantième")}


def ordinal(number: int, lang: str) -> str:
    """Ordinal words for meeting numbers 1-49: "Twenty-first" / "Vingt et unième"."""
    tens, units = divmod(number, 10)
    if lang == "fr":
        if number == 1:
            word = "première"
        elif tens == 0:
            word = _FR_UNITS[units]
        elif tens == 1:
            word = _FR_TEENS[units]
        elif units == 0:
            word = _FR_TENS[tens][1]
        elif units == 1:
            word = f"{_FR_TENS[tens][0]} et unième"
        else:
            word = f"{_FR_TENS[tens][0]}-{_FR_UNITS[units]}"
    else:
        if tens == 0:
            word = _EN_UNITS[units]
        elif tens == 1:
            word = _EN_TEENS[units]
        elif units == 0:
            word = _EN_TENS[tens][1]
        else:
            word = f"{_EN_TENS[tens][0]}-{_EN_UNITS[units]}"
    return word[:1].upper() + word[1:]


def meeting_name(number: int | None, lang: str) -> str:
    if not number or number >= 50 or lang not in TEMPLATE_LANGUAGES:
        return ""
    return f"{ordinal(number, lang)} {'Assemblée' if lang == 'fr' else 'Meeting'}"


def _meeting_name_in_text(number: int | None, lang: str) -> str:
    """ "the Twenty-first Meeting of the States Parties" / "la vingt et unième Assemblée des États parties"."""
    if not number or number >= 50:
        return "la prochaine Assemblée des États parties" if lang == "fr" else "the next Meeting of the States Parties"
    if lang == "fr":
        return f"la {ordinal(number, 'fr').lower()} Assemblée des États parties"
    return f"the {ordinal(number, 'en')} Meeting of the States Parties"


def _with_others(meeting_or_series, lang: str) -> str:
    """ "the Committee, the Presidency and the three other Committees of the Convention"."""
    others = meeting_or_series.committees.count() - 1
    words = {"en": ["", "one", "two", "three", "four"], "fr": ["", "l'autre", "deux", "trois", "quatre"]}
    parts_en, parts_fr = ["the Committee"], ["le Comité"]
    if meeting_or_series.with_presidency:
        parts_en.append("the Presidency")
        parts_fr.append("la présidence")
    if 0 < others <= 4:
        if others == 1:
            parts_en.append("one other Committee of the Convention")
            parts_fr.append("un autre Comité relevant de la Convention")
        else:
            parts_en.append(f"the {words['en'][others]} other Committees of the Convention")
            parts_fr.append(f"les {words['fr'][others]} autres Comités relevant de la Convention")
    return _join(parts_fr if lang == "fr" else parts_en, lang)


# --- the parts ---------------------------------------------------------------------------------

SECTION_TITLES = {
    "activities": {"en": "Activities of the Committee", "fr": "Activités du Comité", "es": "Actividades del Comité"},
    "priority-actions": {
        "en": "Priority actions of the Committee",
        "fr": "Actions prioritaires du Comité",
        "es": "Acciones prioritarias del Comité",
    },
}


@dataclass
class Draft:
    document: ConclusionsDocument
    languages: list[str]
    activities: list[tuple[str, dict[str, str]]] = field(default_factory=list)  # (source, texts)
    priorities: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    annex: list[tuple[str, str, dict[str, str]]] = field(default_factory=list)  # (kind, source, texts)
    notes: list[str] = field(default_factory=list)

    @property
    def committee(self):
        return self.document.committee

    @property
    def year(self) -> int:
        return self.document.year

    def add(self, source: str, **texts: str) -> None:
        self.activities.append((source, texts))


def _meetings(draft: Draft):
    return meeting_selectors.committee_meetings_in_year(committee=draft.committee, year=draft.year)


def _intersessional(draft: Draft):
    return meeting_selectors.first_intersessional(year=draft.year)


def part_committee_meetings(draft: Draft, meetings) -> None:
    own = [m for m in meetings if m.kind == "committee_meeting"]
    for i, m in enumerate(own):
        if i == 0:
            draft.add(
                f"meeting:{m.pk}",
                en=f"The Committee met for the first time on {_date(m.start_date, 'en')} to consider its workplan "
                f"for {draft.year}.",
                fr=f"Le Comité s'est réuni une première fois le {_date(m.start_date, 'fr')} pour examiner son plan "
                f"de travail pour {draft.year}.",
            )
        else:
            draft.add(
                f"meeting:{m.pk}",
                en=f"The Committee met again on {_date(m.start_date, 'en')}.",
                fr=f"Le Comité s'est de nouveau réuni le {_date(m.start_date, 'fr')}.",
            )
    if not own:
        draft.notes.append(_("No committee meeting is recorded for %(year)s.") % {"year": draft.year})


def part_bilaterals(draft: Draft) -> None:
    series_list = meeting_selectors.bilateral_series_in_year(committee=draft.committee, year=draft.year)
    for series in series_list:
        states = [m.state for m in series.meetings.all() if m.state_id and m.status != "cancelled"]
        start_en, end_en = (format_date(d, "MMMM", locale="en") for d in (series.start_date, series.end_date))
        start_fr, end_fr = (format_date(d, "MMMM", locale="fr") for d in (series.start_date, series.end_date))
        year = series.end_date.year
        draft.add(
            f"series:{series.pk}",
            en=f"From {start_en} to {end_en} {year}, {_with_others(series, 'en')} took part in bilateral meetings "
            "with States Parties to discuss progress made and challenges encountered in implementing the Convention "
            "and in meeting the States' respective obligations in the Convention's thematic areas. These were the "
            f"following States: {_states(states, 'en')}.",
            fr=f"Entre {start_fr} et {end_fr} {year}, {_with_others(series, 'fr')} ont participé à des réunions "
            "bilatérales avec des États parties, afin de discuter des progrès accomplis et des difficultés "
            "rencontrées dans l'application de la Convention et dans l'exécution des obligations respectives des "
            "États concernant les domaines thématiques de la Convention. Il s'agissait des États suivants : "
            f"{_states(states, 'fr')}.",
        )


def part_workshops(draft: Draft, meetings) -> None:
    for m in (m for m in meetings if m.kind == "workshop"):
        draft.add(
            f"meeting:{m.pk}",
            en=f"On {_date(m.start_date, 'en')}, {_with_others(m, 'en')} took part in a workshop entitled "
            f"“{in_language(m, 'title', 'en')}”.",
            fr=f"Le {_date(m.start_date, 'fr')}, {_with_others(m, 'fr')} ont participé à un atelier intitulé "
            f"« {in_language(m, 'title', 'fr')} ».",
        )


RECIPIENTS = {
    "affected": {"en": "national mine action directors", "fr": "aux directeurs nationaux de la lutte antimines"},
    "providers": {"en": "donor States", "fr": "aux États donateurs"},
    "all": {"en": "all States Parties", "fr": "à tous les États parties"},
}


def part_questionnaires(draft: Draft) -> None:
    found = False
    for q in questionnaire_selectors.circulated_in_year(committee=draft.committee, year=draft.year):
        found = True
        numbers = [a.number for question in q.questions.all() for a in question.actions.all()]
        groups = [g for g in (q.recipient_groups or []) if g in RECIPIENTS]
        to_en = _join([RECIPIENTS[g]["en"] for g in groups], "en")
        to_fr = _join([RECIPIENTS[g]["fr"] for g in groups], "fr")
        actions_en = _actions(numbers, "en")
        actions_fr = _actions(numbers, "fr")
        draft.add(
            f"questionnaire:{q.pk}",
            en=f"On {_date(q.circulation_date, 'en')}, the Committee circulated a questionnaire"
            + (f" to {to_en}" if to_en else "")
            + " with the aim of improving its knowledge of current and past cooperation and assistance activities"
            + (
                f" and of better understanding the progress made in implementing {actions_en} of the Oslo Action Plan"
                if actions_en
                else ""
            )
            + ".",
            fr=f"Le {_date(q.circulation_date, 'fr')}, le Comité a diffusé un questionnaire"
            + (f" {to_fr}" if to_fr else "")
            + " dans le but d'améliorer sa connaissance des activités de coopération et d'assistance"
            + " en cours et passées"
            + (
                " et de mieux appréhender les progrès réalisés dans la mise en œuvre des "
                f"{actions_fr} du Plan d'action d'Oslo"
                if actions_fr
                else ""
            )
            + ".",
        )
    if not found:
        draft.notes.append(_("No questionnaire circulated in %(year)s is recorded.") % {"year": draft.year})


def part_preliminary_observations(draft: Draft, intersessional) -> None:
    if intersessional is None:
        draft.notes.append(_("No intersessional meetings are recorded for %(year)s.") % {"year": draft.year})
        return
    start, end = intersessional.start_date, intersessional.end_date
    draft.add(
        f"observations:{intersessional.pk}",
        en=f"In the lead-up to the intersessional meetings of {_days(start, end, 'en')}, the Committee prepared "
        "preliminary observations based on the information provided by States Parties in their Article 7 reports. "
        "It presented these preliminary observations at the intersessional meetings.",
        fr=f"À l'approche des réunions intersessions des {_days(start, end, 'fr')}, le Comité a établi des "
        "observations préliminaires en se fondant sur les renseignements communiqués par les États parties dans les "
        "rapports soumis au titre de l'article 7. Il a soumis ces observations préliminaires aux réunions "
        "intersessions.",
    )


def part_panels(draft: Draft, meetings) -> None:
    for m in (m for m in meetings if m.kind == "panel"):
        parent = m.parent
        if parent is not None and parent.kind == "intersessional":
            at_en = f"At the intersessional meetings of {_days(parent.start_date, parent.end_date, 'en')}"
            at_fr = f"Lors des réunions intersessions des {_days(parent.start_date, parent.end_date, 'fr')}"
        else:
            at_en = f"On {_date(m.start_date, 'en')}"
            at_fr = f"Le {_date(m.start_date, 'fr')}"
        draft.add(
            f"meeting:{m.pk}",
            en=f"{at_en}, the Committee held a panel discussion on “{in_language(m, 'title', 'en')}”.",
            fr=f"{at_fr}, le Comité a organisé une réunion-débat sur le thème « {in_language(m, 'title', 'fr')} ».",
        )


def part_individualised_approach(draft: Draft) -> None:
    requests = meeting_selectors.individualised_requests_up_to(year=draft.year)
    held = [r for r in requests if r.held_on and r.held_on.year == draft.year]
    pending = [r for r in requests if r.status in ("requested", "scheduled") and r.requested_on.year == draft.year]
    for r in held:
        report_en = report_fr = ""
        if r.report_published_on or r.final_report_url:
            report_en = " A final report on the meeting has been published on the Convention's website."
            report_fr = " Un rapport final sur cette réunion a été publié sur le site Web de la Convention."
        draft.add(
            f"ia:{r.pk}",
            en=f"The Committee supported {state_name(r.state, 'en')} in organising an individualised approach "
            f"meeting, held on {_date(r.held_on, 'en')}, which gave {state_name(r.state, 'en')} the opportunity to "
            "take stock with stakeholders of the status of implementation of its mine action programmes and of the "
            f"challenges it faces.{report_en}",
            # French country names take articles that vary ("au Sénégal", "la Somalie"): a list after a colon
            # stays grammatical whatever the State.
            fr=f"Le {_date(r.held_on, 'fr')}, avec l'appui du Comité, une réunion sur la procédure individualisée "
            f"s'est tenue avec l'État partie suivant : {_states([r.state], 'fr')}. Elle a été l'occasion de faire le "
            "point avec les parties prenantes sur l'état de l'application de ses programmes de lutte antimines et les "
            f"difficultés rencontrées en la matière.{report_fr}",
        )
    if pending:
        states = [r.state for r in pending]
        number = draft.document.meeting_number
        draft.add(
            "ia:requests",
            en=f"In addition, in the lead-up to {_meeting_name_in_text(number, 'en')}, the Committee worked with "
            f"{_states(states, 'en')}, which expressed the wish to benefit from the individualised approach.",
            fr=f"En outre, à l'approche de {_meeting_name_in_text(number, 'fr')}, le Comité a collaboré avec les "
            "États parties ayant exprimé le souhait de bénéficier de la procédure individualisée : "
            f"{_states(states, 'fr')}.",
        )


def part_fund(draft: Draft) -> None:
    updated = fund_selectors.terms_updated_in(year=draft.year)
    applicants = fund_selectors.applicant_states(year=draft.year)
    if not updated and not applicants:
        draft.notes.append(_("No Fund work is recorded for %(year)s.") % {"year": draft.year})
        return
    en, fr = [], []
    if updated:
        en.append("updated the Terms of Reference of the Cooperation and Assistance Fund")
        fr.append("a actualisé le mandat du Fonds de coopération et d'assistance")
    if applicants:
        en.append(f"began working with {_states(applicants, 'en')} on the use of the Fund")
        fr.append(
            "a commencé à travailler en vue de l'utilisation du Fonds avec les États parties suivants : "
            f"{_states(applicants, 'fr')}"
        )
    draft.add(
        "fund",
        en=f"The Committee {' and '.join(en)}, with the support of the Implementation Support Unit and other partners.",
        fr=f"Le Comité {' et '.join(fr)}, avec le soutien de l'Unité d'appui à l'application et d'autres partenaires.",
    )


def part_priority_actions(draft: Draft) -> None:
    period = meeting_selectors.priority_period(committee=draft.committee, start_year=draft.year)
    if period is None:
        draft.notes.append(_("No priority actions are recorded for %(year)s.") % {"year": draft.year})
        return
    for action in sorted(period.actions.all(), key=lambda a: a.number):
        texts = {lang: getattr(action, f"text_{lang}", "") for lang in draft.languages}
        draft.priorities.append((f"priority:{action.pk}", texts))


ANNEX_INTRO = {
    "en": "Since the Oslo Review Conference and the adoption of the Oslo Action Plan, the role of the gender focal "
    "points has been to ensure that gender and the diverse needs and experiences of people in affected communities "
    "are taken into account in the work of the Convention's Committees, in carrying out their respective mandates. "
    "Gender equality issues as they relate to youth and the needs of youth will also be addressed, where relevant "
    "and appropriate.",
    "fr": "Depuis la Conférence d’examen d’Oslo et l’adoption du Plan d’action d’Oslo, les coordonnateurs pour les "
    "questions de genre ont pour rôle de veiller à ce que les questions de genre et la diversité des besoins et des "
    "expériences des personnes vivant dans les communautés touchées soient prises en compte dans les travaux des "
    "différents comités relevant de la Convention, dans le cadre de l’exécution de leurs mandats respectifs. Les "
    "questions d’égalité des genres en ce qui concerne les jeunes et les besoins des jeunes seront également "
    "abordées, le cas échéant et s’il y a lieu.",
}


def part_gender_workplan(draft: Draft) -> None:
    items = workplan_selectors.items_for(committee=draft.committee, year=draft.year)
    if not items:
        draft.notes.append(_("No gender and diversity workplan is recorded for %(year)s.") % {"year": draft.year})
        return
    draft.annex.append(("plain", "annex:intro", dict(ANNEX_INTRO)))
    draft.annex.append(
        (
            "plain",
            "annex:decided",
            {
                "en": f"The {draft.committee.name_en} has decided to work on the following in {draft.year}:",
                "fr": f"Le {draft.committee.name_fr or draft.committee.name_en} a décidé de travailler sur les axes "
                f"ci-après en {draft.year} :",
            },
        )
    )
    for item in items:
        texts = {lang: getattr(item, f"description_{lang}", "") for lang in draft.languages}
        draft.annex.append(("bullet", f"workplan:{item.pk}", texts))


PLACES = {"Geneva": {"fr": "Genève", "es": "Ginebra"}}


def _header_defaults(document: ConclusionsDocument, lang: str) -> dict[str, str]:
    committee = document.committee
    name = in_language(committee, "name", lang)
    year = document.year
    meeting = document.meeting
    defaults = {"body": labels.body_name(document, lang), "meeting_name": labels.meeting_header_name(document, lang)}
    if document.meeting_start:
        place = meeting.place if meeting is not None else ""
        place = PLACES.get(place, {}).get(lang, place)
        dates = labels.date_range(document.meeting_start, document.meeting_end, lang)
        defaults["place_and_dates"] = f"{place}, {dates}" if place else dates
    if lang == "en":
        defaults["title"] = (
            f"Cooperation and assistance: conclusions and recommendations related to the mandate of the {name}"
        )
        defaults["subtitle"] = f"Activities and priority actions for {year}-{year + 1}"
    elif lang == "fr":
        defaults["title"] = (
            f"Coopération et assistance : conclusions et recommandations ayant trait au mandat du {name}"
        )
        defaults["subtitle"] = f"Activités et actions prioritaires pour {year}-{year + 1}"
    return defaults


@transaction.atomic
def document_generate_draft(*, document: ConclusionsDocument, by=None) -> GenerationReport:
    """Rebuild the document's sections, paragraphs and Annex I from the recorded data; fill empty header fields.
    The text of existing paragraphs is replaced (the history keeps the previous one)."""
    ensure_draft(document)
    languages = [v.language for v in document.versions.all()]
    draft = Draft(document=document, languages=languages)
    meetings = _meetings(draft)
    intersessional = _intersessional(draft)
    part_committee_meetings(draft, meetings)
    part_bilaterals(draft)
    part_workshops(draft, meetings)
    part_questionnaires(draft)
    part_preliminary_observations(draft, intersessional)
    part_panels(draft, meetings)
    part_individualised_approach(draft)
    part_fund(draft)
    part_priority_actions(draft)
    part_gender_workplan(draft)

    for version in DocumentLanguageVersion.objects.filter(document=document):
        changed = []
        for name, value in _header_defaults(document, version.language).items():
            if value and not getattr(version, name):
                setattr(version, name, value)
                changed.append(name)
        if changed:
            version.save(update_fields=changed)

    Section.objects.filter(document=document).delete()
    report = GenerationReport(notes=draft.notes)

    def texts_for(texts: dict[str, str]) -> dict[str, str]:
        return {lang: texts.get(lang, "") for lang in languages}

    for key, rows in (("activities", draft.activities), ("priority-actions", draft.priorities)):
        titles = {lang: SECTION_TITLES[key].get(lang, "") for lang in languages}
        section = section_add(document=document, kind=SectionKind.SECTION, titles=titles, key=key)
        for source, texts in rows:
            paragraph_add(section=section, texts=texts_for(texts), kind=ParagraphKind.NUMBERED, source=source)
            report.paragraphs += 1
    if draft.annex:
        committee = document.committee
        titles = {
            "en": f"Gender and diversity workplan – {committee.name_en}",
            "fr": "Plan de travail pour les questions de genre et la diversité – "
            f"{committee.name_fr or committee.name_en}",
        }
        annex = section_add(
            document=document,
            kind=SectionKind.ANNEX,
            titles={lang: titles.get(lang, "") for lang in languages},
            key="annex-1",
        )
        for kind, source, texts in draft.annex:
            paragraph_add(section=annex, texts=texts_for(texts), kind=kind, source=source)
            report.paragraphs += 1
    return report
