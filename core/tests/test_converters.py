"""Every URL that takes a year accepts 1999..2100 only; any other year answers 404 before a view runs."""

import re

import pytest
from django.urls import Resolver404, URLPattern, URLResolver, get_resolver, resolve

from conftest import client_for
from core.converters import YearConverter, year_from_query

SAMPLE = {"str": "AAA", "slug": "x", "int": "1", "path": "x", "uuid": "00000000-0000-0000-0000-000000000000"}
PARAM = re.compile(r"<(?:(?P<conv>[^>:]+):)?(?P<name>[^>]+)>")


def _patterns(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                continue
            ns = f"{p.namespace}:" if p.namespace else ""
            for route, name, pattern in _patterns(p.url_patterns, prefix + str(p.pattern)):
                yield route, ns + name if name else name, pattern
        elif isinstance(p, URLPattern):
            yield prefix + str(p.pattern), p.name, p.pattern


def _year_routes() -> list[tuple[str, str]]:
    routes = []
    for route, name, pattern in _patterns(get_resolver().url_patterns):
        converters = getattr(pattern, "converters", {})
        if any(isinstance(c, YearConverter) for c in converters.values()):
            routes.append((route, name))
    return routes


def _url(route: str, year) -> str:
    def sub(m):
        if m["conv"] == "year":
            return str(year)
        return SAMPLE[m["conv"] or "str"]

    return "/" + PARAM.sub(sub, route)


YEAR_ROUTES = _year_routes()


def test_year_urls_are_found_in_the_urlconf():
    names = {name for _route, name in YEAR_ROUTES}
    assert {"reporting:start", "reporting:cycle_settings", "reporting:pdf", "workplan:list"} <= names


def test_every_year_like_url_parameter_uses_the_year_converter():
    offenders = [
        (route, param)
        for route, _name, pattern in _patterns(get_resolver().url_patterns)
        for param, converter in getattr(pattern, "converters", {}).items()
        if "year" in param.lower() and not isinstance(converter, YearConverter)
    ]
    assert offenders == []


@pytest.mark.parametrize(("route", "name"), YEAR_ROUTES, ids=[n for _r, n in YEAR_ROUTES])
def test_a_year_in_range_resolves(route, name):
    match = resolve(_url(route, 2023))
    assert match.view_name == name
    assert match.kwargs["year"] == 2023


@pytest.mark.django_db
@pytest.mark.parametrize("year", [1998, 2101, 99999, 0])
@pytest.mark.parametrize(("route", "name"), YEAR_ROUTES, ids=[n for _r, n in YEAR_ROUTES])
def test_a_year_out_of_range_answers_404(cast, route, name, year):
    url = _url(route, year)
    with pytest.raises(Resolver404):
        resolve(url)
    client = client_for(cast, "isu")
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2023", 2023),
        (" 1999 ", 1999),
        ("2100", 2100),
        ("1998", None),
        ("2101", None),
        ("99999999999999999999", None),
        ("abc", None),
        ("", None),
        (None, None),
    ],
)
def test_year_from_query_keeps_only_years_in_range(value, expected):
    assert year_from_query(value) == expected


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("reporting:overview", {"iso3": "AAA", "year": 2022}),
        ("reporting:pdf", {"year": 1999, "iso3": "BBB", "number": 3}),
        ("workplan:list", {"slug": "cooperation-assistance", "year": 2100}),
    ],
)
def test_dashboard_fast_reverse_fills_a_year_like_reverse(name, kwargs):
    from django.urls import reverse

    from dashboard.tables import fast_reverse

    assert fast_reverse(name, **kwargs) == reverse(name, kwargs=kwargs)
