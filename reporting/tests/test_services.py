import datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from reporting import services
from reporting.models import CooperationRow, CycleStatus, ReportState, ReportVersion
from reporting.selectors import state_cycle_row
from reporting.services import ReportNotReady, StaleDraftError
from states.models import Membership
from states.tests.factories import StateFactory

from .factories import CycleFactory, complete_draft, submitted_report

pytestmark = pytest.mark.django_db

TZ = "Europe/Zurich"


def _save_all(report, by, draft=None):
    return services.report_save_draft(
        report=report, data=draft or complete_draft(), by=by, expected_version_token=report.version_token
    ).obj


def _submitted(cast, when="2023-04-20 10:00"):
    cycle = CycleFactory(year=2022)
    report = services.report_start(state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=False)
    report = _save_all(report, cast.delegate_a)
    with time_machine.travel(datetime.datetime.fromisoformat(when + "+02:00"), tick=False):
        services.report_submit(report=report, by=cast.delegate_a)
    report.refresh_from_db()
    return report


def test_cycle_deadline_defaults_to_30_april_of_the_following_year():
    cycle, created = services.cycle_create(year=2024)
    assert created
    assert cycle.deadline == datetime.date(2025, 4, 30)


def test_draft_saves_half_filled_and_invalid_values_as_typed(cast):
    cycle = CycleFactory()
    report = services.report_start(state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=False)
    data = {"c": {"mode": "filled", "fields": {"area_contaminated_m2": "about 3 km²", "text": "North"}, "rows": []}}
    services.report_save_draft(report=report, data=data, by=cast.delegate_a, expected_version_token=1)
    report.refresh_from_db()
    assert report.draft_data["c"]["fields"]["area_contaminated_m2"] == "about 3 km²"
    assert report.version_token == 2
    assert report.draft_saved_by == cast.delegate_a


def test_stale_save_of_the_same_section_is_refused_and_shows_what_changed(cast):
    cycle = CycleFactory()
    report = services.report_start(state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=False)
    other_delegate = type(cast.delegate_a).objects.create(
        username="second@a.org", email="second@a.org", role="delegate", state=cast.state_a
    )
    first = {"a": {"mode": "filled", "fields": {"text": "Law 2005-12 adopted."}, "rows": []}}
    second = {"a": {"mode": "filled", "fields": {"text": "Draft law pending."}, "rows": []}}
    services.report_save_draft(report=report, data=first, by=cast.delegate_a, expected_version_token=1)
    with pytest.raises(StaleDraftError) as exc:
        services.report_save_draft(report=report, data=second, by=other_delegate, expected_version_token=1)
    assert exc.value.saved_by == cast.delegate_a
    assert [c["new"] for c in exc.value.changes] == ["Law 2005-12 adopted."]
    report.refresh_from_db()
    assert report.draft_data["a"]["fields"]["text"] == "Law 2005-12 adopted."


def test_stale_save_of_another_section_is_merged_without_losing_anything(cast):
    cycle = CycleFactory()
    report = services.report_start(state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=False)
    a = {"a": {"mode": "filled", "fields": {"text": "A text"}, "rows": []}}
    e = {"e": {"mode": "not_applicable", "fields": {}, "rows": []}}
    services.report_save_draft(report=report, data=a, by=cast.delegate_a, expected_version_token=1)
    services.report_save_draft(report=report, data=e, by=cast.delegate_a, expected_version_token=1)
    report.refresh_from_db()
    assert report.draft_data["a"]["fields"]["text"] == "A text"
    assert report.draft_data["e"]["mode"] == "not_applicable"


def test_submit_refuses_an_incomplete_report_listing_every_problem_and_keeps_the_draft(cast):
    cycle = CycleFactory()
    report = services.report_start(state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=False)
    draft = complete_draft(
        c={
            "mode": "filled",
            "fields": {},
            "tables": {"areas": [{"location": "North", "status": "suspected", "size_m2": "lots"}], "released": []},
        }
    )
    del draft["h"]
    report = _save_all(report, cast.delegate_a, draft)
    with pytest.raises(ReportNotReady) as exc:
        services.report_submit(report=report, by=cast.delegate_a)
    problems = {(p.section, p.field_id) for p in exc.value.problems}
    assert ("c", "id_areas-0-size_m2") in problems  # not a number
    assert ("c", "id_areas-0-estimated_quantity") in problems  # blank, neither a figure nor confirmed unreported
    assert ("h", "id_mode_0") in problems
    report.refresh_from_db()
    assert report.workflow == ReportState.DRAFT
    assert report.draft_data["c"]["tables"]["areas"][0]["size_m2"] == "lots"
    assert not ReportVersion.objects.exists()


def test_submit_freezes_a_version_with_typed_figures_rows_and_flags(cast):
    report = _submitted(cast)
    version = report.current_version
    assert report.workflow == ReportState.SUBMITTED
    assert not report.is_editable
    assert version.number == 1
    assert version.area_contaminated_m2 == Decimal("1250000.50")
    assert version.mines_destroyed == 45
    assert version.oap_actions == [45, 47]
    row = CooperationRow.objects.get(version=version)
    assert row.amount == Decimal("150000.00") and row.currency == "EUR" and row.partner_name == "Demining NGO"
    assert (version.ca_quantitative, version.ca_qualitative, version.gender_info) == (True, True, True)
    assert report.submitted_by == cast.delegate_a
    assert report.submitted_on == datetime.date(2023, 4, 20)


def test_submission_on_the_deadline_day_is_on_time(cast):
    report = _submitted(cast, when="2023-04-30 23:30")
    assert report.is_late is False
    assert state_cycle_row(state=cast.state_a, cycle=report.cycle).status == CycleStatus.ON_TIME


def test_late_submission_is_flagged_late(cast):
    report = _submitted(cast, when="2023-05-01 00:30")
    assert report.is_late is True
    assert state_cycle_row(state=cast.state_a, cycle=report.cycle).status == CycleStatus.LATE


def test_extension_moves_the_states_deadline(cast):
    cycle = CycleFactory(year=2022)
    services.deadline_extension_grant(
        cycle=cycle, state=cast.state_a, new_deadline=datetime.date(2023, 6, 30), reason="Elections", by=cast.isu
    )
    report = services.report_start(state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=False)
    report = _save_all(report, cast.delegate_a)
    with time_machine.travel(datetime.datetime(2023, 6, 1, 10, tzinfo=datetime.UTC), tick=False):
        services.report_submit(report=report, by=cast.delegate_a)
    report.refresh_from_db()
    assert report.is_late is False
    assert report.deadline_at_submission == datetime.date(2023, 6, 30)


def test_extension_needs_a_reason_and_a_later_date(cast):
    cycle = CycleFactory(year=2022)
    with pytest.raises(ValidationError) as exc:
        services.deadline_extension_grant(
            cycle=cycle, state=cast.state_a, new_deadline=datetime.date(2023, 4, 1), reason=" ", by=cast.isu
        )
    assert set(exc.value.message_dict) == {"reason", "new_deadline"}


def test_submitted_report_is_read_only(cast):
    report = _submitted(cast)
    with pytest.raises(ValidationError):
        services.report_save_draft(
            report=report, data={}, by=cast.delegate_a, expected_version_token=report.version_token
        )


def test_amendment_creates_a_new_version_and_keeps_the_first_intact_and_its_status(cast):
    report = _submitted(cast, when="2023-05-03 10:00")
    first = report.current_version
    services.report_amend(report=report, by=cast.delegate_a)
    report.refresh_from_db()
    assert report.workflow == ReportState.AMENDING
    assert report.draft_data["c"]["tables"]["areas"][0]["size_m2"] == "1250000.50"
    draft = dict(report.draft_data)
    draft["g"] = {
        "mode": "filled",
        "fields": {"text": ""},
        "tables": {"destroyed": [{"article": "art5", "mine_type": "PMN-2", "quantity": "60"}]},
    }
    report = _save_all(report, cast.delegate_a, draft)
    second = services.report_submit(report=report, by=cast.delegate_a)
    report.refresh_from_db()
    first.refresh_from_db()
    assert second.number == 2 and report.current_version == second
    assert first.mines_destroyed == 45 and second.mines_destroyed == 60
    assert report.amended and report.is_late is True
    assert report.submitted_on == datetime.date(2023, 5, 3)
    with pytest.raises(ValueError):
        first.save()


def test_prefill_from_last_year_copies_the_submitted_report(cast):
    previous = _submitted(cast)
    cycle = CycleFactory(year=2023)
    report = services.report_start(state=cast.state_a, cycle=cycle, by=cast.delegate_a, prefill_from_last_year=True)
    assert report.prefilled_from == previous.current_version
    assert report.draft_data["ca"]["rows"][0]["partner_name"] == "Demining NGO"
    assert report.draft_data["gender"]["fields"]["oap_actions"] == ["45", "47"]
    # every row of every form is copied; the cover keeps the contacts and takes this year's period
    assert report.draft_data["c"]["tables"]["areas"][0]["location"] == "Ziguinchor"
    assert report.draft_data["d"]["tables"]["retained"][0]["quantity"] == "120"
    assert report.draft_data["cover"]["tables"]["contacts"][0]["email"] == "contact@example.org"
    assert report.draft_data["cover"]["fields"]["period_from"] == "2023-01-01"
    empty = services.report_start(state=cast.state_b, cycle=cycle, by=cast.delegate_b, prefill_from_last_year=True)
    assert set(empty.draft_data) == {"cover"}
    assert empty.draft_data["cover"]["tables"]["contacts"] == []


def test_state_not_party_in_the_year_owes_no_report():
    state = StateFactory(iso3="NEW", iso2="NW", party_since=datetime.date(2024, 1, 1))
    cycle = CycleFactory(year=2022)
    assert state_cycle_row(state=state, cycle=cycle).status == CycleStatus.NOT_REQUIRED
    with pytest.raises(ValidationError):
        services.report_start(state=state, cycle=cycle, by=None, prefill_from_last_year=False)


def test_withdrawal_effective_before_the_deadline_means_not_required():
    state = StateFactory(iso3="WDR", iso2="WD")
    Membership.objects.filter(state=state).update(withdrawal_effective=datetime.date(2025, 12, 27))
    cycle = CycleFactory(year=2025)
    assert state_cycle_row(state=state, cycle=cycle).status == CycleStatus.NOT_REQUIRED


def test_new_state_party_initial_report_is_due_180_days_after_entry_into_force():
    state = StateFactory(iso3="INI", iso2="IN", party_since=datetime.date(2022, 12, 1))
    cycle = CycleFactory(year=2022)
    row = state_cycle_row(state=state, cycle=cycle)
    assert row.is_initial
    assert row.deadline == datetime.date(2022, 12, 1) + datetime.timedelta(days=180)


def test_isu_keys_in_a_report_received_by_email_with_its_date_and_document(cast):
    cycle = CycleFactory(year=2022)
    with time_machine.travel(datetime.datetime(2023, 5, 10, 9, tzinfo=datetime.UTC), tick=False):
        report = submitted_report(
            cast.state_a,
            cycle,
            by=cast.isu,
            channel="email",
            received_on=datetime.date(2023, 4, 28),
            document=ContentFile(b"%PDF-1.4 report", name="report.pdf"),
        )
    version = report.current_version
    assert version.source == "email" and version.keyed_in_by_isu and version.document.name.endswith(".pdf")
    assert report.submitted_on == datetime.date(2023, 4, 28) and report.is_late is False  # received, not keyed in
    assert report.submitted_by == cast.isu
    assert version.channel_label == "E-mail, keyed in by the ISU on behalf of the State"


def test_a_paper_report_received_after_the_deadline_is_late(cast):
    with time_machine.travel(datetime.datetime(2023, 6, 10, 9, tzinfo=datetime.UTC), tick=False):
        report = submitted_report(
            cast.state_a, CycleFactory(year=2022), by=cast.isu, channel="paper", received_on=datetime.date(2023, 5, 2)
        )
    assert report.current_version.source == "paper" and report.is_late is True


def test_the_date_received_cannot_be_in_the_future(cast):
    report = services.report_start(
        state=cast.state_a, cycle=CycleFactory(year=2022), by=cast.isu, prefill_from_last_year=False
    )
    services.report_save_draft(report=report, data=complete_draft(), by=cast.isu, expected_version_token=1)
    with time_machine.travel(datetime.datetime(2023, 5, 10, 9, tzinfo=datetime.UTC), tick=False):
        with pytest.raises(ValidationError) as raised:
            services.report_submit(report=report, by=cast.isu, channel="email", received_on=datetime.date(2023, 5, 11))
    assert "received_on" in raised.value.message_dict
    assert not report.versions.exists()


def test_a_delegate_cannot_backdate_a_submission_or_choose_a_channel(cast):
    report = services.report_start(
        state=cast.state_a, cycle=CycleFactory(year=2022), by=cast.delegate_a, prefill_from_last_year=False
    )
    services.report_save_draft(report=report, data=complete_draft(), by=cast.delegate_a, expected_version_token=1)
    with pytest.raises(ValidationError):
        services.report_submit(
            report=report, by=cast.delegate_a, channel="paper", received_on=datetime.date(2023, 4, 1)
        )
    version = services.report_submit(report=report, by=cast.delegate_a)
    assert version.source == "online" and not version.keyed_in_by_isu and version.channel_label == "Web"


def test_every_change_to_a_report_is_in_its_history_with_who(cast):
    report = _submitted(cast)
    records = list(report.history.order_by("history_id"))
    assert [r.history_user for r in records] == [cast.delegate_a, cast.delegate_a, cast.delegate_a]
    assert records[-1].workflow == ReportState.SUBMITTED
