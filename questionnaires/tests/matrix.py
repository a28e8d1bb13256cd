from tests.matrix import LOGIN, Row, authenticated, committee_only, delegate_only, everyone, isu_only, own_state, public

from .factories import QuestionFactory, QuestionnaireFactory, RecipientFactory, ResponseFactory


def _circulated(cast):
    """A circulated questionnaire sent to State A (not to State B)."""
    recipient = RecipientFactory(state=cast.state_a)
    QuestionFactory(questionnaire=recipient.questionnaire)
    return {"pk": recipient.questionnaire.pk}


def _for_state_a(cast):
    return {**_circulated(cast), "iso3": "AAA"}


def _draft(cast):
    q = QuestionnaireFactory()
    QuestionFactory(questionnaire=q)
    return {"pk": q.pk}


def _question(cast):
    return {"pk": QuestionFactory().pk}


def _response(cast):
    recipient = RecipientFactory(state=cast.state_a)
    return {"pk": ResponseFactory(questionnaire=recipient.questionnaire, state=cast.state_a).pk}


ISU_POST = everyone(403, anon=LOGIN, isu=302)

ROWS = [
    Row("questionnaires:list", authenticated()),
    Row("questionnaires:create", isu_only()),
    Row("questionnaires:detail", own_state(), kwargs=_circulated),
    Row("questionnaires:update", isu_only(), kwargs=_draft),
    Row("questionnaires:question_create", isu_only(), kwargs=_draft),
    Row("questionnaires:recipients", isu_only(), kwargs=_draft),
    Row("questionnaires:circulate", isu_only(), kwargs=_draft),
    Row("questionnaires:responses", committee_only(), kwargs=_circulated),
    Row("questionnaires:summary", committee_only(), kwargs=_circulated),
    Row("questionnaires:export_csv", committee_only(), kwargs=_circulated),
    Row("questionnaires:export_xlsx", committee_only(), kwargs=_circulated),
    Row("questionnaires:answer", delegate_only(delegate_b=404), kwargs=_circulated),
    Row("questionnaires:answer_for_state", isu_only(), kwargs=_for_state_a),
    Row("questionnaires:question_update", isu_only(), kwargs=_question),
    Row("questionnaires:question_delete", ISU_POST, kwargs=_question, method="post"),
    Row("questionnaires:question_move", ISU_POST, kwargs=_question, method="post", data={"direction": "up"}),
    Row("questionnaires:response_detail", own_state(), kwargs=_response),
    Row("questionnaire-list", public()),
    Row("questionnaire-detail", public(), kwargs=_circulated),
]
