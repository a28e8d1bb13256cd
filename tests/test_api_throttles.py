"""API throttles: per address for anonymous clients, per token for scripts, per person for sessions."""

import uuid

import pytest
from django.core.cache import caches

from accounts import services

pytestmark = pytest.mark.django_db


@pytest.fixture
def rates(settings):
    def set_rates(**rates):
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {"anon": "1000/minute", "user": "1000/minute", "token": "1000/minute", **rates},
        }

    return set_rates


def _statuses(client, n: int, **headers) -> list[int]:
    return [client.get("/api/states/", **headers).status_code for _ in range(n)]


def test_anonymous_clients_get_429_past_their_rate(client, rates):
    rates(anon="2/minute")
    assert _statuses(client, 3) == [200, 200, 429]
    response = client.get("/api/states/")
    assert int(response["Retry-After"]) > 0 and "throttled" in response.json()["detail"]


def test_each_token_has_its_own_count(client, cast, rates):
    rates(token="2/minute")
    _t, first = services.api_token_create(user=cast.delegate_a, name="one", days=30)
    _t, second = services.api_token_create(user=cast.delegate_a, name="two", days=30)
    assert _statuses(client, 3, HTTP_AUTHORIZATION=f"Bearer {first}") == [200, 200, 429]
    assert _statuses(client, 1, HTTP_AUTHORIZATION=f"Bearer {second}") == [200]
    assert _statuses(client, 1) == [200]  # anonymous requests from the same address are counted apart


def test_signed_in_people_are_counted_per_account(client, cast, rates):
    rates(user="2/minute")
    client.force_login(cast.delegate_a)
    assert _statuses(client, 3) == [200, 200, 429]
    client.force_login(cast.delegate_b)
    assert _statuses(client, 1) == [200]


def test_behind_a_trusted_proxy_the_forwarded_address_is_counted(client, rates, settings):
    rates(anon="1/minute")
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    assert _statuses(client, 2, HTTP_X_FORWARDED_FOR="203.0.113.7") == [200, 429]
    assert _statuses(client, 1, HTTP_X_FORWARDED_FOR="203.0.113.8") == [200]
    # a client cannot escape by prepending addresses: only the one the proxy appended counts
    assert _statuses(client, 1, HTTP_X_FORWARDED_FOR="198.51.100.1, 203.0.113.7") == [429]


def test_without_proxies_a_forged_forwarded_header_is_ignored(client, rates):
    rates(anon="1/minute")
    assert _statuses(client, 1, HTTP_X_FORWARDED_FOR="203.0.113.7") == [200]
    assert _statuses(client, 1, HTTP_X_FORWARDED_FOR="203.0.113.8") == [429]


def test_the_production_setting_follows_trusted_proxy_count():
    from django.conf import settings

    assert settings.REST_FRAMEWORK["NUM_PROXIES"] == settings.TRUSTED_PROXY_COUNT


def test_an_unreachable_redis_lets_requests_through(client, rates, settings):
    rates(anon="1/minute")
    settings.CACHES = {
        **settings.CACHES,
        "api": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2, "socket_timeout": 0.2},
        },
    }
    assert _statuses(client, 2) == [200, 200]


@pytest.mark.redis
def test_counts_are_kept_in_redis(client, rates, settings, require_redis):
    rates(anon="2/minute")
    prefix = f"test-throttle-{uuid.uuid4().hex}"
    settings.CACHES = {
        **settings.CACHES,
        "api": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": require_redis,
            "KEY_PREFIX": prefix,
        },
    }
    assert _statuses(client, 3) == [200, 200, 429]
    assert caches["api"].get("throttle_anon_127.0.0.1") is not None
    caches["api"].delete("throttle_anon_127.0.0.1")


def test_refused_tokens_count_against_the_address_and_stop_being_audited(client, rates):
    from accounts.models import AuditEvent
    from accounts.tokens import new_secret

    rates(anon="2/minute")
    assert _statuses(client, 3, HTTP_AUTHORIZATION=f"Bearer {new_secret()}") == [401, 401, 429]
    assert AuditEvent.objects.filter(kind="token_refused").count() == 2
    assert _statuses(client, 1) == [429]  # the same address, now anonymous, has used its budget
