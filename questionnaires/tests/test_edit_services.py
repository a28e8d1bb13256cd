"""Edit services save values a bound ModelForm already copied onto the instance, and say when nothing changed."""

import datetime

import pytest

from questionnaires import services
from questionnaires.models import Question, QuestionKind, Questionnaire, RecipientGroup

from .factories import QuestionFactory, QuestionnaireFactory, RecipientFactory

pytestmark = pytest.mark.django_db


def test_questionnaire_update_saves_what_the_form_put_on_the_instance():
    q = QuestionnaireFactory()
    q.deadline, q.circulate_automatically = datetime.date(2023, 6, 15), True
    update = services.questionnaire_update(
        questionnaire=q, deadline=datetime.date(2023, 6, 15), circulate_automatically=True
    )
    assert set(update.changed) == {"deadline", "circulate_automatically"}
    stored = Questionnaire.objects.get(pk=q.pk)
    assert stored.deadline == datetime.date(2023, 6, 15) and stored.circulate_automatically is True
    assert not services.questionnaire_update(questionnaire=q, deadline=datetime.date(2023, 6, 15))


def test_question_update_saves_texts_and_choices_and_says_when_nothing_changed():
    question = QuestionFactory(kind=QuestionKind.SINGLE, options=["A", "B"])
    question.text_en = "Reworded?"
    update = services.question_update(question=question, text_en="Reworded?", choices=[("A", "", ""), ("C", "", "")])
    assert update.changed == ("text_en", "choices")
    assert Question.objects.get(pk=question.pk).text_en == "Reworded?"
    assert list(question.choices.values_list("text_en", flat=True)) == ["A", "C"]
    assert not services.question_update(question=question, text_en="Reworded?", choices=[("A", "", ""), ("C", "", "")])


def test_recipients_say_when_nothing_changed(cast):
    q = QuestionnaireFactory()
    RecipientFactory(questionnaire=q, state=cast.state_a)
    assert not services.questionnaire_set_recipients(questionnaire=q, states=[cast.state_a])
    assert services.questionnaire_set_recipients(
        questionnaire=q, groups=[RecipientGroup.PROVIDERS], states=[cast.state_a]
    )


def test_a_draft_as_stored_is_not_saved_again(cast):
    recipient = RecipientFactory(state=cast.state_a)
    response = services.response_for_state(questionnaire=recipient.questionnaire, state_id=cast.state_a.pk)
    first = services.response_save_draft(response=response, raw={"q1": "x"}, by=cast.delegate_a)
    assert first.changed
    saved_at = first.obj.draft_saved_at
    again = services.response_save_draft(response=first.obj, raw={"q1": "x"}, by=cast.delegate_a)
    assert not again and again.obj.draft_saved_at == saved_at
