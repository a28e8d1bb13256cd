import pytest
from django.test import Client

from core.ratelimit import hit, parse_rate


@pytest.mark.django_db
def test_a_request_body_over_the_limit_is_refused_before_it_is_read(settings):
    settings.REQUEST_MAX_BYTES = 1000
    client = Client()
    response = client.generic("POST", "/accounts/login/", b"x" * 1001, content_type="application/octet-stream")
    assert response.status_code == 413
    assert b"too large" in response.content
    assert client.post("/accounts/login/", {"username": "a", "password": "b"}).status_code == 200


def test_rates_are_parsed():
    assert parse_rate("5/m") == (5, 60)
    assert parse_rate("10/15m") == (10, 900)
    assert parse_rate("3/h") == (3, 3600)


def test_the_rate_limit_counts_per_key():
    assert [hit("t", "a", "2/m") for _ in range(3)] == [True, True, False]
    assert hit("t", "b", "2/m") is True
    assert hit("other", "a", "2/m") is True
