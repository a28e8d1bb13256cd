"""A number answer is read in the language it was typed in, and shown back the reader's way."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from conftest import client_for
from questionnaires.answers import LANG_KEY
from questionnaires.models import Answer, Response

from .conftest import full_answers

pytestmark = pytest.mark.django_db
IN_MAY = datetime.datetime(2023, 5, 15, 10, 0, tzinfo=datetime.UTC)


def _speaks(user, lang):
    user.preferred_language = lang
    user.save(update_fields=["preferred_language"])


def _url(survey):
    return reverse("questionnaires:answer", kwargs={"pk": survey.pk})


@time_machine.travel(IN_MAY)
def test_a_spanish_draft_of_twelve_thousand_is_submitted_as_twelve_thousand(survey, cast):
    _speaks(cast.delegate_a, "es")
    client = client_for(cast, "delegate_a")
    name = survey.q["number"].field_name
    data = {**full_answers(survey), name: "12.000,5", "save": "1"}
    assert client.post(_url(survey), data).status_code == 302
    stored = Response.objects.get(questionnaire=survey, state=cast.state_a)
    assert stored.draft_data[name] == "12.000,5" and stored.draft_data[LANG_KEY] == "es"
    assert 'value="12.000,5"' in client.get(_url(survey)).content.decode()
    _speaks(cast.delegate_a, "en")
    client = client_for(cast, "delegate_a")
    assert 'value="12,000.5"' in client.get(_url(survey)).content.decode()  # the same number, the English way
    response = client.post(_url(survey), {**full_answers(survey), name: "12,000.5", "submit": "1"})
    assert response.status_code == 302
    assert str(Answer.objects.get(question=survey.q["number"]).number) == "12000.50"


@time_machine.travel(IN_MAY)
def test_twelve_dot_zero_zero_zero_on_an_english_page_is_not_submitted(survey, cast):
    client = client_for(cast, "delegate_a")
    name = survey.q["number"].field_name
    response = client.post(_url(survey), {**full_answers(survey), name: "12.000", "submit": "1"})
    html = response.content.decode()
    assert response.status_code == 200 and "would be read as 12 in English" in html
    assert not Answer.objects.exists()
