import datetime

import pytest

from core.demo import DemoContext
from questionnaires import demo as questionnaires_demo
from questionnaires.models import Questionnaire, Response
from workplan import demo
from workplan.models import ItemKind, Statement, WorkplanItem

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded():
    from accounts import demo as accounts_demo
    from committee import demo as committee_demo
    from meetings import demo as meetings_demo
    from states import demo as states_demo

    ctx = DemoContext()
    for module in (states_demo, committee_demo, accounts_demo, meetings_demo, demo, questionnaires_demo):
        module.load(ctx)
    return ctx


def _snapshot() -> dict:
    models = [WorkplanItem, Statement, Questionnaire, Response]
    counts = {m.__name__: m.objects.count() for m in models}
    counts |= {f"history {m.__name__}": m.history.count() for m in models}
    return counts


def test_the_workplan_holds_the_ten_items_of_annex_one(loaded):
    items = list(WorkplanItem.objects.filter(committee__slug="cooperation-assistance", year=2023).order_by("order"))
    assert len(items) == 10
    assert items[0].description_fr.startswith("Le Comité examinera les informations")
    assert "n^{os} 45 et 47" in items[0].description_fr  # the markup the conclusions print as a superscript
    assert sorted(a.number for a in items[0].actions.all()) == [45, 47]
    assert items[1].kind == ItemKind.CONTACT_CA_NO_GENDER
    assert items[2].due_date == datetime.date(2023, 5, 1)
    joint = Statement.objects.get(item=items[5])
    assert joint.is_joint and joint.meeting.code == "IM2023" and joint.state.iso3 == "NLD"
    panel = items[6].panels.get()
    assert panel.code == "IM2023-panel-ca" and panel.gender_balance().total == 6


def test_the_2023_questionnaire_went_to_directors_and_donors_with_answers(loaded):
    q = Questionnaire.objects.get()
    assert (q.circulation_date, q.deadline) == (datetime.date(2023, 5, 1), datetime.date(2023, 5, 31))
    covered = {a.number for question in q.questions.all() for a in question.actions.all()}
    assert covered == {42, 43, 44, 45, 46, 47}
    assert q.questions.filter(about_gender=True).count() == 3
    recipients = q.recipients.select_related("state")
    assert all(r.state.is_affected or r.state.is_provider for r in recipients)
    answered = set(Response.objects.submitted().values_list("state__iso3", flat=True))
    assert {"SEN", "COL"} <= answered and "NGA" not in answered
    assert 0.3 < len(answered) / recipients.count() < 0.7
    assert Response.objects.submitted().filter(first_submitted_at__date__gt=q.deadline).exists()  # some late


def test_loading_the_demo_twice_changes_nothing(loaded):
    before = _snapshot()
    demo.load(DemoContext())
    questionnaires_demo.load(DemoContext())
    assert _snapshot() == before
