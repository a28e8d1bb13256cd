"""Accessions and withdrawals: the Article 17 and 20 dates, the services, the ISU's screen."""

import datetime

import pytest
from django.contrib.messages import constants, get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import client_for
from core.messages import no_change_message
from states import selectors, services
from states.models import Membership, State, add_months, article17_entry_into_force, article20_withdrawal_effective

from .factories import StateFactory

D = datetime.date
URL = reverse("states:membership_changes")


@pytest.mark.parametrize(
    ("deposited", "in_force"),
    [
        (D(2025, 3, 12), D(2025, 9, 1)),  # the Marshall Islands
        (D(2025, 6, 25), D(2025, 12, 1)),  # Tonga
        (D(2025, 8, 1), D(2026, 2, 1)),  # the first of a month counts as that month
        (D(2025, 12, 31), D(2026, 6, 1)),  # across the year end
        (D(1997, 12, 3), D(1999, 3, 1)),  # never before the Convention's own entry into force
    ],
)
def test_article17_entry_into_force_is_the_first_day_of_the_sixth_month_after_the_deposit(deposited, in_force):
    assert article17_entry_into_force(deposited) == in_force


@pytest.mark.parametrize(
    ("notified", "effective"),
    [
        (D(2025, 6, 27), D(2025, 12, 27)),  # Estonia, Latvia, Lithuania
        (D(2025, 7, 10), D(2026, 1, 10)),  # Finland
        (D(2025, 8, 20), D(2026, 2, 20)),  # Poland
        (D(2025, 8, 31), D(2026, 2, 28)),  # a shorter month: its last day
        (D(2023, 8, 31), D(2024, 2, 29)),  # a leap year
    ],
)
def test_article20_withdrawal_takes_effect_six_months_after_notification(notified, effective):
    assert article20_withdrawal_effective(notified) == effective


def test_add_months_keeps_the_day_or_takes_the_months_last():
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2024, 11, 15), 14) == D(2026, 1, 15)


# --- accessions --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_accession_of_a_state_new_to_the_registry_adds_it_with_its_names_and_the_article17_date(cast):
    state = selectors.state_for_accession("MHL")
    assert state.pk is None and state.region == "oceania"
    update = services.membership_accession_record(state=state, deposited=D(2025, 3, 12), by=cast.isu)
    assert update.changed
    saved = State.objects.get(iso3="MHL")
    assert (saved.name_en, saved.name_fr, saved.name_es) == ("Marshall Islands", "Îles Marshall", "Islas Marshall")
    m = saved.memberships.get()
    assert (m.instrument_deposited, m.entry_into_force) == (D(2025, 3, 12), D(2025, 9, 1))
    assert m.history.get().history_user == cast.isu
    assert saved.history.get().history_user == cast.isu
    assert not saved.is_party_in(2024) and saved.is_party_in(2025)


@pytest.mark.django_db
def test_recording_the_same_accession_again_changes_nothing(cast):
    state = selectors.state_for_accession("TON")
    services.membership_accession_record(state=state, deposited=D(2025, 6, 25), note="Accession", by=cast.isu)
    state = State.objects.get(iso3="TON")
    again = services.membership_accession_record(state=state, deposited=D(2025, 6, 25), note="", by=cast.isu)
    assert not again.changed
    assert Membership.history.filter(state_id=state.pk).count() == 1
    assert state.memberships.get().note == "Accession"  # a blank note keeps the stored one


@pytest.mark.django_db
def test_a_later_entry_into_force_corrects_the_same_accession(cast):
    state = StateFactory(iso3="NEW", iso2="NW", party_since=D(2025, 9, 1))
    update = services.membership_accession_record(
        state=state, deposited=D(2025, 3, 12), entry_into_force=D(2025, 9, 2), by=cast.isu
    )
    assert set(update.changed) == {"instrument_deposited", "entry_into_force"}
    assert state.memberships.get().entry_into_force == D(2025, 9, 2)


@pytest.mark.django_db
def test_an_entry_into_force_earlier_than_article17_is_refused_on_its_field(cast):
    state = selectors.state_for_accession("TON")
    with pytest.raises(ValidationError) as exc:
        services.membership_accession_record(state=state, deposited=D(2025, 6, 25), entry_into_force=D(2025, 7, 1))
    assert list(exc.value.message_dict) == ["entry_into_force"]
    assert "1 December 2025" in exc.value.message_dict["entry_into_force"][0]
    assert not State.objects.filter(iso3="TON").exists()  # nothing written, not even the State


@pytest.mark.django_db
def test_a_state_already_party_on_the_deposit_date_is_refused(cast):
    with pytest.raises(ValidationError) as exc:
        services.membership_accession_record(state=cast.state_a, deposited=D(2025, 1, 10))
    assert list(exc.value.message_dict) == ["instrument_deposited"]
    assert cast.state_a.memberships.count() == 1


@pytest.mark.django_db
def test_a_state_whose_withdrawal_took_effect_accedes_again_with_a_second_membership(cast):
    services.membership_withdrawal_record(state=cast.state_a, notified=D(2025, 6, 27))
    update = services.membership_accession_record(state=cast.state_a, deposited=D(2027, 1, 15))
    assert update.obj.entry_into_force == D(2027, 7, 1)
    assert cast.state_a.memberships.count() == 2
    state = State.objects.prefetch_related("memberships").get(pk=cast.state_a.pk)
    assert [state.is_party_in(y) for y in (2025, 2026, 2027)] == [True, False, True]


# --- withdrawals -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_withdrawal_defaults_to_six_months_after_notification_and_again_changes_nothing(cast):
    update = services.membership_withdrawal_record(state=cast.state_a, notified=D(2025, 7, 10), by=cast.isu)
    assert update.obj.withdrawal_effective == D(2026, 1, 10)
    assert set(update.changed) == {"withdrawal_notified", "withdrawal_effective"}
    records = cast.state_a.memberships.get().history.count()
    again = services.membership_withdrawal_record(state=cast.state_a, notified=D(2025, 7, 10), by=cast.isu)
    assert not again.changed
    assert cast.state_a.memberships.get().history.count() == records


@pytest.mark.django_db
def test_withdrawal_may_take_effect_later_never_earlier_than_article20(cast):
    later = services.membership_withdrawal_record(
        state=cast.state_a, notified=D(2025, 6, 27), effective=D(2026, 3, 1), note="Article 20(3)"
    )
    assert later.obj.withdrawal_effective == D(2026, 3, 1)
    with pytest.raises(ValidationError) as exc:
        services.membership_withdrawal_record(state=cast.state_b, notified=D(2025, 6, 27), effective=D(2025, 9, 1))
    assert list(exc.value.message_dict) == ["withdrawal_effective"]
    assert cast.state_b.memberships.get().withdrawal_effective is None


@pytest.mark.django_db
def test_withdrawal_notified_before_entry_into_force_is_refused(cast):
    state = StateFactory(iso3="NEW", iso2="NW", party_since=D(2025, 9, 1))
    with pytest.raises(ValidationError) as exc:
        services.membership_withdrawal_record(state=state, notified=D(2025, 5, 1))
    assert list(exc.value.message_dict) == ["withdrawal_notified"]


# --- the ISU's screen ----------------------------------------------------------------------------------


def _said(response) -> list[tuple[int, str]]:
    return [(m.level, str(m.message)) for m in get_messages(response.wsgi_request)]


@pytest.mark.django_db
def test_isu_records_an_accession_and_is_told_then_told_no_change(cast):
    client = client_for(cast, "isu")
    data = {"acc-state": "MHL", "acc-instrument_deposited": "2025-03-12"}
    response = client.post(URL, data)
    assert response.status_code == 302
    assert _said(response) == [
        (constants.SUCCESS, "Marshall Islands: instrument deposited on 12 March 2025, in force from 1 September 2025.")
    ]
    page = client.get(URL)
    assert "Marshall Islands" in page.content.decode()  # in the table of changes since 2023
    again = client.post(URL, data)
    assert _said(again) == [(constants.INFO, no_change_message())]


@pytest.mark.django_db
def test_errors_show_next_to_their_field_and_keep_what_was_typed(cast):
    client = client_for(cast, "isu")
    typed = {"wd-withdrawal_notified": "2025-06-27", "wd-withdrawal_effective": "2025-07-01"}
    response = client.post(URL, {"wd-state": str(cast.state_a.pk), **typed})
    assert response.status_code == 200
    form = response.context["withdrawal_form"]
    assert list(form.errors) == ["withdrawal_effective"]
    assert "27 December 2025" in form.errors["withdrawal_effective"][0]
    html = response.content.decode()
    assert 'value="2025-07-01"' in html and 'value="2025-06-27"' in html
    assert cast.state_a.memberships.get().withdrawal_effective is None


@pytest.mark.django_db
def test_the_accession_list_offers_states_not_in_the_registry_yet(cast):
    form = client_for(cast, "isu").get(URL).context["accession_form"]
    groups = dict(form.fields["state"].choices[1:])
    assert ("TON", "Tonga") in list(groups.values())[0]
    assert ("AAA", "Aland A") in list(groups.values())[1]
    assert "USA" in dict(list(groups.values())[0])


@pytest.mark.django_db
def test_isu_menu_lists_the_screen(cast):
    assert URL in client_for(cast, "isu").get(reverse("states:list")).content.decode()
    assert URL not in client_for(cast, "chair").get(reverse("states:list")).content.decode()
