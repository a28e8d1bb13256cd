import pytest
from django.test import Client, RequestFactory

from accounts.tests.factories import PASSWORD
from core.net import client_ip

PROXY = "10.0.0.1"
ATTACKER = "203.0.113.9"
COLLEAGUE = "198.51.100.7"


def _request(remote: str, forwarded: str | None = None):
    extra = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded
    return RequestFactory().get("/", **extra)


def test_without_proxy_the_connecting_address_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(_request(ATTACKER, "1.2.3.4")) == ATTACKER


def test_behind_one_proxy_the_address_it_appended_is_the_client(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request(PROXY, COLLEAGUE)) == COLLEAGUE


def test_a_forged_forwarded_for_entry_is_not_trusted(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    # the client sent "X-Forwarded-For: 1.2.3.4"; the proxy appended the real address
    assert client_ip(_request(PROXY, f"1.2.3.4, {ATTACKER}")) == ATTACKER


def test_behind_two_proxies(settings):
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(_request(PROXY, f"1.2.3.4, {COLLEAGUE}, 10.0.0.2")) == COLLEAGUE


def test_fewer_entries_than_trusted_proxies_are_not_trusted(settings):
    """A request that did not come through every proxy: its leftmost entry is the client's own word."""
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_ip(_request(PROXY, "1.2.3.4")) == PROXY


def test_garbage_falls_back_to_the_connecting_address(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    assert client_ip(_request(PROXY, "not-an-address")) == PROXY
    assert client_ip(_request(PROXY)) == PROXY


def _login(address: str, username: str, password: str):
    client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=address)
    response = client.post("/accounts/login/", {"username": username, "password": password})
    return response, client


@pytest.mark.django_db
@pytest.mark.parametrize(("proxies", "colleague_locked_out"), [(1, False), (0, True)])
def test_an_attackers_lockout_does_not_lock_out_a_colleague_behind_the_same_proxy(
    cast, settings, proxies, colleague_locked_out
):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    settings.TRUSTED_PROXY_COUNT = proxies
    for _ in range(3):
        _login(ATTACKER, "nobody@example.org", "guess")
    response, _ = _login(ATTACKER, cast.delegate_b.username, PASSWORD)
    assert response.status_code == 429  # the attacker's own address is locked

    response, client = _login(COLLEAGUE, cast.delegate_a.username, PASSWORD)
    if colleague_locked_out:  # without the proxy setting everybody shares the proxy's address
        assert response.status_code == 429
    else:
        assert response.status_code == 302
        assert client.session["_auth_user_id"] == str(cast.delegate_a.pk)
