import datetime

import pytest

from states.models import Membership, State
from states.services import membership_withdraw
from states.tests.factories import StateFactory

pytestmark = pytest.mark.django_db


def test_party_in_year_is_derived_from_entry_into_force_and_withdrawal():
    joined = StateFactory(iso3="JJJ", iso2="JJ", party_since=datetime.date(2018, 6, 1))
    leaver = StateFactory(iso3="LLL", iso2="LL")
    membership_withdraw(state=leaver, effective=datetime.date(2025, 12, 27))

    assert not joined.is_party_in(2017)
    assert joined.is_party_in(2018)
    assert leaver.is_party_in(2025)
    assert not State.objects.get(pk=leaver.pk).is_party_in(2026)
    assert set(State.objects.parties_in(2017).values_list("iso3", flat=True)) == {"LLL"}
    assert set(State.objects.parties_in(2026).values_list("iso3", flat=True)) == {"JJJ"}


def test_withdrawal_before_entry_into_force_is_refused():
    state = StateFactory(iso3="WWW", iso2="WW", party_since=datetime.date(2010, 1, 1))
    with pytest.raises(Exception, match="after entry into force"):
        membership_withdraw(state=state, effective=datetime.date(2009, 1, 1))
    assert Membership.objects.get(state=state).withdrawal_effective is None


def test_initial_report_is_due_180_days_after_entry_into_force():
    m = Membership(entry_into_force=datetime.date(2018, 6, 1))
    assert m.initial_report_due == datetime.date(2018, 11, 28)


def test_name_follows_the_active_language_and_falls_back_to_english():
    from django.utils import translation

    state = StateFactory(iso3="NNN", iso2="NN", name_en="Netherlands", name_fr="Pays-Bas", name_es="")
    with translation.override("fr"):
        assert state.name == "Pays-Bas"
    with translation.override("es"):
        assert state.name == "Netherlands"
