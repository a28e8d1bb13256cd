"""Property-based tests: random and hostile values posted to every form and sent to every API
endpoint never cause a server error (hypothesis)."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import client_for
from tests.test_permission_matrix import ALL_ROWS

HOSTILE = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "-1",
            "0",
            "1e309",
            "NaN",
            "99999999999999999999999",
            "2023-02-30",
            "31/12/2023",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "\x00",
            "é" * 300,
            "../../etc/passwd",
            "1.5",
            "abc",
            "EUR",
            "XXX",
        ]
    ),
    st.integers(min_value=-(2**63), max_value=2**63).map(str),
)


class FormFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self._current = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "get").lower() == "post":
            self._current = {
                "action": attrs.get("action") or "",
                "fields": set(),
                "multipart": "multipart" in (attrs.get("enctype") or ""),
            }
            self.forms.append(self._current)
        elif tag in ("input", "select", "textarea") and self._current is not None:
            name = attrs.get("name")
            if name and name != "csrfmiddlewaretoken" and attrs.get("type") != "file":
                self._current["fields"].add(name)

    def handle_endtag(self, tag):
        if tag == "form":
            self._current = None


def _page_rows():
    seen = set()
    for row in ALL_ROWS:
        if row.method != "get" or row.name in seen or row.name.startswith(("api-", "logout")):
            continue
        role = next((r for r in ("isu", "delegate_a", "chair") if row.expect.get(r) == 200), None)
        if role is None:
            continue
        seen.add(row.name)
        yield pytest.param(row, role, id=row.name)


def _api_rows():
    for row in ALL_ROWS:
        if row.method == "get" and "-" in row.name and ":" not in row.name and not row.kwargs:
            yield pytest.param(row, id=row.name)


@pytest.mark.django_db
@pytest.mark.parametrize(("row", "role"), list(_page_rows()))
def test_hostile_form_input_never_causes_a_server_error(cast, row, role):
    client = client_for(cast, role)
    url = reverse(row.name, kwargs=row.kwargs(cast) if row.kwargs else {})

    @settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(values=st.lists(HOSTILE, min_size=24, max_size=24))
    def post_hostile_values(values):
        page = client.get(url)
        if page.status_code != 200 or "text/html" not in page.get("Content-Type", ""):
            return
        finder = FormFinder()
        finder.feed(page.content.decode("utf-8", "replace"))
        for form in finder.forms:
            if "/logout" in form["action"] or "/i18n/" in form["action"]:
                continue
            payload = {name: values[i % len(values)] for i, name in enumerate(sorted(form["fields"]))}
            response = client.post(form["action"] or url, payload)
            assert response.status_code < 500, (url, form["action"], payload, response.status_code)

    post_hostile_values()


@pytest.mark.django_db
@pytest.mark.parametrize("row", list(_api_rows()))
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    params=st.dictionaries(
        st.sampled_from(
            [
                "year",
                "kind",
                "state",
                "committee",
                "status",
                "page",
                "limit",
                "offset",
                "start",
                "end",
                "region",
                "format",
            ]
        ),
        HOSTILE,
        max_size=4,
    )
)
def test_hostile_api_parameters_never_cause_a_server_error(cast, row, params):
    client = client_for(cast, "isu")
    response = client.get(reverse(row.name), params)
    assert response.status_code < 500, (row.name, params, response.status_code)
