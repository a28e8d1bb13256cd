"""The cast every test reuses: a delegate of State A, a delegate of State B, a read-only user of State A,
a committee member, the chair, ISU staff and an anonymous visitor; plus the service checks CI relies on."""

import os
from dataclasses import dataclass

import pytest
from django.conf import settings

from accounts.models import Role
from accounts.tests.factories import UserFactory
from states.tests.factories import StateFactory

# Fixtures for tests on real services: `real_worker`, `private_redis`, `broker_on`, `private_postgres`.
pytest_plugins = ["tests.celery_worker", "tests.private_services"]

ROLES = ["anon", "delegate_a", "delegate_b", "reader_a", "member", "chair", "isu"]

# The files of the demo loaded by `demo_data` (a module's tests read them); None outside such a module.
_DEMO_MEDIA: list = [None]


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    from ops.tasks import breaker

    breaker.reset()  # a broker failure in one test must not skip publishing in the next
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.MEDIA_ROOT = _DEMO_MEDIA[0] or tmp_path / "media"
    settings.AXES_ENABLED = False
    # a fresh rate-limit counter for each test (never Redis: clearing it would empty the broker)
    settings.CACHES = {
        **settings.CACHES,
        "ratelimit": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": f"rl-{tmp_path}"},
    }
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # API throttles count in a private memory cache emptied for each test, at rates no test reaches
    # unless it lowers them (accounts/tests/test_api_auth.py does).
    settings.CACHES = {
        **settings.CACHES,
        "api": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "api-tests"},
    }
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "100000/minute", "user": "100000/minute", "token": "100000/minute"},
    }
    from django.core.cache import caches

    caches["api"].clear()


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker, tmp_path_factory):
    """`load_demo` once for a test module, inside a transaction rolled back when the module is done:
    each test still starts from the same demo (its own changes roll back with its `db` savepoint).
    Loading the whole demo takes half a minute; a module of demo tests pays it once, not per test."""
    import io

    from django.core.management import call_command
    from django.db import transaction
    from django.test import override_settings

    media = tmp_path_factory.mktemp("demo-media")
    overrides = override_settings(
        MEDIA_ROOT=media,
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
        CELERY_TASK_ALWAYS_EAGER=True,
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    )
    with django_db_blocker.unblock(), overrides:
        atomic = transaction.atomic()
        atomic.__enter__()
        _DEMO_MEDIA[0] = media
        try:
            call_command("load_demo", stdout=io.StringIO())
            yield
        finally:
            _DEMO_MEDIA[0] = None
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


@dataclass
class Cast:
    state_a: object
    state_b: object
    delegate_a: object
    delegate_b: object
    reader_a: object  # a read-only user of State A (e.g. a colleague at the mission)
    member: object
    chair: object
    isu: object

    def user(self, role: str):
        return None if role == "anon" else getattr(self, role)


@pytest.fixture
def cast(db) -> Cast:
    state_a = StateFactory(iso3="AAA", iso2="AA", name_en="Aland A", is_affected=True)
    state_b = StateFactory(iso3="BBB", iso2="BB", name_en="Borduria B", is_provider=True)
    chair_state = StateFactory(iso3="CCC", iso2="CC", name_en="Chairland", is_provider=True)
    return Cast(
        state_a=state_a,
        state_b=state_b,
        delegate_a=UserFactory(role=Role.DELEGATE, state=state_a, username="delegate.a@example.org"),
        delegate_b=UserFactory(role=Role.DELEGATE, state=state_b, username="delegate.b@example.org"),
        reader_a=UserFactory(role=Role.READER, state=state_a, username="reader.a@example.org"),
        member=UserFactory(role=Role.MEMBER, state=state_b, username="member@example.org"),
        chair=UserFactory(role=Role.CHAIR, state=chair_state, username="chair@example.org"),
        isu=UserFactory(role=Role.ISU, username="isu@example.org", is_staff=True),
    )


def client_for(cast: Cast, role: str):
    from django.test import Client

    client = Client()
    user = cast.user(role)
    if user is not None:
        client.force_login(user)
    return client


def _on_postgres() -> bool:
    return settings.DATABASES["default"]["ENGINE"].endswith("postgresql")


def _in_ci() -> bool:
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture
def require_postgres():
    """Tests that prove concurrency need PostgreSQL; in CI their absence fails the run."""
    if not _on_postgres():
        if _in_ci():
            pytest.fail("CI must run this test on PostgreSQL: set DATABASE_URL=postgres://...")
        pytest.skip("needs PostgreSQL (DATABASE_URL)")


@pytest.fixture
def require_redis():
    url = os.environ.get("REDIS_URL", "")
    ok = False
    if url:
        try:
            import redis

            redis.Redis.from_url(url, socket_connect_timeout=1).ping()
            ok = True
        except Exception:  # noqa: BLE001
            ok = False
    if not ok:
        if _in_ci():
            pytest.fail("CI must run this test against Redis: set REDIS_URL and start Redis")
        pytest.skip("needs Redis (REDIS_URL)")
    return url


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "postgres" in item.keywords and "require_postgres" not in item.fixturenames:
            item.fixturenames.append("require_postgres")
        if "redis" in item.keywords and "require_redis" not in item.fixturenames:
            item.fixturenames.append("require_redis")
