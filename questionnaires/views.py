from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.roles import is_committee, require_isu
from core.forms import add_service_errors
from core.messages import saved_or_unchanged
from core.text import strip_tree, warn_removed

from . import exports, permissions, selectors, services
from .answers import AnswerForm
from .forms import QuestionForm, QuestionnaireForm, RecipientsForm
from .models import Questionnaire


def _message_errors(request, exc: ValidationError) -> None:
    for message in exc.messages:
        messages.error(request, message)


@login_required
def questionnaire_list(request):
    rows = selectors.questionnaires_for_list(request.user)
    my_responses = {}
    if not is_committee(request.user) and request.user.is_state_user:
        my_responses = {
            r.questionnaire_id: r
            for r in request.user.state.questionnaire_responses.defer("draft_data", "submitted_data")
        }
    if not is_committee(request.user) and not request.user.is_state_user:
        rows = []
    items = [(q, rate, my_responses.get(q.pk)) for q, rate in rows]
    return render(request, "questionnaires/list.html", {"items": items, "today": timezone.localdate()})


@login_required
def questionnaire_create(request):
    require_isu(request.user)
    form = QuestionnaireForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            q = services.questionnaire_create(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Questionnaire created. Add its questions, then choose the recipients."))
            return redirect("questionnaires:detail", pk=q.pk)
    return render(request, "questionnaires/form.html", {"form": form, "title": _("New questionnaire")})


@login_required
def questionnaire_detail(request, pk: int):
    q = permissions.get_questionnaire_for_user(request.user, pk)
    questions = selectors.questions_of(q)
    context = {"questionnaire": q, "questions": questions, "today": timezone.localdate()}
    if is_committee(request.user):
        context["rate"] = selectors.response_rate(q)
        context["recipient_count"] = context["rate"].recipients
    else:
        context["response"] = services.response_for_state(questionnaire=q, state_id=request.user.state_id)
    return render(request, "questionnaires/detail.html", context)


@login_required
def questionnaire_update(request, pk: int):
    q = permissions.get_questionnaire_for_user(request.user, pk, write=True)
    form = QuestionnaireForm(request.POST or None, instance=q)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.questionnaire_update(questionnaire=q, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Questionnaire saved."))
            return redirect("questionnaires:detail", pk=q.pk)
    return render(
        request, "questionnaires/form.html", {"form": form, "title": _("Edit the questionnaire"), "questionnaire": q}
    )


@login_required
def question_create(request, pk: int):
    q = permissions.get_questionnaire_for_user(request.user, pk, write=True)
    if q.is_circulated:
        messages.error(request, _("The questionnaire has been circulated: questions can no longer be added."))
        return redirect("questionnaires:detail", pk=q.pk)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.question_create(
                questionnaire=q,
                choices=form.choice_rows(),
                actions=form.cleaned_data["actions"],
                **form.service_fields(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Question added."))
            if "add_another" in request.POST:
                return redirect("questionnaires:question_create", pk=q.pk)
            return redirect("questionnaires:detail", pk=q.pk)
    return render(
        request,
        "questionnaires/form.html",
        {"form": form, "title": _("Add a question"), "questionnaire": q, "add_another": True},
    )


@login_required
def question_update(request, pk: int):
    question = permissions.get_question_for_user(request.user, pk, write=True)
    q = question.questionnaire
    form = QuestionForm(request.POST or None, instance=question)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.question_update(
                question=question,
                choices=form.choice_rows(),
                actions=form.cleaned_data["actions"],
                **form.service_fields(),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(request, update.changed, _("Question saved."))
            return redirect("questionnaires:detail", pk=q.pk)
    return render(
        request,
        "questionnaires/form.html",
        {
            "form": form,
            "title": _("Edit the question"),
            "questionnaire": q,
            "delete_question": None if q.is_circulated else question,
        },
    )


@login_required
@require_POST
def question_delete(request, pk: int):
    question = permissions.get_question_for_user(request.user, pk, write=True)
    q = question.questionnaire
    try:
        services.question_delete(question=question)
    except ValidationError as exc:
        _message_errors(request, exc)
    else:
        messages.success(request, _("Question removed."))
    return redirect("questionnaires:detail", pk=q.pk)


@login_required
@require_POST
def question_move(request, pk: int):
    question = permissions.get_question_for_user(request.user, pk, write=True)
    services.question_move(question=question, up=request.POST.get("direction") != "down")
    return redirect("questionnaires:detail", pk=question.questionnaire_id)


@login_required
def recipients(request, pk: int):
    q = permissions.get_questionnaire_for_user(request.user, pk, write=True)
    current = list(q.recipients.select_related("state"))
    in_groups = set(services.states_in_groups(groups=q.recipient_groups, year=q.year).values_list("pk", flat=True))
    initial = {"groups": q.recipient_groups, "states": [r.state_id for r in current if r.state_id not in in_groups]}
    form = RecipientsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            update = services.questionnaire_set_recipients(questionnaire=q, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            saved_or_unchanged(
                request, update.changed, _("%(n)s recipient States saved.") % {"n": q.recipients.count()}
            )
            return redirect("questionnaires:detail", pk=q.pk)
    return render(request, "questionnaires/recipients.html", {"form": form, "questionnaire": q, "current": current})


@login_required
def circulate(request, pk: int):
    """GET: what will happen; POST: circulate (or e-mail recipients added since) once the transaction commits."""
    q = permissions.get_questionnaire_for_user(request.user, pk, write=True)
    rows = selectors.recipient_rows(q)
    pending = [r for r in rows if r.recipient.notified_at is None]
    if request.method == "POST":
        try:
            if q.is_circulated:
                from ops.tasks import enqueue_on_commit

                from .tasks import send_circulation

                enqueue_on_commit(send_circulation, q.pk)
                messages.success(
                    request, _("E-mails are being sent to the %(n)s recipients not yet notified.") % {"n": len(pending)}
                )
            else:
                services.questionnaire_circulate(questionnaire=q, by=request.user)
                messages.success(
                    request,
                    _("Questionnaire circulated: e-mails are being sent to the %(n)s recipient States.")
                    % {"n": len(rows)},
                )
        except ValidationError as exc:
            _message_errors(request, exc)
            return redirect("questionnaires:circulate", pk=q.pk)
        return redirect("questionnaires:responses", pk=q.pk)
    return render(
        request,
        "questionnaires/circulate.html",
        {"questionnaire": q, "rows": rows, "pending": pending, "question_count": q.questions.count()},
    )


@login_required
def responses(request, pk: int):
    q = permissions.get_questionnaire_for_results(request.user, pk)
    rows = selectors.recipient_rows(q)
    rate = selectors.Rate(
        recipients=len(rows),
        submitted=sum(1 for r in rows if r.response and r.response.is_submitted),
        drafts=sum(1 for r in rows if r.response and not r.response.is_submitted),
    )
    return render(request, "questionnaires/responses.html", {"questionnaire": q, "rows": rows, "rate": rate})


@login_required
def summary(request, pk: int):
    q = permissions.get_questionnaire_for_results(request.user, pk)
    data = selectors.questionnaire_summary(q)
    return render(request, "questionnaires/summary.html", {"questionnaire": q, **data})


def _filename(q: Questionnaire, ext: str) -> str:
    return f"questionnaire-{q.pk}-{slugify(q.title_en)[:50]}-answers.{ext}"


@login_required
def export_csv(request, pk: int):
    q = permissions.get_questionnaire_for_results(request.user, pk)
    response = HttpResponse(exports.answers_csv(q), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(q, "csv")}"'
    return response


@login_required
def export_xlsx(request, pk: int):
    q = permissions.get_questionnaire_for_results(request.user, pk)
    response = HttpResponse(
        exports.answers_xlsx(q), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(q, "xlsx")}"'
    return response


@login_required
def answer(request, pk: int):
    """A delegate answers for their own State: save a draft (anything typed is kept), submit, amend."""
    q, state_id = permissions.get_questionnaire_to_answer(request.user, pk)
    return _answer(request, q, state_id, here=reverse("questionnaires:answer", kwargs={"pk": q.pk}))


@login_required
def answer_for_state(request, pk: int, iso3: str):
    """The ISU records answers a State sent by e-mail, under the same rules as the State's own form."""
    q, state = permissions.get_questionnaire_to_answer_for(request.user, pk, iso3)
    here = reverse("questionnaires:answer_for_state", kwargs={"pk": q.pk, "iso3": state.iso3})
    return _answer(request, q, state.pk, here=here, on_behalf_of=state)


def _answer(request, q: Questionnaire, state_id: int, *, here: str, on_behalf_of=None):
    questions = selectors.questions_of(q)
    response = services.response_for_state(questionnaire=q, state_id=state_id)
    today = timezone.localdate()
    locked = response.is_submitted and q.deadline_passed(today)
    if request.method == "POST" and not locked:
        submit = "submit" in request.POST
        form = AnswerForm(request.POST, questions=questions, strict=submit)
        raw, stripped = strip_tree(form.raw_data())
        if stripped:  # kept and checked without them, and the user is told
            form = AnswerForm(raw, questions=questions, strict=submit)
        try:
            update = services.response_save_draft(response=response, raw=raw, by=request.user)
            response = update.obj
            warn_removed(request, [form.fields[p[0]].label for p in stripped if p[0] in form.fields])
            if submit:
                if form.is_valid():
                    response = services.response_submit(response=response, raw=raw, by=request.user)
                    messages.success(
                        request,
                        _("The answers have been submitted. They can be amended until %(date)s.")
                        % {"date": date_format(q.deadline)},
                    )
                    return redirect("questionnaires:response_detail", pk=response.pk)
                messages.error(
                    request,
                    _("The answers are saved as a draft but could not be submitted: see the problems below."),
                )
            else:
                saved_or_unchanged(request, update.changed, _("Draft saved. Nothing is sent until you submit."))
                return redirect(here)
        except ValidationError as exc:
            add_service_errors(form, exc)
    else:
        if request.method == "POST":
            messages.error(request, _("The deadline has passed: the submitted answers can no longer be changed."))
        form = AnswerForm(initial=response.draft_data, questions=questions, strict=True)
    return render(
        request,
        "questionnaires/answer.html",
        {
            "questionnaire": q,
            "response": response,
            "form": form,
            "locked": locked,
            "today": today,
            "on_behalf_of": on_behalf_of,
        },
    )


@login_required
def response_detail(request, pk: int):
    response = permissions.get_response_for_user(request.user, pk)
    q = response.questionnaire
    questions = selectors.questions_of(q)
    answers = {a.question_id: a for a in response.answers.prefetch_related("choices")}
    rows = [(n, question, answers.get(question.pk)) for n, question in enumerate(questions, start=1)]
    rows = [(n, question, selectors.display_value(question, a) if a else "") for n, question, a in rows]
    today = timezone.localdate()
    can_amend = request.user.is_delegate and not q.deadline_passed(today)
    return render(
        request,
        "questionnaires/response_detail.html",
        {"response": response, "questionnaire": q, "rows": rows, "can_amend": can_amend},
    )
