"""How an edit service finds out what changed, and says so.

A view validates `ModelForm(request.POST, instance=obj)`; `is_valid()` copies the cleaned values
onto `obj` itself. A service that compared `obj` with the cleaned data would see no difference and
write nothing while the view said "saved". So every edit service compares with the row *stored in
the database* (`stored_changes`), writes only what differs, and returns an `Update` that says what
changed; the view then says "saved" or "No change" (`core.messages.saved_or_unchanged`).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class Update[M: models.Model]:
    """What an edit service did: the object as now stored, and the names of what changed
    (fields, relations, child rows); `changed` is empty when nothing was written."""

    obj: M
    changed: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.changed)


def stored_row[M: models.Model](obj: M) -> M:
    """The object's row as stored, read again (and locked until the transaction ends)."""
    return obj._meta.model._default_manager.select_for_update().get(pk=obj.pk)  # _meta: also for request.user


def stored_changes(obj: models.Model, values: Mapping[str, Any], *, stored: models.Model | None = None) -> list[str]:
    """The names in `values` whose value differs from the row stored in the database.

    Compared with the stored row, never with `obj` (a bound ModelForm has already copied the new
    values onto it). Call it inside the service's transaction.
    """
    stored = stored if stored is not None else stored_row(obj)
    return [name for name, value in values.items() if getattr(stored, name) != value]


def apply_changes(obj: models.Model, values: Mapping[str, Any], *, stored: models.Model | None = None) -> list[str]:
    """Set on `obj` the values that differ from the stored row and return their names (not saved:
    the service checks its rules, then saves `update_fields=changed`)."""
    changed = stored_changes(obj, values, stored=stored)
    for name, value in values.items():
        setattr(obj, name, value)
    return changed


def set_related(obj: models.Model, name: str, values: Iterable[models.Model] | None) -> bool:
    """Set a many-to-many relation when it differs from the stored one; True when it changed."""
    if values is None:
        return False
    manager = getattr(obj, name)
    wanted = {v.pk for v in values}
    if set(manager.values_list("pk", flat=True)) == wanted:
        return False
    manager.set(wanted)
    return True
