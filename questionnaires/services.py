"""Writes for questionnaires: building, recipients, circulation, and the States' responses."""

import datetime
from collections.abc import Iterable, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from core.services import Update, apply_changes, set_related, stored_row
from core.text import strip_tree
from core.translation import field_names
from ops.tasks import enqueue_on_commit
from states.models import State

from .answers import AnswerForm, is_empty, typed_value
from .models import (
    CHOICE_KINDS,
    Answer,
    Choice,
    Question,
    Questionnaire,
    Recipient,
    RecipientGroup,
    Response,
)

QUESTIONNAIRE_FIELDS = (
    "committee",
    *field_names("title"),
    *field_names("introduction"),
    "circulation_date",
    "circulate_automatically",
    "deadline",
    *field_names("purpose"),
    "prepares",
)
QUESTION_FIELDS = ("kind", *field_names("text"), *field_names("help"), "required", "about_gender")


def _check_dates(q: Questionnaire) -> None:
    if q.circulation_date and q.deadline and q.deadline < q.circulation_date:
        raise ValidationError({"deadline": _("The deadline cannot be before the circulation date.")})


@transaction.atomic
def questionnaire_create(*, title_en: str, circulation_date, deadline, by=None, **fields) -> Questionnaire:
    q = Questionnaire(
        title_en=title_en,
        circulation_date=circulation_date,
        deadline=deadline,
        created_by=by,
        **{k: v for k, v in fields.items() if k in QUESTIONNAIRE_FIELDS},
    )
    _check_dates(q)
    q.save()
    return q


@transaction.atomic
def questionnaire_update(*, questionnaire: Questionnaire, **fields) -> Update[Questionnaire]:
    """Texts and the deadline may change after circulation (e.g. a later deadline); the circulation date not."""
    q = questionnaire
    changed = apply_changes(q, {k: v for k, v in fields.items() if k in QUESTIONNAIRE_FIELDS})
    if q.is_circulated and "circulation_date" in changed:
        raise ValidationError({"circulation_date": _("The questionnaire has been circulated: its date is fixed.")})
    _check_dates(q)
    if changed:
        q.save(update_fields=changed)
    return Update(q, tuple(changed))


def _lock_check(questionnaire: Questionnaire, message: str) -> None:
    if questionnaire.is_circulated:
        raise ValidationError(message)


def _set_choices(question: Question, choices: Sequence[tuple[str, ...]]) -> bool:
    """Update choice texts in place by position, add new ones, drop extra ones; True when any changed.
    A choice is its texts in the order of `core.translation.languages()` (English first)."""
    existing = list(question.choices.order_by("order", "pk"))
    columns = field_names("text")
    changed = False
    for i, texts in enumerate(choices):
        values = dict(zip(columns, texts, strict=True))
        if i < len(existing):
            c = existing[i]
            if any(getattr(c, k) != v for k, v in values.items()) or c.order != i + 1:
                for k, v in values.items():
                    setattr(c, k, v)
                c.order = i + 1
                c.save(update_fields=[*columns, "order"])
                changed = True
        else:
            Choice.objects.create(question=question, order=i + 1, **values)
            changed = True
    for c in existing[len(choices) :]:
        c.delete()
        changed = True
    return changed


def _check_question(question: Question, choices: Sequence) -> None:
    if not (question.text_en or "").strip():
        raise ValidationError({"text_en": _("Write the question, at least in English.")})
    if question.kind in CHOICE_KINDS and len(choices) < 2:
        raise ValidationError({"choices_en": _("Give at least two choices, one per line.")})
    if question.kind not in CHOICE_KINDS and choices:
        raise ValidationError({"choices_en": _("Only single and multiple choice questions have choices.")})


@transaction.atomic
def question_create(
    *,
    questionnaire: Questionnaire,
    kind: str,
    text_en: str,
    choices: Sequence[tuple[str, str, str]] = (),
    actions: Iterable = (),
    **fields,
) -> Question:
    _lock_check(questionnaire, _("The questionnaire has been circulated: questions can no longer be added."))
    last = questionnaire.questions.aggregate(m=Max("order"))["m"] or 0
    question = Question(
        questionnaire=questionnaire,
        kind=kind,
        text_en=text_en,
        order=last + 1,
        **{k: v for k, v in fields.items() if k in QUESTION_FIELDS},
    )
    _check_question(question, choices)
    question.save()
    question.actions.set(actions)
    _set_choices(question, choices)
    return question


@transaction.atomic
def question_update(
    *, question: Question, choices: Sequence[tuple[str, ...]] | None = None, actions=None, **fields
) -> Update[Question]:
    """After circulation only the texts can change (not the type, nor the number of choices)."""
    circulated = question.questionnaire.is_circulated
    stored = stored_row(question)
    if circulated and fields.get("kind", stored.kind) != stored.kind:
        raise ValidationError({"kind": _("The questionnaire has been circulated: the type can no longer change.")})
    if choices is None:
        choices = [tuple(getattr(c, k) for k in field_names("text")) for c in question.choices.order_by("order", "pk")]
    if circulated and len(choices) != question.choices.count():
        raise ValidationError(
            {
                "choices_en": _(
                    "The questionnaire has been circulated: choices can be reworded but not added or removed."
                )
            }
        )
    changed = apply_changes(question, {k: v for k, v in fields.items() if k in QUESTION_FIELDS}, stored=stored)
    _check_question(question, choices)
    if changed:
        question.save(update_fields=changed)
    if set_related(question, "actions", actions):
        changed.append("actions")
    if _set_choices(question, choices):
        changed.append("choices")
    return Update(question, tuple(changed))


@transaction.atomic
def question_delete(*, question: Question) -> None:
    _lock_check(question.questionnaire, _("The questionnaire has been circulated: questions can no longer be removed."))
    questionnaire = question.questionnaire
    question.delete()
    for i, q in enumerate(questionnaire.questions.order_by("order", "pk"), start=1):
        if q.order != i:
            q.order = i
            q.save(update_fields=["order"])


@transaction.atomic
def question_move(*, question: Question, up: bool) -> Question:
    """Swap the question with the one before (`up`) or after it."""
    questions = list(question.questionnaire.questions.select_for_update().order_by("order", "pk"))
    i = next(n for n, q in enumerate(questions) if q.pk == question.pk)
    j = i - 1 if up else i + 1
    if 0 <= j < len(questions):
        questions[i], questions[j] = questions[j], questions[i]
    for n, q in enumerate(questions, start=1):
        if q.order != n:
            q.order = n
            q.save(update_fields=["order"])
    return question


def states_in_groups(*, groups: Iterable[str], year: int):
    """The States Parties of `year` in the recipient groups."""
    groups = set(groups)
    parties = State.objects.parties_in(year)
    if RecipientGroup.ALL in groups:
        return parties
    qs = State.objects.none()
    if RecipientGroup.AFFECTED in groups:
        qs = qs | parties.filter(is_affected=True)
    if RecipientGroup.PROVIDERS in groups:
        qs = qs | parties.filter(is_provider=True)
    return qs


@transaction.atomic
def questionnaire_set_recipients(
    *, questionnaire: Questionnaire, groups: Iterable[str] = (), states: Iterable[State] = ()
) -> Update[Questionnaire]:
    """Recipients are the States of the chosen groups plus the States chosen one by one.

    A State that has already started answering cannot be removed.
    """
    groups = [g for g in RecipientGroup.values if g in set(groups)]
    wanted = set(states_in_groups(groups=groups, year=questionnaire.year).values_list("pk", flat=True))
    wanted |= {s.pk for s in states}
    current = {r.state_id: r for r in questionnaire.recipients.all()}
    removed = set(current) - wanted
    answered = set(
        Response.objects.filter(questionnaire=questionnaire, state_id__in=removed).values_list("state_id", flat=True)
    )
    if answered:
        names = ", ".join(sorted(s.name for s in State.objects.filter(pk__in=answered)))
        raise ValidationError(
            {"states": _("These States have started answering and cannot be removed: %(names)s.") % {"names": names}}
        )
    if not wanted:
        raise ValidationError({"groups": _("Choose at least one group or one State.")})
    added = wanted - set(current)
    Recipient.objects.filter(questionnaire=questionnaire, state_id__in=removed).delete()
    Recipient.objects.bulk_create([Recipient(questionnaire=questionnaire, state_id=pk) for pk in added])
    changed = ["recipients"] if removed or added else []
    if stored_row(questionnaire).recipient_groups != groups:
        questionnaire.recipient_groups = groups
        questionnaire.save(update_fields=["recipient_groups"])
        changed.append("recipient_groups")
    return Update(questionnaire, tuple(changed))


@transaction.atomic
def questionnaire_circulate(*, questionnaire: Questionnaire, by, today: datetime.date | None = None) -> Questionnaire:
    """Mark the questionnaire circulated and e-mail its recipients once the transaction commits."""
    today = today or timezone.localdate()
    q = Questionnaire.objects.select_for_update().get(pk=questionnaire.pk)
    errors = {}
    if q.is_circulated:
        errors["__all__"] = _("The questionnaire has already been circulated.")
    if not q.questions.exists():
        errors["questions"] = _("Add at least one question.")
    if not q.recipients.exists():
        errors["recipients"] = _("Choose the recipients.")
    if q.circulation_date > today:
        errors["circulation_date"] = _(
            "The circulation date is %(date)s: circulate on that day, or change the date."
        ) % {"date": q.circulation_date}
    if q.deadline < today:
        errors["deadline"] = _("The deadline has passed: set a later deadline first.")
    if errors:
        raise ValidationError(errors)
    q.circulated_at = timezone.now()
    q.circulated_by = by
    q.save(update_fields=["circulated_at", "circulated_by"])
    enqueue_on_commit("questionnaires.tasks.send_circulation", q.pk)
    return q


def questionnaires_circulate_due(*, today: datetime.date | None = None) -> list[Questionnaire]:
    """Circulate the questionnaires set to go out automatically whose circulation date has come.

    One that cannot go (no question or recipient yet, deadline passed) is skipped and stays a
    draft; the ISU sees it there. Idempotent: a circulated questionnaire is never sent twice.
    """
    today = today or timezone.localdate()
    circulated = []
    due = Questionnaire.objects.filter(
        circulate_automatically=True, circulated_at__isnull=True, circulation_date__lte=today
    )
    for questionnaire in due:
        try:
            circulated.append(questionnaire_circulate(questionnaire=questionnaire, by=None, today=today))
        except ValidationError:
            continue
    return circulated


def questionnaire_send_invitations(*, questionnaire: Questionnaire) -> int:
    """E-mail the delegates of every recipient State not yet notified; returns the number of e-mails sent.

    Each recipient is claimed with a conditional update before sending, so two runs never e-mail it
    twice; a failed send releases the claim and the task retries.
    """
    from . import emails

    if not questionnaire.is_circulated:
        return 0
    sent = 0
    pending = list(questionnaire.recipients.filter(notified_at__isnull=True).select_related("state"))
    for recipient in pending:
        claimed = Recipient.objects.filter(pk=recipient.pk, notified_at__isnull=True).update(notified_at=timezone.now())
        if not claimed:
            continue
        try:
            count = emails.send_circulation(questionnaire=questionnaire, state=recipient.state)
        except Exception:
            Recipient.objects.filter(pk=recipient.pk).update(notified_at=None)
            raise
        Recipient.objects.filter(pk=recipient.pk).update(notified_count=count)
        sent += count
    return sent


# Responses ----------------------------------------------------------------------------------------


def _questions(questionnaire: Questionnaire) -> list[Question]:
    return list(questionnaire.questions.prefetch_related("choices").order_by("order", "pk"))


def _check_can_change(response: Response, today: datetime.date) -> None:
    q = response.questionnaire
    if not q.is_circulated:
        raise ValidationError(_("The questionnaire has not been circulated."))
    if response.is_submitted and q.deadline_passed(today):
        raise ValidationError(
            _("The deadline (%(date)s) has passed: the submitted answers can no longer be changed.")
            % {"date": q.deadline}
        )


def response_for_state(*, questionnaire: Questionnaire, state_id: int) -> Response:
    """The State's response, unsaved (and empty) until the first draft or submission."""
    response = Response.objects.filter(questionnaire=questionnaire, state_id=state_id).first()
    if response is None:
        response = Response(questionnaire=questionnaire, state_id=state_id)
    response.questionnaire = questionnaire
    return response


def _locked(response: Response) -> Response:
    """The stored response, created if needed and locked for the rest of the transaction."""
    questionnaire = response.questionnaire
    Response.objects.get_or_create(questionnaire=questionnaire, state_id=response.state_id)
    locked = Response.objects.select_for_update().get(questionnaire=questionnaire, state_id=response.state_id)
    locked.questionnaire = questionnaire
    return locked


@transaction.atomic
def response_save_draft(*, response: Response, raw: dict, by, today: datetime.date | None = None) -> Update[Response]:
    """Keep what was typed, valid or not (a draft as already stored writes nothing)."""
    response = _locked(response)
    _check_can_change(response, today or timezone.localdate())
    raw = strip_tree(raw)[0]  # PostgreSQL refuses NUL in JSON; the view says what was removed
    if response.draft_saved_at is not None and response.draft_data == raw:
        return Update(response)
    response.draft_data = raw
    response.draft_saved_at = timezone.now()
    response.draft_saved_by = by
    response.save(update_fields=["draft_data", "draft_saved_at", "draft_saved_by"])
    return Update(response, ("draft_data",))


@transaction.atomic
def response_submit(*, response: Response, raw: dict, by, today: datetime.date | None = None) -> Response:
    """Validate every answer and freeze them as typed `Answer` rows (replacing those of an earlier submission).

    A first submission after the deadline is accepted (and shows as late); a submitted response can be
    amended until the deadline only.
    """
    today = today or timezone.localdate()
    raw = strip_tree(raw)[0]
    response = _locked(response)
    _check_can_change(response, today)
    questions = _questions(response.questionnaire)
    form = AnswerForm(data=raw, questions=questions, strict=True)
    if not form.is_valid():
        raise ValidationError(form.errors.as_data())
    now = timezone.now()
    response.draft_data = raw
    response.submitted_data = raw
    response.draft_saved_at = response.draft_saved_at or now
    response.submitted_at = now
    response.first_submitted_at = response.first_submitted_at or now
    response.submitted_by = by
    response.version += 1
    response.save()
    response.answers.all().delete()
    for question in questions:
        cleaned = form.cleaned_data.get(question.field_name)
        if is_empty(question, cleaned):
            continue
        values = typed_value(question, cleaned)
        choice_ids = values.pop("choice_ids", None)
        answer = Answer.objects.create(response=response, question=question, **values)
        if choice_ids:
            answer.choices.set(choice_ids)
    return response
