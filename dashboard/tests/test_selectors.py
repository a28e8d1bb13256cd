"""Every dashboard figure against the hand-computed world of `conftest.world`."""

import datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dashboard import selectors
from reporting.models import CycleStatus

pytestmark = pytest.mark.django_db


def _iso(lines) -> list[str]:
    return sorted(line.state.iso3 for line in lines)


def test_default_year_is_the_cycle_due_this_spring(frozen):
    assert selectors.default_year() == 2022


def test_reporting_counts_match_hand_computed_figures(world):
    fig = selectors.reporting_figures(year=2022)
    assert fig.counts == {
        "owed": 4,
        "submitted": 2,
        "on_time": 1,
        "late": 1,
        "missing": 2,
        "draft": 1,
        "not_started": 1,
        "not_required": 1,
        "ca_quantitative": 2,
        "ca_qualitative": 2,
        "gender_info": 1,
        "no_gender": 1,
        "ca_no_gender": 1,
    }
    assert fig.rate == 50
    assert fig.percent_of_submitted("gender_info") == 50
    assert fig.deadline == datetime.date(2023, 4, 30)


def test_a_state_not_yet_party_is_not_counted(world):
    fig = selectors.reporting_figures(year=2022)
    assert "EEE" not in {r.state.iso3 for r in fig.rows}


def test_outstanding_states_have_days_past_deadline_and_last_reminder(world):
    fig = selectors.reporting_figures(year=2022)
    assert _iso(fig.outstanding) == ["CCC", "FFF"]
    ccc = next(line for line in fig.outstanding if line.state.iso3 == "CCC")
    assert ccc.row.status == CycleStatus.NOT_STARTED
    assert ccc.days_left == -46  # 30 April → 15 June
    assert ccc.days_late == 46
    assert ccc.last_reminder == world.reminder
    fff = next(line for line in fig.outstanding if line.state.iso3 == "FFF")
    assert fff.row.status == CycleStatus.DRAFT
    assert fff.last_reminder is None


def test_trend_counts_each_opened_cycle_with_the_same_rules(world):
    fig = selectors.reporting_figures(year=2022)
    assert [(p.year, p.owed, p.on_time, p.late, p.missing, p.rate) for p in fig.trend] == [
        (2021, 5, 1, 0, 4, 20),
        (2022, 4, 1, 1, 2, 50),
    ]


def test_trend_of_the_chosen_year_agrees_with_the_panel(world):
    fig = selectors.reporting_figures(year=2022)
    point = fig.trend[-1]
    assert (point.owed, point.submitted, point.rate) == (fig.owed, fig.submitted, fig.rate)


def test_a_year_without_cycle_has_no_report_and_everybody_owes(world):
    fig = selectors.reporting_figures(year=2023)
    # EEE joined on 1 February 2023: its initial report is owed too. DDD has withdrawn.
    assert fig.counts["owed"] == 5
    assert fig.counts["submitted"] == 0
    assert [p.year for p in fig.trend] == [2021, 2022, 2023]


@pytest.mark.parametrize(
    "group, expected",
    [
        ("owed", ["AAA", "BBB", "CCC", "FFF"]),
        ("submitted", ["AAA", "BBB"]),
        ("on_time", ["AAA"]),
        ("late", ["BBB"]),
        ("missing", ["CCC", "FFF"]),
        ("draft", ["FFF"]),
        ("not_started", ["CCC"]),
        ("not_required", ["DDD"]),
        ("ca_quantitative", ["AAA", "BBB"]),
        ("ca_qualitative", ["AAA", "BBB"]),
        ("gender_info", ["AAA"]),
        ("no_gender", ["BBB"]),
        ("ca_no_gender", ["BBB"]),
    ],
)
def test_states_behind_each_figure(world, group, expected):
    assert _iso(selectors.states_in_group(year=2022, group=group)) == expected


def test_ca_totals_by_purpose_per_currency_from_current_versions_only(world):
    fig = selectors.cooperation_figures(year=2022)
    got = sorted((m.direction, m.purpose, m.currency, m.total, m.rows) for m in fig.by_purpose)
    assert got == [
        ("provided", "clearance", "EUR", Decimal("100000.00"), 1),
        ("provided", "victim_assistance", "EUR", Decimal("20000.00"), 1),
        ("received", "clearance", "EUR", Decimal("100000.00"), 1),
        ("received", "risk_education", "USD", Decimal("50000.00"), 1),
    ]
    assert fig.without_amount == {"received": 1}
    assert fig.rows == 5


def test_ca_totals_by_year_per_currency(world):
    fig = selectors.cooperation_figures(year=2022)
    got = sorted((m.direction, m.year, m.currency, m.total, m.rows) for m in fig.by_year)
    assert got == [
        ("provided", 2022, "EUR", Decimal("120000.00"), 2),
        ("received", 2021, "EUR", Decimal("10000.00"), 1),
        ("received", 2022, "EUR", Decimal("100000.00"), 1),
        ("received", 2022, "USD", Decimal("50000.00"), 1),
    ]


def test_currencies_are_never_added_together(world):
    fig = selectors.cooperation_figures(year=2022)
    received = next(p for p in fig.pivots() if p.direction == "received")
    assert [key for key, _label in received.by_purpose.columns] == ["clearance", "risk_education"]
    rows = {currency: [m.total if m else None for m in cells] for currency, cells in received.by_purpose.rows}
    assert rows == {"EUR": [Decimal("100000.00"), None], "USD": [None, Decimal("50000.00")]}
    assert received.without_amount == 1


def test_top_partners_ranked_by_rows_with_totals_per_currency(world):
    partners = selectors.cooperation_figures(year=2022).top_partners
    assert [(p.name, p.rows, p.reporting_states, p.totals_sorted) for p in partners] == [
        ("Aland A", 2, 1, [("EUR", Decimal("120000.00"))]),
        ("Borduria B", 1, 1, [("EUR", Decimal("100000.00"))]),
        ("Demining NGO", 1, 1, [("USD", Decimal("50000.00"))]),
        ("United Nations Mine Action Service (UNMAS)", 1, 1, []),
    ]


@pytest.mark.parametrize(
    "filters, count",
    [
        ({}, 5),
        ({"direction": "provided"}, 2),
        ({"direction": "received", "currency": "EUR"}, 1),
        ({"purpose": "clearance"}, 3),
        ({"partner": "nDemining NGO"}, 1),
    ],
)
def test_ca_rows_behind_a_total(world, filters, count):
    assert selectors.ca_row_list(year=2022, **filters).count() == count


def test_ca_rows_of_one_partner_state(world):
    a = world.cast.state_a
    rows = selectors.ca_row_list(year=2022, partner=f"s{a.pk}")
    assert sorted(r.amount for r in rows) == [Decimal("20000.00"), Decimal("100000.00")]
    assert selectors.ca_row_list(year=2022, partner="nonsense").count() == 0


def test_upcoming_meetings_skip_past_and_cancelled(world):
    from meetings.models import Meeting, MeetingStatus

    def meeting(code, start, status=MeetingStatus.PLANNED):
        return Meeting.objects.create(
            code=code, kind="workshop", status=status, title_en=code, start_date=start, end_date=start
        )

    meeting("past", datetime.date(2023, 6, 1))
    meeting("soon", datetime.date(2023, 6, 20))
    meeting("later", datetime.date(2023, 9, 1))
    meeting("off", datetime.date(2023, 7, 1), MeetingStatus.CANCELLED)
    assert [m.code for m in selectors.upcoming().meetings] == ["soon", "later"]


class FakeSource:
    kind = "fake"
    label = "Fake questionnaire"

    def obligations(self, *, today):
        from reminders.registry import Obligation

        def ob(state_id, deadline, cycle="Q1"):
            return Obligation("fake", cycle, state_id, deadline, "Answer Q1", "/q/1/")

        return [ob(1, datetime.date(2023, 7, 1)), ob(2, datetime.date(2023, 7, 1)), ob(3, datetime.date(2023, 6, 1))]

    def is_fulfilled(self, obligation):
        return False


def test_upcoming_deadlines_group_open_obligations_and_skip_past_ones(world, monkeypatch):
    from reminders import registry

    monkeypatch.setattr(registry, "sources", lambda: [FakeSource()])
    deadlines = selectors.upcoming().deadlines
    assert [(d.date, d.title, d.cycle, d.states) for d in deadlines] == [
        (datetime.date(2023, 7, 1), "Fake questionnaire", "Q1", 2)
    ]
    assert deadlines[0].days_left(datetime.date(2023, 6, 15)) == 16


def test_available_years_lists_opened_cycles_and_the_current_one(world):
    assert selectors.available_years() == [2022, 2021]


def test_article7_deadline_appears_among_upcoming_deadlines_with_states_still_owing(world):
    deadlines = selectors.upcoming(today=datetime.date(2023, 3, 1)).deadlines
    article7 = [d for d in deadlines if d.source == "article7"]
    # EEE, in force since 1 February 2023, owes its initial report (Article 7.1) by 31 July 2023
    assert [(d.date, d.cycle, d.states) for d in article7] == [
        (datetime.date(2023, 4, 30), "2023", 2),
        (datetime.date(2023, 7, 31), "2024", 1),
    ]


def test_obligation_lines_list_the_states_still_owing(world):
    label, lines = selectors.obligation_lines(source="article7", cycle="2023")
    assert str(label) == "Article 7 reports"
    assert [(line.state.iso3, line.days_left) for line in lines] == [("CCC", -46), ("FFF", -46)]
    assert selectors.obligation_lines(source="nope", cycle="2023") == ("", [])


def test_article7_obligations_agree_with_reporting_deadline_source(world):
    from reporting.deadlines import Article7Source
    from reporting.models import DeadlineExtension, ReportingCycle

    ccc = world.cast.chair.state
    DeadlineExtension.objects.create(
        cycle=ReportingCycle.objects.get(year=2021), state=ccc, new_deadline=datetime.date(2023, 8, 31), reason="x"
    )
    today = datetime.date(2023, 3, 1)

    def key(obligations):
        return {(o.source, o.cycle, o.state_id, o.deadline) for o in obligations if o.deadline >= today}

    mine = key(selectors.article7_obligations(today=today))
    assert mine == key(Article7Source().obligations(today=today))
    assert mine == {
        ("article7", "2023", ccc.pk, datetime.date(2023, 4, 30)),
        ("article7", "2023", world.fff.pk, datetime.date(2023, 4, 30)),
        ("article7", "2022", ccc.pk, datetime.date(2023, 8, 31)),
        ("article7", "2024", world.eee.pk, datetime.date(2023, 7, 31)),  # its initial report on 2023
    }


def test_states_with_memberships_reads_like_a_prefetch(world):
    states = {s.iso3: s for s in selectors.states_with_memberships()}
    assert [m.withdrawal_effective for m in states["DDD"].memberships.all()] == [datetime.date(2023, 1, 1)]
    assert states["EEE"].is_party_in(2023) and not states["EEE"].is_party_in(2022)


@given(
    entry=st.dates(datetime.date(1999, 1, 1), datetime.date(2030, 12, 31)),
    withdrawal_days=st.one_of(st.none(), st.integers(1, 6000)),
)
@settings(max_examples=300, deadline=None)
def test_party_years_agree_with_is_party_in(entry, withdrawal_days):
    from states.models import Membership, State

    state = State(pk=1, iso3="ZZZ", iso2="ZZ", name_en="Z")
    withdrawal = entry + datetime.timedelta(days=withdrawal_days) if withdrawal_days else None
    state._prefetched_objects_cache = {
        "memberships": [Membership(state=state, entry_into_force=entry, withdrawal_effective=withdrawal)]
    }
    expected = {y for y in range(1995, 2040) if state.is_party_in(y)}
    assert selectors.party_years(state, 1995, 2039) == expected
