"""Writes for the States Parties registry."""

import csv
import datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.demo import upsert
from core.services import Update, apply_changes
from core.translation import other_languages

from .countries import country_name, region_for
from .models import (
    CONVENTION_ENTRY_INTO_FORCE,
    Membership,
    State,
    article17_entry_into_force,
    article20_withdrawal_effective,
)

__all__ = ["country_name", "region_for"]  # kept here for callers of the registry's loaders


@transaction.atomic
def states_load_registry(*, csv_path: Path, entry_into_force: dict[str, datetime.date] | None = None) -> int:
    """Create or update the States of the CSV (iso3, iso2, name_en); idempotent. Returns the count."""
    entry_into_force = entry_into_force or {}
    count = 0
    with open(csv_path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            state, _created = upsert(
                State,
                iso3=row["iso3"],
                defaults={
                    "iso2": row["iso2"],
                    "name_en": row["name_en"],
                    **{f"name_{code}": country_name(row["iso2"], code) for code in other_languages()},
                    "region": region_for(row["iso2"]),
                },
            )
            if not state.memberships.exists():
                Membership.objects.create(
                    state=state, entry_into_force=entry_into_force.get(state.iso3, CONVENTION_ENTRY_INTO_FORCE)
                )
            count += 1
    return count


@transaction.atomic
def membership_withdraw(*, state: State, effective: datetime.date) -> Membership:
    """Record that a withdrawal takes effect on a date (Article 20: six months after notification)."""
    membership = (
        state.memberships.select_for_update().filter(withdrawal_effective__isnull=True).latest("entry_into_force")
    )
    membership.withdrawal_effective = effective
    membership.full_clean()
    membership.save(update_fields=["withdrawal_effective"])
    return membership


def _day(value: datetime.date) -> str:
    return date_format(value, "DATE_FORMAT")


@transaction.atomic
def membership_accession_record(
    *,
    state: State,
    deposited: datetime.date,
    entry_into_force: datetime.date | None = None,
    note: str = "",
    by=None,
) -> Update[Membership]:
    """Record a State's ratification or accession: the day its instrument was deposited and the day
    the Convention enters into force for it (Article 17 by default: the first day of the sixth month
    after the deposit). A State new to the registry (`state` unsaved) is added to it.

    Which membership it writes: a new one when the State is not a Party on the deposit date (never
    was, or its withdrawal took effect); the current one when the deposit comes before that
    membership's entry into force (the same instrument: the dates are corrected). A State already
    bound on the deposit date is refused. Recording the same again writes nothing (`Update.changed`
    empty). A blank `note` keeps the stored one.
    """
    earliest = article17_entry_into_force(deposited)
    entry_into_force = entry_into_force or earliest
    note = note.strip()
    errors: dict[str, str] = {}
    if entry_into_force < earliest:
        errors["entry_into_force"] = _(
            "For an instrument deposited on %(deposited)s the Convention enters into force on %(date)s at the "
            "earliest (Article 17)."
        ) % {"deposited": _day(deposited), "date": _day(earliest)}
    current = state.memberships.select_for_update().order_by("-entry_into_force").first() if state.pk else None
    bound = current is not None and (current.withdrawal_effective is None or current.withdrawal_effective > deposited)
    if bound and deposited >= current.entry_into_force:
        errors["instrument_deposited"] = _(
            "%(state)s is already a State Party on that date: the Convention has been in force for it since %(date)s."
        ) % {"state": state, "date": _day(current.entry_into_force)}
    elif bound and current.withdrawal_effective and entry_into_force >= current.withdrawal_effective:
        errors["entry_into_force"] = _("Entry into force must come before the withdrawal took effect (%(date)s).") % {
            "date": _day(current.withdrawal_effective)
        }
    if errors:
        raise ValidationError(errors)

    values = {"instrument_deposited": deposited, "entry_into_force": entry_into_force}
    if note:
        values["note"] = note
    if bound:
        changed = tuple(apply_changes(current, values, stored=current))
        if not changed:
            return Update(current)
        membership = current
    else:
        if state.pk is None:  # first accession of a State the registry did not hold
            state._history_user = by
            state.save()
        membership = Membership(state=state, **values)
        changed = tuple(values)
    membership.full_clean()
    membership._history_user = by
    if membership.pk is None:
        membership.save()
    else:
        membership.save(update_fields=list(changed))
    return Update(membership, changed)


@transaction.atomic
def membership_withdrawal_record(
    *,
    state: State,
    notified: datetime.date,
    effective: datetime.date | None = None,
    note: str = "",
    by=None,
) -> Update[Membership]:
    """Record a State's withdrawal on its current (latest) membership: the day the Depositary received
    the instrument and the day it takes effect (Article 20(2) by default: six months later; Article
    20(3) may put it later, never earlier). Recording the same again writes nothing; other dates
    correct the recorded withdrawal. A blank `note` keeps the stored one."""
    earliest = article20_withdrawal_effective(notified)
    effective = effective or earliest
    note = note.strip()
    current = state.memberships.select_for_update().order_by("-entry_into_force").first() if state.pk else None
    errors: dict[str, str] = {}
    if current is None:
        errors["state"] = _("%(state)s has never been a State Party.") % {"state": state}
    elif notified < current.entry_into_force:
        errors["withdrawal_notified"] = _(
            "%(state)s was not yet a State Party on that date: the Convention entered into force for it on %(date)s."
        ) % {"state": state, "date": _day(current.entry_into_force)}
    if effective < earliest:
        errors["withdrawal_effective"] = _(
            "A withdrawal notified on %(notified)s takes effect on %(date)s at the earliest (Article 20)."
        ) % {"notified": _day(notified), "date": _day(earliest)}
    if errors:
        raise ValidationError(errors)
    values = {"withdrawal_notified": notified, "withdrawal_effective": effective}
    if note:
        values["note"] = note
    changed = tuple(apply_changes(current, values, stored=current))
    if not changed:
        return Update(current)
    current.full_clean()
    current._history_user = by
    current.save(update_fields=list(changed))
    return Update(current, changed)
