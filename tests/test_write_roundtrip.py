"""Every create and edit form, posted for real (see tests/roundtrip.py for the rows and how to add one)."""

import pytest
from django import forms
from django.contrib.messages import constants, get_messages
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.urls import reverse

from conftest import ROLES, client_for
from core.messages import no_change_message
from core.modules import app_modules
from tests.roundtrip import CREATE, EDIT, STEP, UPLOAD, Write
from tests.test_permission_matrix import ALL_ROWS

# Roles tried, in this order, to see whether a page shows a form.
ROLES_TO_TRY = ["isu", "chair", "member", "delegate_a", "delegate_b", "anon"]

# Django's and the sign-in flow's own pages: their forms store no data of the application's objects.
NOT_WRITES = {
    "login": "signs in (audited in accounts/tests/test_security.py)",
    "password_reset": "sends an e-mail; stores nothing",
    "password_change": "Django's own view; a password is never shown back to compare",
    "two_factor_setup": "confirms a TOTP device (accounts/tests/test_two_factor.py)",
    "two_factor_verify": "checks a TOTP code; stores nothing",
}


def _collect(module_name: str):
    rows, not_writes = [], {}
    for module in app_modules(f"tests.{module_name}"):
        rows.extend(module.ROWS)
        not_writes.update(getattr(module, "NOT_WRITES", {}))
    return rows, not_writes


WRITES, APP_NOT_WRITES = _collect("roundtrip")
NOT_WRITES = {**NOT_WRITES, **APP_NOT_WRITES}


# --- helpers -----------------------------------------------------------------------------------


def _view_context(response) -> dict:
    """The context the view passed to its template (not what included templates pushed later)."""
    context = response.context
    if context is None:
        return {}
    first = context[0] if isinstance(context, list) else context
    return first.flatten()


def _forms_in(response) -> dict[str, object]:
    return {k: v for k, v in _view_context(response).items() if isinstance(v, forms.BaseForm | forms.BaseFormSet)}


def _messages(response) -> list[tuple[int, str]]:
    """The messages this request added (not those still stored from an earlier one)."""
    return [(m.level, str(m.message)) for m in get_messages(response.wsgi_request)._queued_messages]


def _files(data: dict) -> dict:
    return {k: v for k, v in data.items() if isinstance(v, UploadedFile)}


def _clean(field, value):
    try:
        return _plain(field.clean(value))
    except ValidationError:
        return value


def _differs(bf, data: dict) -> bool:
    """Whether `data` gives the field another value than the form shows now."""
    posted = _posted(bf, data)
    shown = bf.data if bf.form.is_bound else bf.initial
    if bf.form.is_bound or isinstance(shown, str):  # raw text (a bound form, a draft kept as typed)
        return _clean(bf.field, shown) != _clean(bf.field, posted)
    return bf.field.has_changed(shown, posted)


def _posted(bf, data: dict):
    return bf.field.widget.value_from_datadict(data, _files(data), bf.html_name)


def _editable(form, row: Write):
    return [bf for bf in form if not bf.field.disabled and bf.name not in row.unchanged]


def _plain(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, models.QuerySet | list | set):
        return sorted(_plain(v) for v in value)
    if isinstance(value, models.fields.files.FieldFile):
        return bool(value)
    if isinstance(value, UploadedFile):
        return True
    return value


def _stored_value(obj, name: str):
    field = obj._meta.get_field(name)
    if field.many_to_many:
        return sorted(getattr(obj, name).values_list("pk", flat=True))
    return _plain(getattr(obj, name))


def _model_field_names(obj) -> set[str]:
    return {f.name for f in obj._meta.get_fields() if f.concrete or f.many_to_many}


def _url(row: Write, ctx: dict) -> str:
    return reverse(row.name, kwargs=ctx.get("kwargs", {})) + row.query


def _records(row: Write, obj):
    if row.no_history:
        return None
    return row.records(obj) if row.records else obj.history.all()


def _fresh(row: Write, cast, ctx):
    if row.kind == CREATE:
        return row.created(cast, ctx)
    obj = ctx["obj"]
    return type(obj)._default_manager.get(pk=obj.pk)


def _page_form(row: Write, client, ctx):
    if row.page:
        url = reverse(row.page, kwargs=ctx.get("page_kwargs", ctx.get("kwargs", {})))
    else:
        url = _url(row, ctx)
    response = client.get(url)
    assert response.status_code == 200, (row.id, response.status_code)
    form = _forms_in(response).get(row.form_key)
    assert form is not None, f"{row.id}: no form under {row.form_key!r} in the page's context"
    return form


# --- completeness -------------------------------------------------------------------------------


def _covered() -> set[str]:
    names = set()
    for row in WRITES:
        names.add(row.name)
        names.update(row.pages)
        if row.page:
            names.add(row.page)
    return names


@pytest.mark.parametrize(
    "matrix_row",
    [r for r in ALL_ROWS if r.method == "get" and r.name not in NOT_WRITES],
    ids=lambda r: f"{r.name}{r.query}",
)
def test_every_page_with_a_form_has_a_roundtrip_row(cast, matrix_row):
    url = reverse(matrix_row.name, kwargs=matrix_row.kwargs(cast) if matrix_row.kwargs else {}) + matrix_row.query
    for role in ROLES_TO_TRY:
        if matrix_row.expect.get(role) != 200:
            continue
        found = _forms_in(client_for(cast, role).get(url))
        if found:
            assert matrix_row.name in _covered(), (
                f"{matrix_row.name} shows {sorted(type(f).__name__ for f in found.values())} to {role} but has no "
                f"row in the write round-trip matrix (<app>/tests/roundtrip.py) nor a NOT_WRITES reason"
            )
            return


def test_rows_name_real_roles_and_kinds():
    for row in WRITES:
        assert row.role in ROLES and row.role != "anon", row.id
        assert row.kind in (EDIT, CREATE, STEP, UPLOAD), row.id
        assert row.kind != CREATE or row.created is not None, f"{row.id}: a CREATE row says how to find the new object"


# --- the round trip -----------------------------------------------------------------------------


@pytest.mark.parametrize("row", WRITES, ids=lambda r: r.id)
def test_write_round_trip(cast, row: Write):
    ctx = row.setup(cast)
    client = client_for(cast, row.role)
    form = _page_form(row, client, ctx)

    # 1. The row changes every editable field of the form.
    data = row.data(cast, ctx)
    unchanged = [bf.name for bf in _editable(form, row) if not _differs(bf, data)]
    assert not unchanged, f"{row.id}: the row's data leaves these fields as they are: {unchanged}"
    expected = {bf.name: bf.field.clean(_posted(bf, data)) for bf in _editable(form, row)}

    before = None
    if row.kind != CREATE:
        records = _records(row, ctx["obj"])
        before = records.count() if records is not None else None

    # 2. POST: stored, recorded, and said.
    response = client.post(_url(row, ctx), data)
    assert response.status_code in (302, 303), (row.id, response.status_code, _forms_errors(response))
    said = _messages(response)
    assert any(level == constants.SUCCESS for level, _text in said), (row.id, said)
    assert no_change_message() not in [text for _level, text in said], (row.id, said)

    obj = _fresh(row, cast, ctx)
    stored = row.stored(obj) if row.stored else {}
    model_fields = _model_field_names(obj)
    for name, value in expected.items():
        if name in stored:
            assert _plain(stored[name]) == _plain(value), (row.id, name, stored[name], value)
        elif name in model_fields:
            assert _stored_value(obj, name) == _plain(value), (row.id, name, _stored_value(obj, name), value)
        else:
            assert row.kind == EDIT and row.shows_values, f"{row.id}: say in `stored` where {name!r} is kept"

    if row.kwargs_after:
        ctx["kwargs"] = row.kwargs_after(obj)
    if row.kind == EDIT and row.shows_values:
        shown = _page_form(row, client, ctx)
        differ = [bf.name for bf in _editable(shown, row) if _differs(bf, data)]
        assert not differ, f"{row.id}: after saving, the form shows other values for {differ}"

    records = _records(row, obj)
    if records is not None:
        if row.kind == CREATE:
            assert records.filter(history_type="+").exists(), f"{row.id}: no history record of the creation"
        else:
            assert records.count() > before, f"{row.id}: no new history record"
        if not row.records:
            latest = records.order_by("-history_date", "-history_id").first()
            tracked = {f.name for f in latest._meta.concrete_fields}
            for name, value in expected.items():
                if name in tracked and name not in stored and not isinstance(value, UploadedFile):
                    assert _plain(getattr(latest, name)) == _plain(value), (row.id, "history", name)

    # 3. The same again.
    if row.kind == CREATE:
        return
    after = records.count() if records is not None else None
    again = client.post(_url(row, ctx), row.data(cast, ctx))
    said = _messages(again)
    if row.kind == UPLOAD:
        assert any(level == constants.SUCCESS for level, _text in said), (row.id, said)
        if records is not None:
            assert records.count() > after, f"{row.id}: the second document is not recorded"
        return
    if row.kind == EDIT:
        assert again.status_code in (302, 303), (row.id, again.status_code, _forms_errors(again))
        assert said == [(constants.INFO, no_change_message())], (row.id, said)
    else:
        assert any(level == constants.ERROR for level, _text in said) or _forms_errors(again), (row.id, said)
    if records is not None:
        assert records.count() == after, f"{row.id}: the second POST added a history record"


def _forms_errors(response) -> dict:
    errors = {}
    for key, form in _forms_in(response).items():
        if isinstance(form, forms.BaseFormSet):
            found = [e for e in form.errors if e] + list(form.non_form_errors())
        else:
            found = form.errors
        if found:
            errors[key] = found
    return errors
