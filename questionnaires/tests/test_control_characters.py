"""NUL and other control characters in answers (kept as typed in a JSON draft): saved and submitted
without them, with a message; never a server error (PostgreSQL refuses NUL in JSON)."""

import datetime

import pytest
import time_machine
from django.contrib.messages import get_messages
from django.urls import reverse

from conftest import client_for
from questionnaires.models import Response

from .conftest import full_answers

pytestmark = pytest.mark.django_db
IN_MAY = datetime.datetime(2023, 5, 15, 10, 0, tzinfo=datetime.UTC)


def _post(survey, cast, text: str, **extra):
    data = {**full_answers(survey, **{survey.q["text"].field_name: text}), **extra}
    return client_for(cast, "delegate_a").post(reverse("questionnaires:answer", kwargs={"pk": survey.pk}), data)


@time_machine.travel(IN_MAY)
def test_nul_in_a_draft_answer_is_removed_with_a_message(survey, cast):
    response = _post(survey, cast, "A platform\x00 meets twice a year.")
    assert response.status_code == 302
    stored = Response.objects.get(state=cast.state_a).draft_data
    assert stored[survey.q["text"].field_name] == "A platform meets twice a year."
    notes = [str(m) for m in get_messages(response.wsgi_request)]
    assert "Invisible control characters (for example from a copy and paste) were removed from: " in notes[0]
    assert notes[0].endswith(": 1. Describe your platform.")


@time_machine.travel(IN_MAY)
def test_answers_with_a_control_character_are_submitted_without_it(survey, cast):
    response = _post(survey, cast, "A platform\x0b meets twice a year.", submit="1")
    assert response.status_code == 302
    answer = Response.objects.get(state=cast.state_a).answers.get(question=survey.q["text"])
    assert answer.text == "A platform meets twice a year."
