"""Every URL × every role (see tests/matrix.py)."""

from importlib import import_module

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import ROLES, client_for
from core.modules import app_modules
from tests.matrix import LOGIN, Row

# URLs outside the matrix on purpose: Django's admin has its own staff check (tested separately),
# and the language switch / JavaScript catalogue are public utilities with no data.
EXCLUDED_NAMESPACES = {"admin"}
EXCLUDED_NAMES = {"set_language", "javascript-catalog"}


def _url_names(patterns, prefix: str = "") -> set[str]:
    names = set()
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = f"{prefix}{p.namespace}:" if p.namespace else prefix
            if p.namespace in EXCLUDED_NAMESPACES:
                continue
            names |= _url_names(p.url_patterns, ns)
        elif isinstance(p, URLPattern) and p.name:
            names.add(prefix + p.name)
    return names - EXCLUDED_NAMES


def _all_rows() -> list[Row]:
    rows = list(import_module("tests.config_matrix").ROWS)
    for module in app_modules("tests.matrix"):
        rows.extend(module.ROWS)
    return rows


ALL_ROWS = _all_rows()


def test_every_url_has_a_row():
    covered = {row.name for row in ALL_ROWS}
    missing = sorted(_url_names(get_resolver().url_patterns) - covered)
    assert not missing, f"URLs without a row in the permission matrix: {missing}"


@pytest.mark.parametrize("row", ALL_ROWS, ids=lambda r: f"{r.name}{r.query}")
def test_every_row_says_what_every_role_gets(row: Row):
    missing = [role for role in ROLES if role not in row.expect]
    assert not missing, f"{row.name}{row.query}: no expectation for {missing}"


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("row", ALL_ROWS, ids=lambda r: f"{r.name}{r.query}")
def test_permission_matrix(cast, row: Row, role: str):
    kwargs = row.kwargs(cast) if row.kwargs else {}
    url = reverse(row.name, kwargs=kwargs) + row.query
    client = client_for(cast, role)
    response = getattr(client, row.method)(url, row.data)
    expected = row.expect[role]
    if expected == LOGIN:
        assert response.status_code in (302, 401, 403), (url, role, response.status_code)
        if response.status_code == 302:
            assert reverse("login") in response["Location"], (url, role, response["Location"])
    else:
        assert response.status_code == expected, (url, role, response.status_code)
