import csv
import datetime
import io

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from conftest import client_for
from questionnaires import services
from questionnaires.models import QuestionKind, Recipient, Response
from states.tests.factories import StateFactory

from .conftest import choice, full_answers
from .factories import QuestionFactory, QuestionnaireFactory

pytestmark = pytest.mark.django_db

IN_MAY = datetime.datetime(2023, 5, 15, 10, 0, tzinfo=datetime.UTC)
IN_JUNE = datetime.datetime(2023, 6, 2, 10, 0, tzinfo=datetime.UTC)


def _answer_url(survey):
    return reverse("questionnaires:answer", kwargs={"pk": survey.pk})


def _submit(survey, state, user, **overrides):
    response = services.response_for_state(questionnaire=survey, state_id=state.pk)
    return services.response_submit(response=response, raw=full_answers(survey, **overrides), by=user)


@time_machine.travel(IN_MAY)
def test_saving_a_draft_keeps_an_invalid_number_and_shows_it_again(survey, cast):
    client = client_for(cast, "delegate_a")
    data = {survey.q["number"].field_name: "a dozen", survey.q["text"].field_name: "Work in progress", "save": "1"}
    response = client.post(_answer_url(survey), data)
    assert response.status_code == 302
    html = client.get(_answer_url(survey)).content.decode()
    assert 'value="a dozen"' in html and "Work in progress" in html and "Draft saved on" in html


@time_machine.travel(IN_MAY)
def test_a_failed_submission_shows_errors_next_to_fields_and_loses_nothing(survey, cast):
    client = client_for(cast, "delegate_a")
    data = {
        survey.q["number"].field_name: "a dozen",
        survey.q["text"].field_name: "Typed before submitting",
        "submit": "1",
    }
    response = client.post(_answer_url(survey), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Type a number" in html and "This field is required." in html
    assert f'href="#question-{survey.q["number"].pk}"' in html  # the problem list links to the field
    assert "Typed before submitting" in html and 'value="a dozen"' in html
    stored = Response.objects.get(questionnaire=survey, state=cast.state_a)
    assert not stored.is_submitted and stored.draft_data[survey.q["text"].field_name] == "Typed before submitting"


@time_machine.travel(IN_MAY)
def test_a_complete_submission_goes_to_the_receipt(survey, cast):
    client = client_for(cast, "delegate_a")
    response = client.post(_answer_url(survey), {**full_answers(survey), "submit": "1"})
    stored = Response.objects.get(questionnaire=survey, state=cast.state_a)
    assert response.status_code == 302 and response["Location"] == reverse(
        "questionnaires:response_detail", kwargs={"pk": stored.pk}
    )
    receipt = client.get(response["Location"]).content.decode()
    assert "On time" in receipt and "Victim assistance" in receipt and "Amend" in receipt


def test_after_the_deadline_the_form_is_locked_and_a_post_changes_nothing(survey, cast):
    with time_machine.travel(IN_MAY):
        _submit(survey, cast.state_a, cast.delegate_a)
    with time_machine.travel(IN_JUNE):
        client = client_for(cast, "delegate_a")
        html = client.get(_answer_url(survey)).content.decode()
        assert "can no longer be amended" in html and 'name="submit"' not in html
        client.post(
            _answer_url(survey), {**full_answers(survey, **{survey.q["yes_no"].field_name: "no"}), "submit": "1"}
        )
    stored = Response.objects.get(questionnaire=survey, state=cast.state_a)
    assert stored.version == 1 and stored.answers.get(question=survey.q["yes_no"]).yes_no is True


@time_machine.travel(IN_MAY)
def test_a_delegate_cannot_open_another_states_response(survey, cast):
    response = _submit(survey, cast.state_a, cast.delegate_a)
    url = reverse("questionnaires:response_detail", kwargs={"pk": response.pk})
    assert client_for(cast, "delegate_b").get(url).status_code == 404
    assert client_for(cast, "delegate_a").get(url).status_code == 200
    assert client_for(cast, "member").get(url).status_code == 200


@time_machine.travel(IN_MAY)
def test_a_delegate_answers_only_for_their_own_state(survey, cast):
    # The form never takes a State from the request: delegate B's answers land on State B.
    client_for(cast, "delegate_b").post(
        _answer_url(survey), {**full_answers(survey), "submit": "1", "state": cast.state_a.pk}
    )
    assert list(Response.objects.values_list("state", flat=True)) == [cast.state_b.pk]


@time_machine.travel(IN_MAY)
def test_a_questionnaire_not_sent_to_the_state_is_not_found(cast):
    q = QuestionnaireFactory(circulated_at=IN_MAY)
    QuestionFactory(questionnaire=q)
    Recipient.objects.create(questionnaire=q, state=cast.state_b)
    assert client_for(cast, "delegate_a").get(reverse("questionnaires:answer", kwargs={"pk": q.pk})).status_code == 404
    assert client_for(cast, "delegate_a").get(reverse("questionnaires:detail", kwargs={"pk": q.pk})).status_code == 404


@time_machine.travel(IN_MAY)
def test_the_responses_page_shows_the_response_rate(survey, cast):
    _submit(survey, cast.state_a, cast.delegate_a)
    html = client_for(cast, "chair").get(reverse("questionnaires:responses", kwargs={"pk": survey.pk})).content.decode()
    assert "1 of 2 recipient States have submitted (50%)." in html


def _answer_many(survey, start: int, stop: int):
    """States numbered start..stop-1 receive and answer the questionnaire."""
    for i in range(start, stop):
        state = StateFactory(iso3=f"Z{i:02d}", iso2=f"{i:02d}")
        Recipient.objects.create(questionnaire=survey, state=state)
        services.response_submit(
            response=services.response_for_state(questionnaire=survey, state_id=state.pk),
            raw=full_answers(survey, **{survey.q["yes_no"].field_name: "yes" if i % 3 else "no"}),
            by=None,
        )


@time_machine.travel(IN_MAY)
def test_the_summary_counts_closed_answers_and_lists_open_ones(survey, cast):
    _submit(survey, cast.state_a, cast.delegate_a, **{survey.q["multiple"].field_name: []})
    _submit(
        survey,
        cast.state_b,
        cast.delegate_b,
        **{
            survey.q["yes_no"].field_name: "no",
            survey.q["text"].field_name: "Borduria's platform",
            survey.q["number"].field_name: "4",
        },
    )
    response = client_for(cast, "member").get(reverse("questionnaires:summary", kwargs={"pk": survey.pk}))
    summary = {s.question.kind: s for s in response.context["questions"]}
    yes_no = {o.label: o.count for o in summary[QuestionKind.YES_NO].options}
    assert yes_no == {"Yes": 1, "No": 1}
    multiple = {o.label: (o.count, o.percent) for o in summary[QuestionKind.MULTIPLE].options}
    assert multiple == {
        "Clearance": (1, 50),
        "Risk education": (0, 0),
        "Victim assistance": (1, 50),
        "No answer": (1, 50),
    }
    assert [(s.iso3, v) for s, v in summary[QuestionKind.TEXT].answers] == [
        ("AAA", "A platform meets twice a year."),
        ("BBB", "Borduria's platform"),
    ]
    assert summary[QuestionKind.NUMBER].stats["mean"] == 8
    html = response.content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html and 'role="img"' in html
    assert "<desc" in html and "Yes: 1 (50%); No: 1 (50%)" in html  # the chart's text alternative


@time_machine.travel(IN_MAY)
def test_drafts_are_not_counted_in_the_summary(survey, cast):
    services.response_save_draft(
        response=services.response_for_state(questionnaire=survey, state_id=cast.state_a.pk),
        raw=full_answers(survey),
        by=cast.delegate_a,
    )
    response = client_for(cast, "isu").get(reverse("questionnaires:summary", kwargs={"pk": survey.pk}))
    assert response.context["rate"].submitted == 0
    assert all(s.answered == 0 for s in response.context["questions"])


@time_machine.travel(IN_MAY)
def test_the_summary_makes_a_constant_number_of_queries(survey, cast, django_assert_max_num_queries):
    client = client_for(cast, "chair")
    url = reverse("questionnaires:summary", kwargs={"pk": survey.pk})
    _answer_many(survey, 0, 2)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _answer_many(survey, 2, 20)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.context["rate"].submitted == 20


@time_machine.travel(IN_MAY)
def test_the_csv_export_has_one_row_per_submitted_state(survey, cast):
    _submit(survey, cast.state_a, cast.delegate_a)
    _submit(survey, cast.state_b, cast.delegate_b, **{survey.q["text"].field_name: "=HYPERLINK(1)"})
    response = client_for(cast, "chair").get(reverse("questionnaires:export_csv", kwargs={"pk": survey.pk}))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["State", "ISO code"] and rows[0][5] == "1. Describe your platform."
    assert [r[1] for r in rows[1:]] == ["AAA", "BBB"]
    assert rows[1][5:] == ["A platform meets twice a year.", "Yes", "12.00", "Fund", "Clearance; Victim assistance"]
    assert rows[2][5] == "'=HYPERLINK(1)"  # never run as a formula


@time_machine.travel(IN_MAY)
@pytest.mark.parametrize("language", ["fr", "es"])
def test_a_french_or_spanish_csv_export_splits_on_semicolons_with_decimal_commas(survey, cast, language):
    _submit(survey, cast.state_a, cast.delegate_a)
    _submit(survey, cast.state_b, cast.delegate_b, **{survey.q["text"].field_name: "=HYPERLINK(1)"})
    cast.chair.preferred_language = language
    cast.chair.save(update_fields=["preferred_language"])
    data = client_for(cast, "chair").get(reverse("questionnaires:export_csv", kwargs={"pk": survey.pk})).content
    assert data.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert [r[1] for r in rows[1:]] == ["AAA", "BBB"]
    assert rows[1][7] == "12,00"  # a number the French or Spanish spreadsheet reads as twelve
    assert rows[2][5] == "'=HYPERLINK(1)"


@time_machine.travel(IN_MAY)
def test_the_xlsx_export_has_the_same_content(survey, cast):
    _submit(survey, cast.state_a, cast.delegate_a)
    response = client_for(cast, "isu").get(reverse("questionnaires:export_xlsx", kwargs={"pk": survey.pk}))
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][1] == "ISO code" and rows[0][6] == "2. Do you have a plan?"
    assert rows[1][1] == "AAA" and rows[1][6] == "Yes" and rows[1][7] == 12
    assert len(rows) == 2


def test_the_isu_builds_and_circulates_a_questionnaire_through_the_pages(cast, django_capture_on_commit_callbacks):
    client = client_for(cast, "isu")
    with time_machine.travel(IN_MAY):
        response = client.post(
            reverse("questionnaires:create"),
            {"title_en": "2024 questionnaire", "circulation_date": "2023-05-15", "deadline": "2023-05-01"},
        )
        assert (
            response.status_code == 200
            and "The deadline cannot be before the circulation date." in response.content.decode()
        )
        response = client.post(
            reverse("questionnaires:create"),
            {"title_en": "2024 questionnaire", "circulation_date": "2023-05-15", "deadline": "2023-06-15"},
        )
        pk = int(response["Location"].rstrip("/").split("/")[-1])
        add = reverse("questionnaires:question_create", kwargs={"pk": pk})
        bad = client.post(add, {"kind": "single", "text_en": "Channel?", "choices_en": "Only one", "required": "on"})
        assert "Give at least two choices" in bad.content.decode()
        client.post(
            add,
            {
                "kind": "single",
                "text_en": "Channel?",
                "choices_en": "Bilateral\nFund",
                "choices_fr": "Bilatéral\nFonds",
                "required": "on",
                "actions": [],
            },
        )
        client.post(reverse("questionnaires:recipients", kwargs={"pk": pk}), {"groups": ["affected"]})
        assert list(Recipient.objects.filter(questionnaire_id=pk).values_list("state__iso3", flat=True)) == ["AAA"]
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("questionnaires:circulate", kwargs={"pk": pk}))
        assert response.status_code == 302
        detail = client.get(reverse("questionnaires:detail", kwargs={"pk": pk})).content.decode()
        assert "Circulated on" in detail and "Bilateral" in detail
        assert (
            client_for(cast, "delegate_a").get(reverse("questionnaires:answer", kwargs={"pk": pk})).status_code == 200
        )


@time_machine.travel(IN_MAY)
def test_the_delegate_home_shows_the_waiting_questionnaire_until_submitted(survey, cast):
    client = client_for(cast, "delegate_a")
    html = client.get(reverse("home")).content.decode()
    assert "A questionnaire is waiting for your State's answer" in html and "16 days left" in html
    _submit(survey, cast.state_a, cast.delegate_a)
    assert "waiting for your State" not in client.get(reverse("home")).content.decode()


@time_machine.travel(IN_MAY)
def test_the_api_gives_answers_to_staff_only(survey, cast, client):
    _submit(survey, cast.state_a, cast.delegate_a)
    public = client.get("/api/questionnaires/").json()
    assert public[0]["response_rate"] == {"recipients": 2, "submitted": 1, "percent": 50}
    assert "responses" not in public[0]
    staff = client_for(cast, "member").get("/api/questionnaires/").json()
    answers = staff[0]["responses"][0]
    assert answers["state"] == "AAA"
    assert answers["answers"][str(survey.q["single"].pk)] == "Fund"


def test_drafts_stay_out_of_the_public_api(cast, client):
    QuestionnaireFactory(title_en="Not circulated yet")
    assert client.get("/api/questionnaires/").json() == []
    assert len(client_for(cast, "isu").get("/api/questionnaires/").json()) == 1


def test_choice_helper_is_a_choice_id(survey):
    assert int(choice(survey.q["multiple"], "Clearance")) > 0


@time_machine.travel(IN_MAY)
def test_the_isu_records_answers_a_state_sent_by_email(survey, cast):
    client = client_for(cast, "isu")
    url = reverse("questionnaires:answer_for_state", kwargs={"pk": survey.pk, "iso3": "bbb"})
    assert "You are recording the answers of Borduria B" in client.get(url).content.decode()
    response = client.post(url, {**full_answers(survey), "submit": "1"})
    assert response.status_code == 302
    stored = Response.objects.get(questionnaire=survey)
    assert (stored.state, stored.submitted_by, stored.is_submitted) == (cast.state_b, cast.isu, True)
    other = StateFactory(iso3="QQQ", iso2="QQ")
    not_recipient = reverse("questionnaires:answer_for_state", kwargs={"pk": survey.pk, "iso3": other.iso3})
    assert client.get(not_recipient).status_code == 404


@time_machine.travel(IN_MAY)
def test_panels_show_rates_to_the_committee_and_answers_on_private_state_pages(survey, cast, rf):
    from questionnaires.panels import dashboard, nav_items, state_page

    _submit(survey, cast.state_a, cast.delegate_a)
    request = rf.get("/")
    request.user = cast.chair
    [(q, rate)] = dashboard(request, 2023).context["rows"]
    assert (q, rate.submitted, rate.recipients) == (survey, 1, 2)
    assert dashboard(request, 2022).context["rows"] == []
    assert state_page(request, cast.state_a, private=False) is None
    assert len(state_page(request, cast.state_a, private=True).context["responses"]) == 1
    assert state_page(request, cast.state_b, private=True) is None  # nothing submitted
    request.user = cast.delegate_a
    assert dashboard(request, 2023) is None
    assert [i.label for i in nav_items(request)] == ["Questionnaires"]
