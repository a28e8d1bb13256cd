import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError

from accounts.models import Role
from accounts.tests.factories import UserFactory
from questionnaires import services
from questionnaires.models import Answer, QuestionKind, Recipient, RecipientGroup, Response
from states.tests.factories import StateFactory

from .conftest import choice, full_answers
from .factories import QuestionFactory, QuestionnaireFactory

pytestmark = pytest.mark.django_db

IN_MAY = datetime.datetime(2023, 5, 15, 10, 0, tzinfo=datetime.UTC)
IN_JUNE = datetime.datetime(2023, 6, 2, 10, 0, tzinfo=datetime.UTC)


def _response(survey, state):
    return services.response_for_state(questionnaire=survey, state_id=state.pk)


@time_machine.travel(IN_MAY)
def test_a_draft_keeps_incomplete_and_invalid_values(survey, cast):
    raw = {survey.q["number"].field_name: "about twelve", survey.q["text"].field_name: "Half a sentence"}
    response = services.response_save_draft(response=_response(survey, cast.state_a), raw=raw, by=cast.delegate_a).obj
    response.refresh_from_db()
    assert response.draft_data == raw
    assert not response.is_submitted
    assert not Answer.objects.exists()


@time_machine.travel(IN_MAY)
def test_submitting_checks_every_answer(survey, cast):
    raw = full_answers(survey, **{survey.q["number"].field_name: "twelve", survey.q["text"].field_name: ""})
    with pytest.raises(ValidationError) as exc:
        services.response_submit(response=_response(survey, cast.state_a), raw=raw, by=cast.delegate_a)
    errors = exc.value.message_dict
    assert set(errors) == {survey.q["number"].field_name, survey.q["text"].field_name}
    assert not Response.objects.filter(submitted_at__isnull=False).exists()


@time_machine.travel(IN_MAY)
def test_a_choice_that_is_not_offered_is_refused(survey, cast):
    raw = full_answers(survey, **{survey.q["single"].field_name: "999999"})
    with pytest.raises(ValidationError) as exc:
        services.response_submit(response=_response(survey, cast.state_a), raw=raw, by=cast.delegate_a)
    assert survey.q["single"].field_name in exc.value.message_dict


@time_machine.travel(IN_MAY)
def test_submitting_stores_typed_answers(survey, cast):
    response = services.response_submit(
        response=_response(survey, cast.state_a), raw=full_answers(survey), by=cast.delegate_a
    )
    answers = {a.question.kind: a for a in response.answers.prefetch_related("choices")}
    assert answers[QuestionKind.TEXT].text == "A platform meets twice a year."
    assert answers[QuestionKind.YES_NO].yes_no is True
    assert answers[QuestionKind.NUMBER].number == 12
    assert [c.text_en for c in answers[QuestionKind.SINGLE].choices.all()] == ["Fund"]
    assert sorted(c.text_en for c in answers[QuestionKind.MULTIPLE].choices.all()) == ["Clearance", "Victim assistance"]
    assert (response.version, response.is_late, response.submitted_by) == (1, False, cast.delegate_a)


@time_machine.travel(IN_MAY)
def test_an_optional_question_may_stay_empty(survey, cast):
    raw = full_answers(survey, **{survey.q["multiple"].field_name: []})
    response = services.response_submit(response=_response(survey, cast.state_a), raw=raw, by=cast.delegate_a)
    assert response.answers.count() == 4


def test_amending_before_the_deadline_replaces_the_answers(survey, cast):
    with time_machine.travel(IN_MAY):
        services.response_submit(response=_response(survey, cast.state_a), raw=full_answers(survey), by=cast.delegate_a)
    with time_machine.travel(datetime.datetime(2023, 5, 31, 15, 0, tzinfo=datetime.UTC)):
        raw = full_answers(survey, **{survey.q["yes_no"].field_name: "no"})
        response = services.response_submit(response=_response(survey, cast.state_a), raw=raw, by=cast.delegate_a)
    assert response.version == 2 and response.is_amended and not response.is_late
    assert Answer.objects.get(response=response, question=survey.q["yes_no"]).yes_no is False
    assert Answer.objects.filter(response=response).count() == 5


def test_after_the_deadline_submitted_answers_can_no_longer_change(survey, cast):
    with time_machine.travel(IN_MAY):
        services.response_submit(response=_response(survey, cast.state_a), raw=full_answers(survey), by=cast.delegate_a)
    with time_machine.travel(IN_JUNE):
        raw = full_answers(survey, **{survey.q["yes_no"].field_name: "no"})
        with pytest.raises(ValidationError):
            services.response_submit(response=_response(survey, cast.state_a), raw=raw, by=cast.delegate_a)
        with pytest.raises(ValidationError):
            services.response_save_draft(response=_response(survey, cast.state_a), raw=raw, by=cast.delegate_a)
    assert Answer.objects.get(question=survey.q["yes_no"]).yes_no is True


@time_machine.travel(IN_JUNE)
def test_a_first_submission_after_the_deadline_is_accepted_and_late(survey, cast):
    response = services.response_submit(
        response=_response(survey, cast.state_b), raw=full_answers(survey), by=cast.delegate_b
    )
    assert response.is_submitted and response.is_late


def test_recipients_by_group_are_the_states_parties_of_the_year(cast):
    affected = StateFactory(iso3="QAF", iso2="QF", is_affected=True)
    donor = StateFactory(iso3="QDO", iso2="QD", is_provider=True)
    StateFactory(iso3="QLA", iso2="QL", is_affected=True, party_since=datetime.date(2024, 3, 1))  # not a Party in 2023
    neither = StateFactory(iso3="QNE", iso2="QN")
    q = QuestionnaireFactory()
    services.questionnaire_set_recipients(questionnaire=q, groups=[RecipientGroup.AFFECTED])
    assert set(q.recipients.values_list("state", flat=True)) == {affected.pk, cast.state_a.pk}
    services.questionnaire_set_recipients(
        questionnaire=q, groups=[RecipientGroup.AFFECTED, RecipientGroup.PROVIDERS], states=[neither]
    )
    expected = {affected.pk, donor.pk, cast.state_a.pk, cast.state_b.pk, neither.pk}
    expected |= {cast.chair.state_id}  # the chair's State is a provider
    assert set(q.recipients.values_list("state", flat=True)) == expected
    assert q.recipient_groups == ["affected", "providers"]


def test_a_state_that_started_answering_cannot_be_removed(survey, cast):
    with time_machine.travel(IN_MAY):
        services.response_save_draft(response=_response(survey, cast.state_b), raw={}, by=cast.delegate_b)
    with pytest.raises(ValidationError) as exc:
        services.questionnaire_set_recipients(questionnaire=survey, states=[cast.state_a])
    assert "Borduria B" in str(exc.value)
    assert Recipient.objects.filter(questionnaire=survey).count() == 2


def test_circulating_needs_questions_and_recipients(cast):
    q = QuestionnaireFactory(circulation_date=datetime.date(2023, 5, 1), deadline=datetime.date(2023, 5, 31))
    with time_machine.travel(IN_MAY), pytest.raises(ValidationError) as exc:
        services.questionnaire_circulate(questionnaire=q, by=cast.isu)
    assert {"questions", "recipients"} <= set(exc.value.message_dict)


def test_circulation_waits_for_its_date(cast):
    q = QuestionnaireFactory(circulation_date=datetime.date(2023, 5, 20), deadline=datetime.date(2023, 5, 31))
    QuestionFactory(questionnaire=q)
    Recipient.objects.create(questionnaire=q, state=cast.state_a)
    with time_machine.travel(IN_MAY), pytest.raises(ValidationError) as exc:
        services.questionnaire_circulate(questionnaire=q, by=cast.isu)
    assert "circulation_date" in exc.value.message_dict


def test_circulation_emails_each_delegate_once_in_their_language(cast, django_capture_on_commit_callbacks):
    cast.delegate_a.preferred_language = "fr"
    cast.delegate_a.save()
    UserFactory(role=Role.DELEGATE, state=cast.state_a, is_active=False)  # inactive: not e-mailed
    q = QuestionnaireFactory(title_en="C&A questionnaire", title_fr="Questionnaire C&A")
    QuestionFactory(questionnaire=q)
    Recipient.objects.create(questionnaire=q, state=cast.state_a)
    Recipient.objects.create(questionnaire=q, state=cast.state_b)
    with time_machine.travel(IN_MAY), django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.questionnaire_circulate(questionnaire=q, by=cast.isu)
    assert len(callbacks) == 1
    assert sorted(m.to[0] for m in mail.outbox) == ["delegate.a@example.org", "delegate.b@example.org"]
    french = next(m for m in mail.outbox if m.to == ["delegate.a@example.org"])
    assert "Questionnaire C&A" in french.subject
    assert f"/questionnaires/{q.pk}/answer/" in french.body
    assert Recipient.objects.filter(questionnaire=q, notified_at__isnull=False).count() == 2
    # Running the send again (a retry, or a click) e-mails nobody twice.
    assert services.questionnaire_send_invitations(questionnaire=q) == 0
    assert len(mail.outbox) == 2


def test_a_failed_email_releases_the_recipient_for_a_retry(cast, monkeypatch):
    q = QuestionnaireFactory()
    QuestionFactory(questionnaire=q)
    Recipient.objects.create(questionnaire=q, state=cast.state_a)
    q.circulated_at = datetime.datetime(2023, 5, 1, tzinfo=datetime.UTC)
    q.save()

    def boom(**kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr("questionnaires.emails.send_circulation", boom)
    with pytest.raises(OSError):
        services.questionnaire_send_invitations(questionnaire=q)
    assert Recipient.objects.get(questionnaire=q).notified_at is None


def test_questions_are_locked_once_circulated(survey):
    with pytest.raises(ValidationError):
        services.question_create(questionnaire=survey, kind=QuestionKind.TEXT, text_en="Another?")
    with pytest.raises(ValidationError):
        services.question_delete(question=survey.q["text"])
    with pytest.raises(ValidationError):
        services.question_update(question=survey.q["text"], kind=QuestionKind.NUMBER)
    with pytest.raises(ValidationError):
        services.question_update(question=survey.q["single"], choices=[("A", "", ""), ("B", "", ""), ("C", "", "")])
    services.question_update(question=survey.q["single"], choices=[("Bilateral aid", "", ""), ("The Fund", "", "")])
    assert [c.text_en for c in survey.q["single"].choices.all()] == ["Bilateral aid", "The Fund"]


def test_choice_questions_need_two_choices():
    q = QuestionnaireFactory()
    with pytest.raises(ValidationError) as exc:
        services.question_create(questionnaire=q, kind=QuestionKind.SINGLE, text_en="Pick", choices=[("Only", "", "")])
    assert "choices_en" in exc.value.message_dict


def test_questions_move_up_and_down():
    q = QuestionnaireFactory()
    first, second, third = (
        services.question_create(questionnaire=q, kind=QuestionKind.TEXT, text_en=t) for t in ("one", "two", "three")
    )
    services.question_move(question=third, up=True)
    assert list(q.questions.order_by("order").values_list("text_en", flat=True)) == ["one", "three", "two"]
    services.question_move(question=first, up=False)
    assert list(q.questions.order_by("order").values_list("text_en", flat=True)) == ["three", "one", "two"]
    services.question_delete(question=second)
    assert list(q.questions.order_by("order").values_list("order", flat=True)) == [1, 2]


def test_choice_helper_matches(survey):
    assert choice(survey.q["single"], "Fund").isdigit()
