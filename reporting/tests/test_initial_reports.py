"""Initial reports (Article 7.1): a new State Party's report in the cycle of its entry-into-force year
is due 180 days after entry into force and covers the period from then to 31 December; later
cycles, and every other State, stay annual (due 30 April of the next year)."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role
from accounts.tests.factories import UserFactory
from conftest import client_for
from reminders import services as reminders
from reminders.policy import GENEVA
from reporting import selectors, services
from reporting.deadlines import Article7Source
from reporting.models import Report, ReportingCycle
from states.models import Membership, State
from states.tests.factories import StateFactory

from .factories import CycleFactory

pytestmark = pytest.mark.django_db

D = datetime.date
EIF = D(2025, 6, 1)
DUE = D(2025, 11, 28)  # 1 June 2025 + 180 days


def at(day: datetime.date):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(8), tzinfo=GENEVA), tick=False)


def _new_party(iso3="NEW", iso2="NW", eif=EIF) -> State:
    state = StateFactory(iso3=iso3, iso2=iso2, name_en=f"Newland {iso3}", party_since=eif)
    return State.objects.prefetch_related("memberships").get(pk=state.pk)


def _fresh(state) -> State:
    return State.objects.prefetch_related("memberships").get(pk=state.pk)


def test_the_entry_into_force_year_holds_the_initial_report_and_later_years_annual_ones(cast):
    new = _new_party()
    c2025 = ReportingCycle(year=2025, deadline=D(2026, 4, 30))
    c2026 = ReportingCycle(year=2026, deadline=D(2027, 4, 30))
    assert selectors.report_kind(new, c2025) == "initial"
    assert selectors.reporting_period(new, c2025) == (EIF, D(2025, 12, 31))
    assert selectors.report_kind(new, c2026) == "annual"
    assert selectors.reporting_period(new, c2026) == (D(2026, 1, 1), D(2026, 12, 31))
    old = _fresh(cast.state_a)  # a Party since 1999
    assert selectors.report_kind(old, c2025) == "annual"
    assert selectors.reporting_period(old, c2025) == (D(2025, 1, 1), D(2025, 12, 31))


def test_a_state_in_force_from_1_june_2025_owes_its_initial_report_by_28_november_2025(cast):
    new = _new_party()
    cycle = selectors.cycle_for_year(2025)  # not opened yet: the default deadline, 30 April 2026
    assert selectors.is_report_required(new, cycle)
    assert selectors.state_deadline(new, cycle) == DUE
    row = selectors.state_cycle_row(state=new, cycle=cycle)
    assert (row.is_initial, row.kind, str(row.kind_label)) == (True, "initial", "Initial report")
    # the next year is annual, and annual States keep 30 April
    assert selectors.state_deadline(new, selectors.cycle_for_year(2026)) == D(2027, 4, 30)
    assert selectors.state_deadline(_fresh(cast.state_a), cycle) == D(2026, 4, 30)
    assert not selectors.state_cycle_row(state=_fresh(cast.state_a), cycle=cycle).is_initial


def test_an_initial_report_due_before_a_withdrawal_takes_effect_is_owed(cast):
    new = _new_party()
    Membership.objects.filter(state__in=[new, cast.state_a]).update(withdrawal_effective=D(2026, 3, 1))
    cycle = selectors.cycle_for_year(2025)
    assert selectors.state_deadline(_fresh(new), cycle) == DUE
    assert not selectors.is_report_required(_fresh(cast.state_a), cycle)  # its annual one falls after


def test_the_state_page_offers_the_initial_report_before_its_cycle_is_opened(cast):
    new = _new_party()
    delegate = UserFactory(role=Role.DELEGATE, state=new, username="delegate.new@example.org")
    client = client_for(cast, "delegate_a")
    client.force_login(delegate)
    with at(D(2025, 7, 1)):
        # an annual State cannot start a report on 2025 before the cycle opens
        assert client_for(cast, "delegate_a").post(reverse("reporting:start", args=["AAA", 2025])).status_code == 404
        page = client.get(reverse("reporting:state_reports", args=["NEW"]))
        assert page.context["current"].year == 2025
        html = page.content.decode()
        assert "Initial report" in html and "28 November 2025" in html and "not open yet" not in html
        home = client.get(reverse("home")).content.decode()  # the delegate's home: this year's report first
        assert "Article 7 report on 2025" in home and "Initial report" in home and "not open yet" not in home
        response = client.post(reverse("reporting:start", args=["NEW", 2025]), {"prefill": "no"})
        assert response.status_code == 302
        overview = client.get(reverse("reporting:overview", args=["NEW", 2025])).content.decode()
    assert "Initial report" in overview and "period 1 June 2025 to 31 December 2025" in overview
    assert ReportingCycle.objects.get(year=2025).deadline == D(2026, 4, 30)  # opened with its default deadline
    report = Report.objects.get(state=new, cycle__year=2025)
    assert selectors.state_cycle_row(state=_fresh(new), cycle=report.cycle).deadline == DUE


def test_an_extension_of_an_initial_report_is_measured_from_its_own_deadline(cast):
    new = _new_party()
    cycle = CycleFactory(year=2025)
    with pytest.raises(ValidationError) as exc:
        services.deadline_extension_grant(cycle=cycle, state=new, new_deadline=D(2025, 11, 1), reason="x", by=cast.isu)
    assert "initial-report deadline" in exc.value.message_dict["new_deadline"][0]
    services.deadline_extension_grant(cycle=cycle, state=new, new_deadline=D(2026, 1, 15), reason="Elections", by=None)
    assert selectors.state_deadline(_fresh(new), cycle) == D(2026, 1, 15)


def test_a_reminder_targets_the_initial_deadline_and_says_why(cast, django_capture_on_commit_callbacks):
    new = _new_party()
    UserFactory(role=Role.DELEGATE, state=new, username="delegate.new@example.org")
    with at(D(2025, 11, 14)), django_capture_on_commit_callbacks(execute=True):
        result = reminders.reminder_pass()
    (claimed,) = [r for r in result.claimed if r.state_id == new.pk]
    assert (claimed.kind, claimed.deadline, claimed.cycle) == ("before-14", DUE, "2026")
    # the annual States' reports on 2025 are not due yet: nobody else is reminded of the 2025 cycle
    assert [r.state_id for r in result.claimed if r.cycle == "2026"] == [new.pk]
    (message,) = [m for m in mail.outbox if m.to == ["delegate.new@example.org"]]
    assert "Initial Article 7 report (1 June 2025 to 31 December 2025)" in message.subject
    assert "due on 28 November 2025: 14 days left" in message.body
    assert "Article 7.1" in message.body and "180 days" in message.body


def test_the_initial_obligation_keeps_its_key_once_its_cycle_is_current(cast):
    new = _new_party()
    before = [o for o in Article7Source().obligations(today=D(2025, 11, 1)) if o.state_id == new.pk]
    after = [o for o in Article7Source().obligations(today=D(2026, 1, 5)) if o.state_id == new.pk]
    assert [(o.cycle, o.deadline) for o in before] == [("2026", DUE)] == [(o.cycle, o.deadline) for o in after]


def _more_initial_states(n: int, start: int = 0) -> None:
    for i in range(start, start + n):
        StateFactory(iso3=f"N{i:02d}", iso2=f"{chr(65 + i)}8", name_en=f"Newland {i}", party_since=EIF)
        StateFactory(iso3=f"O{i:02d}", iso2=f"{chr(65 + i)}7", name_en=f"Oldland {i}")


def _count(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def test_the_inbox_says_initial_report_with_a_constant_number_of_queries(cast):
    new = _new_party()
    client = client_for(cast, "chair")
    url = reverse("reporting:inbox") + "?year=2025"
    with at(D(2025, 7, 1)):
        html = client.get(url).content.decode()
        row = next(line for line in html.split("<tr>") if new.name_en in line)
        assert "Initial report" in row
        assert not any("Initial report" in line for line in html.split("<tr>") if "Aland A" in line)
        small = _count(client, url)
        _more_initial_states(5)
        assert _count(client, url) == small
        assert client.get(url).content.decode().count(">Initial report<") == 6


def test_the_dashboard_says_initial_report_with_a_constant_number_of_queries(cast, settings):
    settings.CACHES = {**settings.CACHES, "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    _new_party()
    CycleFactory(year=2025)
    client = client_for(cast, "chair")
    url = reverse("dashboard:index") + "?year=2025"
    with at(D(2026, 1, 15)):
        assert ">Initial report<" in client.get(url).content.decode()
        small = _count(client, url)
        _more_initial_states(4)
        assert _count(client, url) == small
        assert client.get(url).content.decode().count(">Initial report<") == 5
