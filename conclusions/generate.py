"""Generate the conclusions from what the application records for a committee and a year.

Every paragraph is drafted from a record, read through the owning app's selectors: the committee's
meetings and their purpose, a series of bilateral meetings and the States met, a workshop and its aims,
a questionnaire, the preliminary observations, a panel and its topics, the individualised approach, the
online reporting tool and how the year's reports came in, the Fund, the priority actions and the gender
and diversity workplan (Annex I). The sentences are the templates of `conclusions.wording`, in English,
French and Spanish; what a record says in each language (a purpose, topics, a priority action's text)
is typed on the record. A language a record has no text in is left missing for that paragraph, with a
note, so the editor shows what is left to translate. Changing a record and generating again changes the
text; the ISU then edits the draft freely (the history keeps every edit).

Only facts up to the document's issue date are told (a Fund application begun later waits for next
year's document).
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext as _

from core.translation import in_language
from fund import selectors as fund_selectors
from meetings import selectors as meeting_selectors
from questionnaires import selectors as questionnaire_selectors
from reporting import selectors as reporting_selectors
from workplan import selectors as workplan_selectors

from . import labels, wording
from .models import (
    ConclusionsDocument,
    DocumentLanguageVersion,
    ParagraphKind,
    Section,
    SectionKind,
    StateDisplayName,
)
from .selectors import _collation_key
from .services import ensure_draft, paragraph_add, section_add
from .wording import capitalise, clauses, join, of, t, to

TEMPLATE_LANGUAGES = wording.LANGUAGES


@dataclass
class GenerationReport:
    paragraphs: int = 0
    notes: list[str] = field(default_factory=list)


class Missing(Exception):
    """A record has no text in the language being written (it has one in another)."""


# --- the draft -----------------------------------------------------------------------------------


@dataclass
class Draft:
    document: ConclusionsDocument
    languages: list[str]
    issue_date: datetime.date | None
    names: dict[tuple[int, str], tuple[str, str]]  # (state, language) -> (name, name in a sentence)
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

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)

    def write(self, build) -> dict[str, str]:
        """`build(language)` in each language the templates are written in; a Missing text leaves that
        language empty (the editor flags it) and says so in the notes."""
        texts = {}
        for language in self.languages:
            if language not in TEMPLATE_LANGUAGES:
                continue
            try:
                texts[language] = build(language)
            except Missing as missing:
                self.note(str(missing))
        return texts

    def add(self, source: str, build) -> None:
        self.activities.append((source, self.write(build)))


def record_lines(obj, name: str, language: str, label: str) -> list[str]:
    """The lines of a translated text field of a record in `language`; Missing when only other languages
    have it."""
    own = wording.lines(getattr(obj, f"{name}_{language}", ""))
    if own or not any(getattr(obj, f"{name}_{code}", "") for code in TEMPLATE_LANGUAGES):
        return own
    raise Missing(
        _("%(record)s has no text for “%(field)s” in %(language)s: that language waits for it.")
        % {"record": obj, "field": label, "language": labels.language_name(language, "en")}
    )


def record_text(obj, name: str, language: str, label: str) -> str:
    return " ".join(record_lines(obj, name, language, label))


# --- names ------------------------------------------------------------------------------------------


def _display_names() -> dict[tuple[int, str], tuple[str, str]]:
    return {(o.state_id, o.language): (o.name, o.in_sentence) for o in StateDisplayName.objects.all()}


def state_name(draft: Draft, state, language: str) -> str:
    """How documents name the State in a list: the recorded document name, or the registry's."""
    name = draft.names.get((state.pk, language), ("", ""))[0]
    return name or in_language(state, "name", language)


def state_in_text(draft: Draft, state, language: str) -> str:
    """The State in a sentence, with its article where the language needs one ("le Sénégal", "el Senegal").
    French without a recorded form guesses the article and tells the ISU."""
    recorded = draft.names.get((state.pk, language), ("", ""))[1]
    if recorded:
        return recorded
    name = state_name(draft, state, language)
    if language == "fr":
        draft.note(
            _(
                "No French name with its article is recorded for %(state)s: “%(guess)s” is a guess (State names in "
                "documents)."
            )
            % {"state": state.name_en, "guess": wording.guess_french_article(name)}
        )
        return wording.guess_french_article(name)
    return name


def states_list(draft: Draft, states, language: str) -> str:
    names = sorted((state_name(draft, s, language) for s in states), key=_collation_key)
    return join(names, language)


def states_in_text(draft: Draft, states, language: str) -> str:
    ordered = sorted(states, key=lambda s: _collation_key(state_name(draft, s, language)))
    return join([state_in_text(draft, s, language) for s in ordered], language)


def meeting_phrase(meeting, language: str, *, dates: bool = False, short: bool = False) -> str:
    """A recorded meeting in a sentence: "la vingt et unième Assemblée des États parties", "the intersessional
    meetings of 19, 20 and 21 June 2023"; another kind by its title."""
    text = labels.meeting_in_text(meeting.kind, labels.meeting_number(meeting.code), language, short=short)
    if not text:
        title = getattr(meeting, f"title_{language}", "") or meeting.title_en
        text = {"en": f"the meeting “{title}”", "fr": f"la réunion « {title} »", "es": f"la reunión «{title}»"}[
            language
        ]
    if dates and meeting.kind == "intersessional":
        text = f"{text} {wording.of_days(meeting.start_date, meeting.end_date, language)}"
    return text


def document_meeting_phrase(document: ConclusionsDocument, language: str, *, short: bool = False) -> str:
    """The meeting the document is for, in a sentence."""
    if document.meeting is not None:
        return meeting_phrase(document.meeting, language, short=short)
    code = document.meeting_code.upper()
    kind = "review_conference" if code.endswith("RC") else "msp"
    number = document.meeting_number or labels.meeting_number(code)
    text = labels.meeting_in_text(kind, number, language, short=short)
    return text or {"en": "the next meeting", "fr": "la prochaine réunion", "es": "la próxima reunión"}[language]


def _others(committees, committee) -> int:
    return sum(1 for c in committees if c.pk != committee.pk and not c.is_coordinating)


# --- the paragraphs ----------------------------------------------------------------------------------

PURPOSE_PREPOSITION = {"en": "to", "fr": "pour", "es": "para"}


def part_committee_meetings(draft: Draft, meetings) -> None:
    own = [m for m in meetings if m.kind == "committee_meeting"]
    for i, m in enumerate(own):

        def build(lang, m=m, first=i == 0):
            aims = record_lines(m, "purpose", lang, _("purpose"))
            purpose = t("meeting.purpose", lang, clauses=clauses(aims, lang, PURPOSE_PREPOSITION[lang])) if aims else ""
            return t(
                "meeting.first" if first else "meeting.again",
                lang,
                date=wording.date(m.start_date, lang),
                purpose=purpose,
            )

        draft.add(f"meeting:{m.pk}", build)
    if not own:
        draft.note(_("No committee meeting is recorded for %(year)s.") % {"year": draft.year})


def _period(start: datetime.date, end: datetime.date, lang: str) -> str:
    months = {"start": wording.month(start, lang), "end": wording.month(end, lang), "year": end.year}
    if (start.year, start.month) == (end.year, end.month):
        return t("period.month", lang, **months)
    if start.year != end.year:
        return t("period.years", lang, start_year=start.year, **months)
    return t("period.months", lang, **months)


def part_bilaterals(draft: Draft) -> None:
    for series in meeting_selectors.bilateral_series_in_year(committee=draft.committee, year=draft.year):
        met = {}
        for m in series.meetings.all():
            if (
                m.state_id
                and m.status != "cancelled"
                and (draft.issue_date is None or m.start_date <= draft.issue_date)
            ):
                met.setdefault(m.state_id, m.state)
        if not met:
            continue
        states = list(met.values())
        committees = list(series.committees.all())

        def build(lang, series=series, states=states, committees=committees):
            who, plural = wording.participants(_others(committees, draft.committee), series.with_presidency, lang)
            aims = record_lines(series, "purpose", lang, _("purpose"))
            purpose = ""
            if aims:
                purpose = t(
                    "bilaterals.purpose",
                    lang,
                    clauses=clauses(aims, lang, "to" if lang == "en" else "para", elide=True),
                )
            listed = t(
                "bilaterals.states" if len(states) > 1 else "bilaterals.state",
                lang,
                states=states_list(draft, states, lang),
            )
            return t(
                "bilaterals",
                lang,
                period=_period(series.start_date, series.end_date, lang),
                participants=who,
                took_part=wording.pick("took_part", lang, plural),
                purpose=purpose,
                states=listed,
            )

        draft.add(f"series:{series.pk}", build)


def part_workshops(draft: Draft, meetings) -> None:
    for m in (m for m in meetings if m.kind == "workshop"):

        def build(lang, m=m):
            who, plural = wording.participants(_others(m.committees.all(), draft.committee), m.with_presidency, lang)
            prep = {"en": "to", "fr": "à", "es": "a"}[lang]
            aims = record_lines(m, "purpose", lang, _("purpose"))
            if aims:
                purpose = t("workshop.purpose", lang, clauses=clauses(aims, lang, prep))
            else:
                purpose = t("workshop.title", lang, title=record_text(m, "title", lang, _("title")))
            own = record_lines(m, "committee_aims", lang, _("what the committee used it for"))
            own_text = (
                t("workshop.committee_aims", lang, clauses=clauses(own, lang, PURPOSE_PREPOSITION[lang])) if own else ""
            )
            return t(
                "workshop",
                lang,
                date=wording.date(m.start_date, lang),
                participants=who,
                took_part=wording.pick("took_part", lang, plural),
                purpose=purpose,
                committee_aims=own_text,
            )

        draft.add(f"meeting:{m.pk}", build)


def _when(event_year: int, from_year: int, lang: str) -> str:
    if event_year == from_year + 1:
        return t("when.next_year", lang)
    if event_year == from_year:
        return t("when.same_year", lang)
    return t("when.year", lang, year=event_year) if event_year > from_year else ""


def part_questionnaires(draft: Draft) -> None:
    found = False
    for q in questionnaire_selectors.circulated_in_year(committee=draft.committee, year=draft.year):
        if draft.issue_date is not None and q.circulation_date > draft.issue_date:
            continue
        found = True
        numbers = [a.number for question in q.questions.all() for a in question.actions.all()]

        def build(lang, q=q, numbers=numbers):
            aims = record_lines(q, "purpose", lang, _("aims"))
            purpose = ""
            if aims:
                preposition = {"en": "to", "es": "de"}.get(lang, "")
                purpose = t("questionnaire.purpose", lang, clauses=clauses(aims, lang, preposition, elide=True))
            actions = ""
            if numbers:
                name = "questionnaire.actions" if aims else "questionnaire.actions_only"
                listed = wording.actions(numbers, lang, article=True)
                actions = t(name, lang, actions=listed, plan=wording.PLAN["name"][lang])
            event = ""
            if q.prepares is not None:
                phrase = meeting_phrase(q.prepares, lang)
                phrase = of(phrase, lang) if lang == "fr" else phrase
                event = t(
                    "questionnaire.event",
                    lang,
                    event=phrase,
                    when=_when(q.prepares.start_date.year, q.circulation_date.year, lang),
                )
            return t(
                "questionnaire",
                lang,
                date=wording.date(q.circulation_date, lang),
                purpose=purpose,
                actions=actions,
                event=event,
            )

        draft.add(f"questionnaire:{q.pk}", build)
    if not found:
        draft.note(_("No questionnaire circulated in %(year)s is recorded.") % {"year": draft.year})


def part_preliminary_observations(draft: Draft) -> None:
    """Only when the committee recorded its preliminary observations: for which meeting, from which cycle."""
    records = meeting_selectors.preliminary_observations_in_year(committee=draft.committee, year=draft.year)
    records = [r for r in records if draft.issue_date is None or r.submitted_on <= draft.issue_date]
    for record in records:

        def build(lang, record=record):
            meeting = record.meeting
            full = meeting_phrase(meeting, lang, dates=True)
            short = meeting_phrase(meeting, lang)
            cycle = ""
            if record.cycle.deadline and record.cycle.deadline.year != meeting.start_date.year:
                cycle = t("observations.cycle", lang, year=record.cycle.year)
            if record.before_meeting:
                return t(
                    "observations.before",
                    lang,
                    meeting=of(full, lang) if lang == "fr" else full,
                    meeting_short=to(short, lang) if lang == "fr" else short,
                    cycle=cycle,
                )
            return t("observations.at", lang, meeting=of(full, lang) if lang == "fr" else full, cycle=cycle)

        draft.add(f"observations:{record.pk}", build)


def part_panels(draft: Draft, meetings) -> None:
    for m in (m for m in meetings if m.kind == "panel"):

        def build(lang, m=m):
            parent = m.parent
            if parent is not None and parent.kind in ("intersessional", "msp", "review_conference"):
                phrase = meeting_phrase(parent, lang, dates=True)
                at = t("panel.during", lang, meeting=of(phrase, lang) if lang == "fr" else phrase)
            else:
                at = t("panel.on", lang, date=wording.date(m.start_date, lang))
            topics = record_lines(m, "topics", lang, _("topics discussed"))
            aims = record_lines(m, "purpose", lang, _("purpose"))
            return t(
                "panel",
                lang,
                at=at,
                title=record_text(m, "title", lang, _("title")),
                topics=t("panel.topics", lang, topics=join([wording.clause(x) for x in topics], lang))
                if topics
                else "",
                purpose=(
                    t(
                        "panel.purpose",
                        lang,
                        clauses=clauses(aims, lang, {"en": "to", "es": "de"}.get(lang, ""), elide=True),
                    )
                    if aims
                    else ""
                ),
            )

        draft.add(f"meeting:{m.pk}", build)


def part_individualised_approach(draft: Draft) -> None:
    requests = meeting_selectors.individualised_requests_up_to(
        year=draft.year, committee=draft.committee, up_to=draft.issue_date
    )

    def told(day):
        return day is not None and day.year == draft.year and (draft.issue_date is None or day <= draft.issue_date)

    held = [r for r in requests if r.status in ("held", "report_published") and told(r.held_on)]
    scheduled = [r for r in requests if r.status == "scheduled" and r.meeting_id and told(r.scheduled_on)]
    for r in held + scheduled:

        def build(lang, r=r):
            meeting = r.meeting.parent if r.meeting is not None and r.meeting.parent_id else r.requested_at
            lead = ""
            if meeting is not None:
                phrase = meeting_phrase(meeting, lang, dates=True)
                lead = t("ia.lead", lang, meeting=of(phrase, lang) if lang == "fr" else phrase)
            state = state_in_text(draft, r.state, lang)
            to_state = to(state, lang)
            support = record_text(r, "support", lang, _("support given")) or t("ia.support", lang)
            day = r.held_on if r.status != "scheduled" else (r.meeting.start_date if r.meeting else r.scheduled_on)
            when = t(
                "ia.when.held" if r.status != "scheduled" else "ia.when.scheduled",
                lang,
                day=wording.day_month(day, lang),
            )
            aims = record_lines(r, "outcome", lang, _("outcome"))
            outcome = ""
            if aims:
                text = clauses(aims, lang, {"en": "to", "es": "de"}.get(lang, ""), elide=True)
                outcome = t("ia.outcome", lang, state=state, to_state=to_state, outcome=text)
            report = ""
            if r.report_published_on and (draft.issue_date is None or r.report_published_on <= draft.issue_date):
                report = t("ia.report.published", lang, state=state, to_state=to_state)
            elif meeting_selectors.has_final_report(r):
                report = t("ia.report.written", lang, state=state, to_state=to_state)
            text = t(
                "ia.held",
                lang,
                lead=lead,
                state=state,
                to_state=to_state,
                support=support,
                when=when,
                outcome=outcome,
                report=report,
            )
            return capitalise(text)

        draft.add(f"ia:{r.pk}", build)

    pending = [r for r in requests if r.status == "requested" and told(r.requested_on)]
    groups: dict[int | None, list] = {}
    for r in pending:
        groups.setdefault(r.requested_at_id, []).append(r)
    for key, group in groups.items():
        margins_of = group[0].requested_at

        def build(lang, group=group, margins_of=margins_of, addition=bool(held or scheduled)):
            if margins_of is not None:
                full = meeting_phrase(margins_of, lang)
                margins = t(
                    "ia.requests.margins",
                    lang,
                    meeting=of(meeting_phrase(margins_of, lang, short=True), lang) if lang == "fr" else full,
                )
            else:
                full = document_meeting_phrase(draft.document, lang)
                margins = ""
            plural = len(group) > 1
            text = t(
                "ia.requests",
                lang,
                addition=t("ia.requests.addition", lang) if addition else "",
                lead=t("ia.requests.lead", lang, meeting=of(full, lang) if lang == "fr" else full),
                states=states_in_text(draft, [r.state for r in group], lang),
                their=wording.pick("ia.requests.who", lang, plural),
                who=wording.pick("ia.requests.who", lang, plural),
                margins=margins,
            )
            return capitalise(text)

        draft.add(f"ia:requests:{key or 'none'}", build)


def part_online_tool(draft: Draft) -> None:
    """The online reporting tool, when the committee promoted it ahead of the deadline falling this year."""
    facts = reporting_selectors.online_tool_year(year=draft.year, up_to=draft.issue_date)
    if facts is None or facts.promoted_by_id != draft.committee.pk:
        return

    def build(lang):
        count = ""
        if facts.online:
            count = wording.pick("tool.count", lang, facts.online > 1).format(n=facts.online)
        return t(
            "tool",
            lang,
            launched=facts.launched,
            promoted=t("tool.continued" if facts.launched < draft.year else "tool.first", lang),
            deadline=wording.date(facts.deadline, lang),
            count=count,
        )

    draft.add("online-tool", build)


def part_fund(draft: Draft) -> None:
    """The Cooperation and Assistance Fund's year, in the conclusions of the committee it reports through."""
    if draft.committee.slug != settings.FUND_COMMITTEE:
        return
    terms = fund_selectors.terms_versions_in(year=draft.year, up_to=draft.issue_date)
    applicants = fund_selectors.applicant_states(year=draft.year, up_to=draft.issue_date)
    if not terms and not applicants:
        draft.note(_("No Fund work is recorded for %(year)s.") % {"year": draft.year})
        return

    def build(lang):
        parts = [t("fund.terms", lang)] if terms else []
        if applicants:
            parts.append(
                t("fund.work" if terms else "fund.work_only", lang, states=states_in_text(draft, applicants, lang))
            )
        return t("fund", lang, parts=f" {wording.and_word(lang)} ".join(parts))

    draft.add("fund", build)


def part_priority_actions(draft: Draft) -> None:
    """The period's actions in their order, numbered on from the activities; an action carried over from the
    previous period takes that one's text where it has none of its own."""
    period = meeting_selectors.priority_period(committee=draft.committee, start_year=draft.year)
    if period is None:
        draft.note(_("No priority actions are recorded for %(year)s.") % {"year": draft.year})
        return
    for action in sorted(period.actions.all(), key=lambda a: a.number):
        sources = [action, action.carried_over_from] if action.carried_over_from else [action]

        def build(lang, sources=sources):
            for source in sources:
                text = getattr(source, f"text_{lang}", "")
                if text:
                    return text
            return record_text(sources[0], "text", lang, _("text"))  # Missing, or "" when no language has one

        draft.priorities.append((f"priority:{action.pk}", {k: v for k, v in draft.write(build).items() if v}))
    for action in meeting_selectors.priority_actions_left_behind(committee=draft.committee, before_year=draft.year):
        draft.note(
            _("Priority action %(number)s of %(period)s is “%(status)s” and no action of %(year)s carries it over.")
            % {
                "number": action.number,
                "period": action.period.label,
                "status": action.get_status_display(),
                "year": draft.year,
            }
        )


def part_gender_workplan(draft: Draft) -> None:
    items = workplan_selectors.items_for(committee=draft.committee, year=draft.year)
    if not items:
        draft.note(_("No gender and diversity workplan is recorded for %(year)s.") % {"year": draft.year})
        return
    plan = wording.PLAN
    intro = draft.write(
        lambda lang: t(
            "annex.intro", lang, review_conference=plan["review_conference"][lang], plan=plan["in_text"][lang]
        )
    )
    draft.annex.append(("plain", "annex:intro", intro))
    committee = draft.committee
    decided = draft.write(
        lambda lang: t(
            "annex.decided", lang, committee=record_text(committee, "name", lang, _("name")), year=draft.year
        )
    )
    draft.annex.append(("plain", "annex:decided", decided))
    for item in items:
        texts = draft.write(lambda lang, item=item: record_text(item, "description", lang, _("what will be done")))
        draft.annex.append(("bullet", f"workplan:{item.pk}", {k: v for k, v in texts.items() if v}))


# --- header and sections --------------------------------------------------------------------------------

SECTION_TITLES = {
    "activities": {"en": "Activities of the Committee", "fr": "Activités du Comité", "es": "Actividades del Comité"},
    "priority-actions": {
        "en": "Priority actions of the Committee",
        "fr": "Actions prioritaires du Comité",
        "es": "Acciones prioritarias del Comité",
    },
}

PLACES = {"Geneva": {"fr": "Genève", "es": "Ginebra"}}

# Kept for the tests and callers of the former names.
ordinal = labels.ordinal


def meeting_name(number: int | None, lang: str) -> str:
    """The meeting's name on the header: "Twenty-first Meeting", "Vingt et unième Assemblée", "Vigésima
    Primera Reunión"."""
    words = labels.ordinal(number or 0, lang)
    noun = {"en": "Meeting", "fr": "Assemblée", "es": "Reunión"}.get(lang)
    return f"{words} {noun}" if words and noun else ""


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
    if lang in TEMPLATE_LANGUAGES:
        topic = getattr(committee, f"topic_{lang}", "") or committee.topic_en
        if topic:
            defaults["title"] = t("title", lang, topic=topic, committee=name)
        defaults["subtitle"] = t("subtitle", lang, start=year, end=year + 1)
    return defaults


def _issue_date(document: ConclusionsDocument) -> datetime.date | None:
    """The original language's issue date (or any language's): the document tells what happened until then."""
    dates = {v.language: v.issue_date for v in document.versions.all() if v.issue_date}
    return dates.get(document.original_language) or (min(dates.values()) if dates else None)


def build_draft(document: ConclusionsDocument) -> Draft:
    """The paragraphs the records give, in every language of the document (nothing is written)."""
    languages = [v.language for v in document.versions.all()]
    issue_date = _issue_date(document)
    draft = Draft(document=document, languages=languages, issue_date=issue_date, names=_display_names())
    meetings = meeting_selectors.committee_meetings_in_year(
        committee=draft.committee, year=draft.year, up_to=issue_date
    )
    part_committee_meetings(draft, meetings)
    part_bilaterals(draft)
    part_workshops(draft, meetings)
    part_questionnaires(draft)
    part_preliminary_observations(draft)
    part_panels(draft, meetings)
    part_individualised_approach(draft)
    part_online_tool(draft)
    part_fund(draft)
    part_priority_actions(draft)
    part_gender_workplan(draft)
    return draft


@transaction.atomic
def document_generate_draft(*, document: ConclusionsDocument, by=None) -> GenerationReport:
    """Rebuild the document's sections, paragraphs and Annex I from the recorded data; fill empty header fields.
    The text of existing paragraphs is replaced (the history keeps the previous one)."""
    ensure_draft(document)
    draft = build_draft(document)
    languages = draft.languages

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
            lang: t("annex.title", lang, committee=in_language(committee, "name", lang))
            for lang in languages
            if lang in TEMPLATE_LANGUAGES
        }
        annex = section_add(document=document, kind=SectionKind.ANNEX, titles=texts_for(titles), key="annex-1")
        for kind, source, texts in draft.annex:
            paragraph_add(section=annex, texts=texts_for(texts), kind=kind, source=source)
            report.paragraphs += 1
    return report
