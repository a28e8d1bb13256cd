import time

import pytest
import time_machine

from accounts.models import AuditEvent
from accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def test_logins_and_failed_logins_are_audited(client, cast):
    client.post("/accounts/login/", {"username": cast.delegate_a.username, "password": "wrong"})
    client.post("/accounts/login/", {"username": cast.delegate_a.username, "password": PASSWORD})
    kinds = list(AuditEvent.objects.order_by("at", "pk").values_list("kind", "username"))
    assert kinds == [("login_failed", cast.delegate_a.username), ("login", cast.delegate_a.username)]
    assert AuditEvent.objects.first().at.utcoffset().total_seconds() == 0


def test_refused_object_access_is_audited(client, cast):
    client.force_login(cast.delegate_a)
    assert client.get("/people/delegates/").status_code == 403
    event = AuditEvent.objects.get(kind="access_refused")
    assert (event.user, event.path, event.status_code) == (cast.delegate_a, "/people/delegates/", 403)


def test_repeated_failed_logins_lock_the_account_out(client, cast, settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3
    for _ in range(3):
        client.post("/accounts/login/", {"username": cast.delegate_a.username, "password": "wrong"})
    response = client.post("/accounts/login/", {"username": cast.delegate_a.username, "password": PASSWORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_session_ends_after_absolute_lifetime_even_when_active(client, cast, settings):
    settings.SESSION_ABSOLUTE_LIFETIME = 3600
    client.force_login(cast.delegate_a)
    assert client.get("/people/profile/").status_code == 200
    with time_machine.travel(time.time() + 1800, tick=False):
        assert client.get("/people/profile/").status_code == 200
    with time_machine.travel(time.time() + 3700, tick=False):
        response = client.get("/people/profile/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert AuditEvent.objects.filter(kind="session_expired").count() == 1


def test_pages_carry_a_content_security_policy_without_inline_scripts(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert b"<script>" not in response.content


def test_healthz_reports_database_and_broker(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "eager"}
