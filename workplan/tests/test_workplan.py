import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from accounts.models import Role
from accounts.tests.factories import UserFactory
from committee.models import CommitteeYear
from conftest import client_for
from reporting.models import Report, ReportingCycle, ReportVersion
from states.tests.factories import StateFactory
from workplan import selectors, services
from workplan.models import Contact, ItemKind, ItemStatus, OsloAction, Timing, WorkplanItem

from .factories import (
    CommitteeFactory,
    ContactFactory,
    PanelMeetingFactory,
    SpeakerFactory,
    StatementFactory,
    WorkplanItemFactory,
)

pytestmark = pytest.mark.django_db


def _submitted_report(state, year: int, *, ca: bool, gender: bool) -> Report:
    cycle, _created = ReportingCycle.objects.get_or_create(year=year)
    report = Report.objects.create(state=state, cycle=cycle, workflow="submitted", is_late=False)
    version = ReportVersion.objects.create(
        report=report,
        number=1,
        submitted_at=timezone.now(),
        received_on=datetime.date(year + 1, 4, 20),
        ca_quantitative=ca,
        gender_info=gender,
    )
    report.current_version = version
    report.submitted_on = datetime.date(year + 1, 4, 20)
    report.save()
    return report


def test_oslo_actions_42_to_47_are_seeded():
    assert set(OsloAction.objects.filter(number__range=(42, 47)).values_list("number", flat=True)) == set(range(42, 48))


def test_an_item_on_a_date_needs_the_date():
    committee = CommitteeFactory()
    with pytest.raises(ValidationError) as exc:
        services.workplan_item_create(
            committee=committee,
            year=2023,
            description_en="Brief the States",
            timing=Timing.ON_DATE,
            owner="chair",
        )
    assert "due_date" in exc.value.message_dict


def test_new_items_go_last_with_their_actions():
    first = WorkplanItemFactory(order=4)
    item = services.workplan_item_create(
        committee=first.committee,
        year=2023,
        description_en="Review Article 7 reports",
        timing=Timing.BEFORE_INTERSESSIONAL,
        owner="committee",
        actions=OsloAction.objects.filter(number__in=[45, 47]),
    )
    assert item.order == 5
    assert sorted(a.number for a in item.actions.all()) == [45, 47]


def test_the_contact_list_comes_from_the_reports_and_progress_follows_contacts():
    a = StateFactory(iso3="AAA", iso2="AA", name_en="Aland")
    b = StateFactory(iso3="BBB", iso2="BB", name_en="Borduria")
    c = StateFactory(iso3="CCC", iso2="CC", name_en="Carpania")
    _submitted_report(a, 2022, ca=True, gender=False)
    _submitted_report(b, 2022, ca=True, gender=False)
    _submitted_report(c, 2022, ca=True, gender=True)  # gives gender information: not on the list
    delegate = UserFactory(role=Role.DELEGATE, state=a, email="d@aland.example", username="d@aland.example")
    item = WorkplanItemFactory(kind=ItemKind.CONTACT_CA_NO_GENDER, year=2023)

    clist = selectors.contact_list(item)
    assert [t.state.iso3 for t in clist.targets] == ["AAA", "BBB"]
    assert clist.targets[0].delegates == [delegate]
    assert (clist.contacted, clist.total, clist.percent) == (0, 2, 0)

    services.contact_record(item=item, state=a, contacted_on=datetime.date(2023, 5, 10), channel="email")
    clist = selectors.contact_list(item)
    assert (clist.contacted, clist.answered, clist.total, clist.percent) == (1, 0, 2, 50)
    item.refresh_from_db()
    assert item.status == ItemStatus.IN_PROGRESS


def test_a_contact_with_a_state_off_the_list_is_kept_apart(monkeypatch):
    monkeypatch.setattr("reporting.selectors.states_with_ca_but_no_gender", lambda *, year: [])
    item = WorkplanItemFactory(kind=ItemKind.CONTACT_CA_NO_GENDER)
    ContactFactory(item=item, state=StateFactory(), answer="We will add it next year.")
    clist = selectors.contact_list(item)
    assert clist.total == 0 and len(clist.others) == 1 and clist.others[0].answered


def test_an_answer_cannot_come_before_the_contact():
    item = WorkplanItemFactory()
    with pytest.raises(ValidationError) as exc:
        services.contact_record(
            item=item,
            state=StateFactory(),
            contacted_on=datetime.date(2023, 5, 10),
            answer="Yes",
            answered_on=datetime.date(2023, 5, 1),
        )
    assert "answered_on" in exc.value.message_dict


def test_a_statement_date_must_fall_in_its_meeting():
    meeting = PanelMeetingFactory(start_date=datetime.date(2023, 6, 19), end_date=datetime.date(2023, 6, 21))
    with pytest.raises(ValidationError):
        services.statement_create(
            item=WorkplanItemFactory(), title="Joint statement", meeting=meeting, delivered_on=datetime.date(2023, 7, 1)
        )
    statement = services.statement_create(item=WorkplanItemFactory(), title="Joint statement", meeting=meeting)
    assert statement.delivered_on == datetime.date(2023, 6, 19)


def test_the_list_groups_items_by_timing_in_calendar_order():
    committee = WorkplanItemFactory(timing=Timing.AT_MSP).committee
    WorkplanItemFactory(committee=committee, timing=Timing.ONGOING)
    WorkplanItemFactory(committee=committee, timing=Timing.BEFORE_INTERSESSIONAL, status=ItemStatus.DONE)
    WorkplanItemFactory(committee=committee, timing=Timing.AT_INTERSESSIONAL)
    workplan = selectors.workplan_for(committee=committee, year=2023)
    assert [g.timing for g in workplan.groups] == [
        Timing.BEFORE_INTERSESSIONAL,
        Timing.AT_INTERSESSIONAL,
        Timing.AT_MSP,
        Timing.ONGOING,
    ]
    assert (workplan.done, workplan.total, workplan.percent) == (1, 4, 25)


def test_items_on_a_date_sit_where_their_date_falls_in_the_year():
    committee = WorkplanItemFactory(timing=Timing.AT_INTERSESSIONAL).committee
    WorkplanItemFactory(committee=committee, timing=Timing.AT_MSP)
    WorkplanItemFactory(committee=committee, timing=Timing.ON_DATE, due_date=datetime.date(2023, 9, 1))
    workplan = selectors.workplan_for(committee=committee, year=2023)
    assert [g.timing for g in workplan.groups] == [Timing.AT_INTERSESSIONAL, Timing.ON_DATE, Timing.AT_MSP]


def test_a_linked_panel_shows_its_speakers_gender_balance(cast):
    item = WorkplanItemFactory()
    panel = PanelMeetingFactory()
    SpeakerFactory(meeting=panel, gender="woman")
    SpeakerFactory(meeting=panel, gender="man")
    SpeakerFactory(meeting=panel, gender="woman")
    services.workplan_item_set_panels(item=item, meetings=[panel])
    response = client_for(cast, "chair").get(reverse("workplan:item_detail", kwargs={"pk": item.pk}))
    assert response.status_code == 200
    assert "2 women and 1 men of 3 speakers (67% women)" in response.content.decode()


def _page_with_items(cast, n: int):
    committee = WorkplanItemFactory().committee
    for i in range(n):
        item = WorkplanItemFactory(committee=committee, timing=[Timing.AT_MSP, Timing.ONGOING][i % 2])
        item.actions.set(OsloAction.objects.filter(number__in=[45, 47]))
        StatementFactory(item=item)
        panel = PanelMeetingFactory()
        SpeakerFactory(meeting=panel)
        item.panels.add(panel)
    contact_item = WorkplanItemFactory(committee=committee, kind=ItemKind.CONTACT_CA_NO_GENDER)
    for _i in range(n):
        ContactFactory(item=contact_item, state=StateFactory())
    return reverse("workplan:list", kwargs={"slug": committee.slug, "year": 2023})


def test_the_workplan_list_makes_a_constant_number_of_queries(cast, django_assert_max_num_queries):
    client = client_for(cast, "member")
    url = _page_with_items(cast, 2)
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        assert client.get(url).status_code == 200
    WorkplanItem.objects.all().delete()
    url = _page_with_items(cast, 8)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(url)
    assert response.status_code == 200
    assert response.content.decode().count("Statement ") >= 8


def test_the_list_shows_progress_owner_and_focal_point(cast):
    item = WorkplanItemFactory(status=ItemStatus.DONE, owner="gender_focal_point")
    CommitteeYear.objects.create(committee=item.committee, year=2023, gender_focal_point=cast.state_b)
    response = client_for(cast, "member").get(
        reverse("workplan:list", kwargs={"slug": item.committee.slug, "year": 2023})
    )
    html = response.content.decode()
    assert "1 of 1 items done (100%)" in html
    assert "The gender focal point" in html
    assert "Borduria B" in html and "your State" in html  # the member's State is the focal point


def test_an_empty_year_says_what_to_do(cast):
    committee = WorkplanItemFactory().committee
    response = client_for(cast, "chair").get(reverse("workplan:list", kwargs={"slug": committee.slug, "year": 2030}))
    assert "No workplan items for 2030 yet." in response.content.decode()


def test_the_chair_records_a_contact_through_the_form(cast):
    item = WorkplanItemFactory(kind=ItemKind.CONTACT_CA_NO_GENDER)
    client = client_for(cast, "chair")
    url = reverse("workplan:contact_create", kwargs={"pk": item.pk})
    bad = client.post(url, {"state": cast.state_a.pk, "contacted_on": "", "channel": "email"})
    assert bad.status_code == 200 and "This field is required" in bad.content.decode()
    ok = client.post(
        url,
        {"state": cast.state_a.pk, "contacted_on": "2023-05-10", "channel": "meeting", "answer": "", "person": "Dr X"},
    )
    assert ok.status_code == 302
    contact = Contact.objects.get(item=item)
    assert (contact.state, contact.channel, contact.recorded_by) == (cast.state_a, "meeting", cast.chair)


def test_editing_an_item_keeps_what_was_typed_on_error(cast):
    item = WorkplanItemFactory()
    client = client_for(cast, "isu")
    response = client.post(
        reverse("workplan:item_update", kwargs={"pk": item.pk}),
        {
            "description_en": "Keep this text",
            "timing": "on_date",
            "owner": "chair",
            "status": "planned",
            "kind": "standard",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Keep this text" in html and "Give the date" in html


def test_only_published_statements_and_public_panels_are_public(client):
    item = WorkplanItemFactory()
    StatementFactory(item=item, title="Public words", is_published=True)
    StatementFactory(item=item, title="Internal draft", is_published=False)
    item.panels.add(PanelMeetingFactory(title_en="Gender panel"))
    html = client.get(reverse("workplan:outputs", kwargs={"slug": item.committee.slug, "year": 2023})).content.decode()
    assert "Public words" in html and "Gender panel" in html
    assert "Internal draft" not in html


def test_the_api_lists_the_year_items_with_outputs(cast):
    item = WorkplanItemFactory(year=2023)
    item.actions.set(OsloAction.objects.filter(number=45))
    StatementFactory(item=item, title="Joint statement", is_joint=True)
    panel = PanelMeetingFactory(code="june-panel")
    SpeakerFactory(meeting=panel, gender="woman")
    item.panels.add(panel)
    WorkplanItemFactory(year=2024)
    data = client_for(cast, "isu").get("/api/workplan/?year=2023").json()
    assert len(data) == 1
    row = data[0]
    assert row["actions"] == [45] and row["status"] == "planned" and row["timing"] == "at_intersessional"
    assert row["outputs"]["statements"][0]["is_joint"] is True
    assert row["outputs"]["panels"][0] == {
        "meeting": "june-panel",
        "title": panel.title,
        "start_date": "2023-06-20",
        "speakers": 1,
        "women": 1,
        "men": 0,
        "balanced": False,
    }


def test_the_dashboard_panel_counts_items_by_status(cast, rf):
    from workplan.panels import dashboard

    committee = WorkplanItemFactory(status=ItemStatus.DONE).committee
    WorkplanItemFactory(committee=committee, status=ItemStatus.PLANNED)
    request = rf.get("/")
    request.user = cast.chair
    panel = dashboard(request, 2023)
    row = panel.context["rows"][0]
    assert (row["done"], row["total"]) == (1, 2)
    request.user = cast.delegate_a
    assert dashboard(request, 2023) is None


def test_the_contacts_page_filters_states_not_contacted_yet(cast):
    a = StateFactory(iso3="QQA", iso2="QA", name_en="Quarta")
    b = StateFactory(iso3="QQB", iso2="QB", name_en="Quinta")
    _submitted_report(a, 2022, ca=True, gender=False)
    _submitted_report(b, 2022, ca=True, gender=False)
    item = WorkplanItemFactory(kind=ItemKind.CONTACT_CA_NO_GENDER, year=2023)
    ContactFactory(item=item, state=a)
    client = client_for(cast, "member")
    url = reverse("workplan:contacts", kwargs={"pk": item.pk})
    html = client.get(url + "?show=todo").content.decode()
    assert "Quinta" in html and "Quarta" not in html
    assert "1 of 2 States contacted, 0 answered" in html


def test_years_out_of_range_and_huge_orders_are_refused_not_errors(cast):
    client = client_for(cast, "isu")
    committee = WorkplanItemFactory().committee
    assert client.get(f"/workplan/{committee.slug}/99999999999999999999/").status_code == 404
    assert client.get(f"/workplan/{committee.slug}/99999999999999999999/outputs/").status_code == 404
    response = client.post(
        reverse("workplan:item_create", kwargs={"slug": committee.slug, "year": 2023}),
        {
            "description_en": "x",
            "timing": "ongoing",
            "owner": "chair",
            "status": "planned",
            "kind": "standard",
            "order": "99999999999999999999999",
        },
    )
    assert response.status_code == 200 and "order" in response.context["form"].errors
