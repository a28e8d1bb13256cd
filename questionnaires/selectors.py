"""Reads for questionnaire pages: recipients and their status, response rates, summaries, exports."""

import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from core.numbers import format_number

from .charts import bar_chart_svg
from .models import Answer, Choice, Question, QuestionKind, Questionnaire, Recipient, Response


@dataclass
class Rate:
    recipients: int
    submitted: int
    drafts: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.submitted / self.recipients) if self.recipients else 0

    @property
    def not_started(self) -> int:
        return self.recipients - self.submitted - self.drafts


def response_rates(questionnaires) -> dict[int, Rate]:
    """Recipients, submitted responses and drafts of many questionnaires, in two queries."""
    ids = [q.pk for q in questionnaires]
    recipients = dict(
        Recipient.objects.filter(questionnaire_id__in=ids)
        .values("questionnaire")
        .annotate(n=Count("pk"))
        .values_list("questionnaire", "n")
    )
    responses = {
        r["questionnaire"]: r
        for r in Response.objects.filter(questionnaire_id__in=ids)
        .values("questionnaire")
        .annotate(
            submitted=Count("pk", filter=Q(submitted_at__isnull=False)),
            drafts=Count("pk", filter=Q(submitted_at__isnull=True)),
        )
    }
    return {
        pk: Rate(
            recipients=recipients.get(pk, 0),
            submitted=responses.get(pk, {}).get("submitted", 0),
            drafts=responses.get(pk, {}).get("drafts", 0),
        )
        for pk in ids
    }


def response_rate(questionnaire: Questionnaire) -> Rate:
    return response_rates([questionnaire])[questionnaire.pk]


def questionnaires_for_list(user) -> list[tuple[Questionnaire, Rate]]:
    questionnaires = list(Questionnaire.objects.visible_to(user).select_related("committee").distinct())
    rates = response_rates(questionnaires)
    return [(q, rates[q.pk]) for q in questionnaires]


@dataclass
class RecipientRow:
    recipient: Recipient
    response: Response | None

    @property
    def state(self):
        return self.recipient.state

    @property
    def status(self) -> str:
        if self.response is None:
            return "not_started"
        if self.response.is_submitted:
            return "late" if self.response.is_late else "submitted"
        return "draft"

    @property
    def status_label(self) -> str:
        return {
            "not_started": pgettext("questionnaire answers", "Not started"),
            "draft": pgettext("questionnaire answers", "Draft"),
            "submitted": pgettext("questionnaire answers", "Submitted"),
            "late": pgettext("questionnaire answers", "Submitted late"),
        }[self.status]


def recipient_rows(questionnaire: Questionnaire) -> list[RecipientRow]:
    responses = {
        r.state_id: r
        for r in Response.objects.filter(questionnaire=questionnaire)
        .select_related("submitted_by")
        .defer("draft_data", "submitted_data")
    }
    rows = []
    for recipient in questionnaire.recipients.select_related("state").order_by("state__name_en"):
        response = responses.get(recipient.state_id)
        if response is not None:
            response.questionnaire = questionnaire
        rows.append(RecipientRow(recipient=recipient, response=response))
    return rows


def questions_of(questionnaire: Questionnaire) -> list[Question]:
    return list(
        questionnaire.questions.prefetch_related(
            Prefetch("choices", queryset=Choice.objects.order_by("order", "pk")),
            "actions",
        ).order_by("order", "pk")
    )


def _plain(number):
    """12.50 -> 12.5, 1E+1 -> 10: the answer's own digits, without trailing zeros or an exponent."""
    return number.quantize(1) if number == number.to_integral_value() else number.normalize()


def display_value(question: Question, answer: Answer) -> str:
    if question.kind == QuestionKind.TEXT:
        return answer.text
    if question.kind == QuestionKind.NUMBER:
        return "" if answer.number is None else format_number(_plain(answer.number))
    if question.kind == QuestionKind.YES_NO:
        return {True: str(_("Yes")), False: str(_("No")), None: ""}[answer.yes_no]
    return "; ".join(c.text for c in answer.choices.all())


def _submitted_answers(questionnaire: Questionnaire) -> list[Answer]:
    return list(
        Answer.objects.filter(response__questionnaire=questionnaire, response__submitted_at__isnull=False)
        .select_related("response__state")
        .prefetch_related("choices")
        .order_by("response__state__name_en", "question_id")
    )


@dataclass
class OptionCount:
    label: str
    count: int
    percent: int


@dataclass
class QuestionSummary:
    number: int
    question: Question
    respondents: int  # submitted responses
    answered: int
    options: list[OptionCount] = field(default_factory=list)
    answers: list[tuple] = field(default_factory=list)  # (state, displayed value) for open questions
    chart: str = ""
    stats: dict = field(default_factory=dict)

    @property
    def unanswered(self) -> int:
        return self.respondents - self.answered


def _closed_summary(summary: QuestionSummary, answers: list[Answer]) -> None:
    q = summary.question
    counts: Counter = Counter()
    if q.kind == QuestionKind.YES_NO:
        labels = [(True, _("Yes")), (False, _("No"))]
        for a in answers:
            counts[a.yes_no] += 1
    else:
        labels = [(c.pk, c.text) for c in q.choices.all()]
        for a in answers:
            for c in a.choices.all():
                counts[c.pk] += 1
    base = summary.respondents or 1
    summary.options = [
        OptionCount(label=str(label), count=counts[key], percent=round(100 * counts[key] / base))
        for key, label in labels
    ]
    if summary.unanswered:
        summary.options.append(
            OptionCount(
                label=str(_("No answer")),
                count=summary.unanswered,
                percent=round(100 * summary.unanswered / base),
            )
        )
    summary.chart = bar_chart_svg(
        [(o.label, o.count, o.percent) for o in summary.options],
        title=f"{summary.number}. {q.text}",
        chart_id=f"chart-q{q.pk}",
    )


def questionnaire_summary(questionnaire: Questionnaire) -> dict:
    """Per question: counts and a chart for closed questions, every answer with its State for open ones.

    A constant number of queries whatever the number of questions and responses.
    """
    questions = questions_of(questionnaire)
    rate = response_rate(questionnaire)
    by_question: dict[int, list[Answer]] = {}
    for a in _submitted_answers(questionnaire):
        by_question.setdefault(a.question_id, []).append(a)
    summaries = []
    for number, q in enumerate(questions, start=1):
        answers = by_question.get(q.pk, [])
        s = QuestionSummary(number=number, question=q, respondents=rate.submitted, answered=len(answers))
        if q.is_closed:
            _closed_summary(s, answers)
        else:
            s.answers = [(a.response.state, display_value(q, a)) for a in answers]
            if q.kind == QuestionKind.NUMBER:
                values = [a.number for a in answers if a.number is not None]
                if values:
                    total = sum(values, Decimal(0))
                    s.stats = {"min": min(values), "max": max(values), "sum": total, "mean": total / len(values)}
        summaries.append(s)
    return {"rate": rate, "questions": summaries}


def export_table(questionnaire: Questionnaire) -> tuple[list[str], list[list]]:
    """One row per submitted response, one column per question (texts in the active language)."""
    questions = questions_of(questionnaire)
    header = [_("State"), _("ISO code"), _("Submitted at (UTC)"), _("Version"), _("Late")]
    header += [f"{n}. {q.text}" for n, q in enumerate(questions, start=1)]
    answers: dict[tuple[int, int], Answer] = {
        (a.response_id, a.question_id): a for a in _submitted_answers(questionnaire)
    }
    rows = []
    responses = (
        Response.objects.submitted()
        .filter(questionnaire=questionnaire)
        .select_related("state")
        .defer("draft_data", "submitted_data")
        .order_by("state__name_en")
    )
    for r in responses:
        r.questionnaire = questionnaire
        row = [
            r.state.name,
            r.state.iso3,
            timezone.localtime(r.submitted_at, datetime.UTC).strftime("%Y-%m-%d %H:%M"),
            r.version,
            _("yes") if r.is_late else _("no"),
        ]
        for q in questions:
            a = answers.get((r.pk, q.pk))
            if a is None:
                row.append("")
            elif q.kind == QuestionKind.NUMBER and a.number is not None:
                row.append(a.number)
            else:
                row.append(display_value(q, a))
        rows.append(row)
    return [str(h) for h in header], rows


def open_for_state(*, state, today: datetime.date | None = None) -> list[dict]:
    """Circulated questionnaires sent to the State that it has not submitted and can still answer."""
    today = today or timezone.localdate()
    questionnaires = list(
        Questionnaire.objects.circulated()
        .filter(recipients__state=state, deadline__gte=today - datetime.timedelta(days=OPEN_AFTER_DEADLINE_DAYS))
        .order_by("deadline")
    )
    responses = {
        r.questionnaire_id: r
        for r in Response.objects.filter(questionnaire__in=questionnaires, state=state).defer(
            "draft_data", "submitted_data"
        )
    }
    out = []
    for q in questionnaires:
        response = responses.get(q.pk)
        if response is not None and response.is_submitted:
            continue
        days_left = q.days_left(today)
        out.append({"questionnaire": q, "response": response, "days_left": days_left, "days_late": -days_left})
    return out


# A questionnaire stays on a delegate's home page, and in the reminders, this long after its deadline.
OPEN_AFTER_DEADLINE_DAYS = 30


def state_responses(*, state) -> list[Response]:
    return list(
        Response.objects.submitted()
        .filter(state=state)
        .select_related("questionnaire")
        .defer("draft_data", "submitted_data")
        .order_by("-submitted_at")
    )


def circulated_in_year(*, committee, year: int):
    """The committee's questionnaires circulated in a year, with their questions' actions."""
    return (
        Questionnaire.objects.filter(committee=committee, circulation_date__year=year)
        .exclude(circulated_at__isnull=True)
        .select_related("prepares")
        .prefetch_related("questions__actions")
        .order_by("circulation_date")
    )
