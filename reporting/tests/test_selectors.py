import csv
import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from accounts.models import Role
from accounts.tests.factories import UserFactory
from conftest import client_for
from reporting import selectors, services
from reporting.deadlines import Article7Source
from reporting.models import CycleStatus
from states.models import Membership
from states.tests.factories import StateFactory

from .factories import CycleFactory, complete_draft

pytestmark = pytest.mark.django_db
YEAR = 2022


def _report(state, *, submit_at=None, draft=None, amend=False):
    cycle = CycleFactory(year=YEAR)
    report = services.report_start(state=state, cycle=cycle, by=None, prefill_from_last_year=False)
    report = services.report_save_draft(
        report=report, data=draft or complete_draft(), by=None, expected_version_token=report.version_token
    ).obj
    if submit_at is not None:
        with time_machine.travel(submit_at, tick=False):
            services.report_submit(report=report, by=None)
        if amend:
            services.report_amend(report=report, by=None)
            report.refresh_from_db()
            services.report_submit(report=report, by=None)
    return report


def _more_states(n: int, start: int = 0):
    """n more States, each with a submitted, a draft or no report, and a delegate."""
    for i in range(start, start + n):
        state = StateFactory(iso3=f"Q{i:02d}", iso2=f"{i:02d}")
        UserFactory(role=Role.DELEGATE, state=state)
        if i % 3 == 0:
            _report(state, submit_at=datetime.datetime(2023, 4, 1, tzinfo=datetime.UTC))
        elif i % 3 == 1:
            _report(state)


def test_cycle_statuses_cover_every_status_and_flag(cast):
    no_gender = complete_draft(gender={"mode": "not_applicable", "fields": {}, "rows": []})
    no_gender["ca"]["rows"][0]["gender_considered"] = "no"
    _report(cast.state_a, submit_at=datetime.datetime(2023, 5, 3, tzinfo=datetime.UTC), draft=no_gender, amend=True)
    _report(cast.state_b)
    withdrawn = StateFactory(iso3="WWW", iso2="WW")
    Membership.objects.filter(state=withdrawn).update(withdrawal_effective=datetime.date(2023, 1, 15))
    rows = {r.state.iso3: r for r in selectors.cycle_statuses(year=YEAR)}
    a = rows["AAA"]
    assert (a.status, a.amended, a.submitted_on) == (CycleStatus.LATE, True, datetime.date(2023, 5, 3))
    assert (a.ca_quantitative, a.ca_qualitative, a.gender_info) == (True, True, False)
    assert rows["BBB"].status == CycleStatus.DRAFT
    assert rows["CCC"].status == CycleStatus.NOT_STARTED
    assert rows["WWW"].status == CycleStatus.NOT_REQUIRED
    assert [r.state.iso3 for r in selectors.states_with_ca_but_no_gender(year=YEAR)] == ["AAA"]


def test_states_with_ca_but_no_gender_come_with_their_delegates(cast):
    draft = complete_draft(gender={"mode": "not_applicable", "fields": {}, "rows": []})
    draft["ca"]["rows"][0]["gender_considered"] = ""
    _report(cast.state_a, submit_at=datetime.datetime(2023, 4, 1, tzinfo=datetime.UTC), draft=draft)
    _report(cast.state_b, submit_at=datetime.datetime(2023, 4, 1, tzinfo=datetime.UTC))
    rows = selectors.states_with_ca_but_no_gender(year=YEAR)
    assert [(r.state.iso3, [d.email for d in r.delegates]) for r in rows] == [("AAA", ["delegate.a@example.org"])]


def test_cycle_statuses_use_a_constant_number_of_queries(cast, django_assert_num_queries):
    _report(cast.state_a, submit_at=datetime.datetime(2023, 4, 1, tzinfo=datetime.UTC))
    _more_states(3)
    with django_assert_num_queries(5):
        small = selectors.cycle_statuses(year=YEAR)
    _more_states(12, start=3)
    with django_assert_num_queries(5):
        large = selectors.cycle_statuses(year=YEAR)
    assert len(large) == len(small) + 12


def test_ca_without_gender_uses_a_constant_number_of_queries(cast, django_assert_num_queries):
    draft = complete_draft(gender={"mode": "not_applicable", "fields": {}, "rows": []})
    draft["ca"]["rows"][0]["gender_considered"] = ""
    _report(cast.state_a, submit_at=datetime.datetime(2023, 4, 1, tzinfo=datetime.UTC), draft=draft)
    _more_states(3)
    with django_assert_num_queries(6):
        selectors.states_with_ca_but_no_gender(year=YEAR)
    _more_states(9, start=3)
    with django_assert_num_queries(6):
        selectors.states_with_ca_but_no_gender(year=YEAR)


def test_inbox_page_uses_a_constant_number_of_queries(cast, django_assert_max_num_queries):
    client = client_for(cast, "chair")
    url = reverse("reporting:inbox") + f"?year={YEAR}"
    _more_states(3)
    with django_assert_max_num_queries(20) as small:
        client.get(url)
    _more_states(12, start=3)
    with django_assert_max_num_queries(20) as large:
        client.get(url)
    assert len(large.captured_queries) == len(small.captured_queries)


def test_api_lists_public_reports_to_anonymous_and_all_to_the_committee(cast):
    _report(cast.state_a, submit_at=datetime.datetime(2023, 4, 1, tzinfo=datetime.UTC))
    _report(cast.state_b)
    url = reverse("report-list") + f"?year={YEAR}"
    anon = client_for(cast, "anon").get(url).json()
    assert [(r["state"], r["status"]) for r in anon] == [("AAA", "on_time")]
    assert anon[0]["ca_quantitative"] is True and anon[0]["gender_info"] is True and anon[0]["amended"] is False
    committee = client_for(cast, "isu").get(url).json()
    assert sorted((r["state"], r["status"]) for r in committee) == [("AAA", "on_time"), ("BBB", "draft")]
    own = client_for(cast, "delegate_b").get(url).json()
    assert sorted(r["state"] for r in own) == ["AAA", "BBB"]
    other = client_for(cast, "delegate_a").get(url).json()
    assert [r["state"] for r in other] == ["AAA"]
    assert client_for(cast, "anon").get(reverse("report-list") + "?year=2019").json() == []


def test_api_list_uses_a_constant_number_of_queries(cast, django_assert_max_num_queries):
    client = client_for(cast, "isu")
    url = reverse("report-list") + f"?year={YEAR}"
    _more_states(3)
    with django_assert_max_num_queries(12) as small:
        assert len(client.get(url).json()) == 2
    _more_states(12, start=3)
    with django_assert_max_num_queries(12) as large:
        assert len(client.get(url).json()) == 10
    assert len(large.captured_queries) == len(small.captured_queries)


def test_compliance_report_prints_a_header_then_one_row_per_state_party(cast):
    _report(cast.state_a, submit_at=datetime.datetime(2023, 5, 3, tzinfo=datetime.UTC), amend=True)
    _report(cast.state_b)
    StateFactory(iso3="NEW", iso2="NW", party_since=datetime.date(2024, 3, 1))  # not a Party in 2022
    withdrawn = StateFactory(iso3="WDN", iso2="WD")
    Membership.objects.filter(state=withdrawn).update(withdrawal_effective=datetime.date(2023, 2, 1))
    out = io.StringIO()
    call_command("compliance_report", "--year", str(YEAR), "--format", "csv", stdout=out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["iso3", "status", "submitted_on", "amended", "ca_quantitative", "ca_qualitative", "gender_info"]
    assert rows[1:] == [
        ["AAA", "late", "2023-05-03", "yes", "yes", "yes", "yes"],
        ["BBB", "draft", "", "no", "no", "no", "no"],
        ["CCC", "not_started", "", "no", "no", "no", "no"],
        ["WDN", "not_required", "", "no", "no", "no", "no"],
    ]


def test_compliance_csv_download_for_the_committee(cast):
    _report(cast.state_a, submit_at=datetime.datetime(2023, 4, 3, tzinfo=datetime.UTC))
    response = client_for(cast, "chair").get(reverse("reporting:compliance_csv") + f"?year={YEAR}")
    lines = response.content.decode().splitlines()
    assert lines[0].startswith("iso3,status") and "AAA,on_time,2023-04-03,no,yes,yes,yes" in lines


def test_compliance_csv_keeps_its_columns_and_commas_in_french(cast):
    _report(cast.state_a, submit_at=datetime.datetime(2023, 4, 3, tzinfo=datetime.UTC))
    cast.chair.preferred_language = "fr"
    cast.chair.save(update_fields=["preferred_language"])
    data = client_for(cast, "chair").get(reverse("reporting:compliance_csv") + f"?year={YEAR}").content
    assert not data.startswith("\ufeff".encode()) and data.isascii()
    lines = data.decode().splitlines()
    assert lines[0] == "iso3,status,submitted_on,amended,ca_quantitative,ca_qualitative,gender_info"
    assert "AAA,on_time,2023-04-03,no,yes,yes,yes" in lines


def test_current_cycle_is_the_year_whose_reports_are_due_this_year():
    assert selectors.current_cycle_year(datetime.date(2024, 3, 1)) == 2023
    cycle = selectors.current_cycle(datetime.date(2024, 3, 1))
    assert (cycle.year, cycle.deadline) == (2023, datetime.date(2024, 4, 30))


def test_state_deadline_applies_the_extension(cast):
    cycle = CycleFactory(year=YEAR)
    assert selectors.state_deadline(cast.state_a, cycle) == datetime.date(2023, 4, 30)
    services.deadline_extension_grant(
        cycle=cycle, state=cast.state_a, new_deadline=datetime.date(2023, 7, 1), reason="Floods", by=None
    )
    assert selectors.state_deadline(cast.state_a, cycle) == datetime.date(2023, 7, 1)


def test_reminders_source_lists_outstanding_states_until_they_submit(cast):
    today = datetime.date(2023, 4, 10)
    report = _report(cast.state_a)
    obligations = {o.state_id: o for o in Article7Source().obligations(today=today)}
    assert set(obligations) == {cast.state_a.pk, cast.state_b.pk, cast.chair.state_id}
    ob = obligations[cast.state_a.pk]
    assert ob.deadline == datetime.date(2023, 4, 30) and ob.object_id == report.pk and ob.cycle == "2023"
    assert [u.email for u in Article7Source().recipients(ob)] == ["delegate.a@example.org"]
    assert not Article7Source().is_fulfilled(ob)
    with time_machine.travel(datetime.datetime(2023, 4, 12, tzinfo=datetime.UTC), tick=False):
        services.report_submit(report=report, by=None)
    assert Article7Source().is_fulfilled(ob)
    assert cast.state_a.pk not in {o.state_id for o in Article7Source().obligations(today=today)}


def test_report_list_without_a_year_is_paged(cast):
    from reporting.tests.factories import CycleFactory

    for year in (2020, 2021, 2022):
        services.report_start(
            state=cast.state_a, cycle=CycleFactory(year=year), by=cast.delegate_a, prefill_from_last_year=False
        )
    client = client_for(cast, "isu")
    page = client.get(reverse("report-list") + "?limit=2").json()
    assert page["count"] == 3 and len(page["results"]) == 2 and page["next"]
    assert isinstance(client.get(reverse("report-list") + "?year=2021").json(), list)
