"""API authentication: browser session or personal read-only token; never HTTP Basic."""

import base64
import datetime
import re
import time

import pytest
import time_machine
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import services, tokens
from accounts.models import ApiToken, AuditEvent
from accounts.tests.factories import PASSWORD
from reporting.models import Report
from reporting.tests.factories import CycleFactory

pytestmark = pytest.mark.django_db


def bearer(secret: str, keyword: str = "Bearer") -> dict:
    return {"HTTP_AUTHORIZATION": f"{keyword} {secret}"}


@pytest.fixture
def draft_of_a(cast):
    """State A's unsubmitted report: only the committee, the ISU and State A may see it."""
    return Report.objects.create(state=cast.state_a, cycle=CycleFactory(year=2022))


def _states_listed(response) -> list[str]:
    assert response.status_code == 200, response.content
    data = response.json()
    return [r["state"] for r in (data["results"] if isinstance(data, dict) else data)]


def test_http_basic_with_a_right_password_is_not_authenticated(client, cast, draft_of_a):
    basic = base64.b64encode(f"{cast.isu.username}:{PASSWORD}".encode()).decode()
    headers = {"HTTP_AUTHORIZATION": f"Basic {basic}"}
    assert _states_listed(client.get("/api/reports/", **headers)) == []  # the draft stays hidden
    assert client.get("/api/fund/summary/", **headers).status_code == 401
    assert not AuditEvent.objects.filter(kind="login").exists()


def test_a_token_reads_with_its_owners_rights(client, cast, draft_of_a):
    _token, secret = services.api_token_create(user=cast.isu, name="export", days=30)
    assert _states_listed(client.get("/api/reports/", **bearer(secret))) == ["AAA"]
    assert client.get("/api/fund/summary/", **bearer(secret, "Token")).status_code == 200
    _token_b, secret_b = services.api_token_create(user=cast.delegate_b, name="mine", days=30)
    assert _states_listed(client.get("/api/reports/", **bearer(secret_b))) == []
    assert client.get("/api/fund/summary/", **bearer(secret_b)).status_code == 403


def test_a_token_is_stored_only_as_a_digest(cast):
    token, secret = services.api_token_create(user=cast.delegate_a, name="script", days=30)
    stored = ApiToken.objects.filter(pk=token.pk).values().get()
    assert secret not in str(stored)
    assert stored["digest"] == tokens.digest(secret) and secret.startswith(stored["prefix"])


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_a_token_cannot_write(client, cast, method):
    _token, secret = services.api_token_create(user=cast.isu, name="export", days=30)
    response = getattr(client, method)("/api/reports/", **bearer(secret))
    assert response.status_code == 403
    assert "read-only" in response.json()["detail"]


def test_head_and_options_are_allowed_with_a_token(client, cast):
    _token, secret = services.api_token_create(user=cast.isu, name="export", days=30)
    assert client.head("/api/fund/summary/", **bearer(secret)).status_code == 200
    assert client.options("/api/fund/summary/", **bearer(secret)).status_code == 200


def test_a_session_must_pass_the_csrf_check_to_post(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.isu)
    response = client.post("/api/reports/")
    assert response.status_code == 403 and "CSRF" in response.json()["detail"]


def test_expired_revoked_unknown_and_deactivated_tokens_answer_401_and_are_audited(client, cast):
    expired, expired_secret = services.api_token_create(user=cast.isu, name="old", days=1)
    revoked, revoked_secret = services.api_token_create(user=cast.isu, name="revoked", days=30)
    services.api_token_revoke(token=revoked, by=cast.isu)
    _token, owner_gone = services.api_token_create(user=cast.delegate_a, name="left", days=30)
    services.user_deactivate(user=cast.delegate_a, by=cast.isu)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=2)):
        for secret in (expired_secret, revoked_secret, owner_gone, tokens.new_secret(), "not-a-token"):
            response = client.get("/api/reports/", **bearer(secret))
            assert response.status_code == 401, secret
            assert response["WWW-Authenticate"].startswith("Bearer")
    refused = AuditEvent.objects.filter(kind="token_refused")
    assert refused.count() == 5
    assert refused.filter(user=cast.isu, detail__contains=expired.prefix).exists()


def test_deactivating_a_user_revokes_their_tokens(cast):
    token, _secret = services.api_token_create(user=cast.delegate_a, name="script", days=30)
    services.user_deactivate(user=cast.delegate_a, by=cast.isu)
    token.refresh_from_db()
    assert token.revoked_at is not None and token.revoked_by == cast.isu
    assert AuditEvent.objects.filter(kind="token_revoked", user=cast.isu, detail__contains=token.prefix).exists()


def test_use_is_recorded_without_a_write_per_request(client, cast):
    token, secret = services.api_token_create(user=cast.delegate_a, name="script", days=30)
    assert token.last_used_at is None
    client.get("/api/states/", **bearer(secret))
    client.get("/api/states/", **bearer(secret))
    token.refresh_from_db()
    assert token.last_used_at is not None and token.last_used_ip == "127.0.0.1"
    assert AuditEvent.objects.filter(kind="token_used", user=cast.delegate_a).count() == 1
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        client.get("/api/states/", **bearer(secret))
    assert AuditEvent.objects.filter(kind="token_used").count() == 2


def test_owner_creates_a_token_on_the_profile_page_and_sees_it_once(client, cast):
    client.force_login(cast.delegate_a)
    form = client.get("/people/profile/api-tokens/new/")
    assert "code" not in form.context["form"].fields  # delegates have no second factor
    posted = client.post("/people/profile/api-tokens/new/", {"name": "  Nightly export ", "days": "90"})
    token = ApiToken.objects.get(user=cast.delegate_a)
    assert posted.status_code == 302 and posted["Location"] == f"/people/profile/api-tokens/{token.pk}/"
    response = client.get(posted["Location"])
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    secret = re.search(r'id="api-token-secret">([^<]+)<', response.content.decode()).group(1)
    again = client.get(posted["Location"])  # shown once: reloading the page no longer shows it
    assert again.status_code == 200 and secret not in again.content.decode()
    assert ApiToken.objects.filter(user=cast.delegate_a).count() == 1
    assert client.get(posted["Location"].replace(str(token.pk), str(token.pk + 999))).status_code == 404
    assert token.name == "Nightly export"
    assert (token.expires_at - timezone.now()).days == 89
    assert tokens.digest(secret) == token.digest
    profile = client.get("/people/profile/").content.decode()
    assert token.prefix in profile and secret not in profile
    assert AuditEvent.objects.filter(kind="token_created", user=cast.delegate_a, detail__contains="Nightly").exists()
    assert Client().get("/api/states/", **bearer(secret)).status_code == 200


def test_a_lifetime_over_the_maximum_is_refused_and_the_name_kept(client, cast, settings):
    client.force_login(cast.delegate_a)
    response = client.post("/people/profile/api-tokens/new/", {"name": "Long", "days": "400"})
    assert response.status_code == 200 and "days" in response.context["form"].errors
    assert response.context["form"]["name"].value() == "Long"
    assert not ApiToken.objects.exists()
    with pytest.raises(Exception, match="at most"):
        services.api_token_create(user=cast.delegate_a, name="x", days=settings.API_TOKEN_MAX_DAYS + 1)


def test_there_is_a_cap_on_active_tokens(client, cast, settings):
    settings.API_TOKEN_MAX_PER_USER = 1
    client.force_login(cast.delegate_a)
    client.post("/people/profile/api-tokens/new/", {"name": "one", "days": "30"})
    response = client.post("/people/profile/api-tokens/new/", {"name": "two", "days": "30"})
    assert "revoke one" in str(response.context["form"].non_field_errors())
    assert ApiToken.objects.count() == 1


def _code(device) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_a_two_factor_user_must_enter_a_fresh_code_to_create_a_token(client, cast, settings):
    settings.API_TOKEN_OTP_FRESH_MINUTES = 10
    device = TOTPDevice.objects.create(user=cast.isu, name="phone", confirmed=True)
    client.post("/accounts/login/", {"username": cast.isu.username, "password": PASSWORD})
    client.post("/accounts/two-factor/verify/", {"token": _code(device)})
    # just verified: no code asked
    assert "code" not in client.get("/people/profile/api-tokens/new/").context["form"].fields
    with time_machine.travel(time.time() + 11 * 60, tick=False):
        page = client.get("/people/profile/api-tokens/new/")
        assert "code" in page.context["form"].fields
        wrong = "000000" if _code(device) != "000000" else "111111"
        response = client.post("/people/profile/api-tokens/new/", {"name": "Export", "days": "30", "code": wrong})
        assert "not valid" in str(response.context["form"].errors["code"])
        assert response.context["form"]["name"].value() == "Export"
        assert not ApiToken.objects.exists()
    with time_machine.travel(time.time() + 11 * 60 + 35, tick=False):  # past django-otp's throttle after a miss
        device.refresh_from_db()
        response = client.post(
            "/people/profile/api-tokens/new/", {"name": "Export", "days": "30", "code": _code(device)}
        )
        assert response.status_code == 302 and ApiToken.objects.filter(user=cast.isu, name="Export").exists()


def test_owner_revokes_their_token_and_another_delegate_gets_404(client, cast):
    token, secret = services.api_token_create(user=cast.delegate_a, name="script", days=30)
    client.force_login(cast.delegate_b)
    assert client.post(f"/people/profile/api-tokens/{token.pk}/revoke/").status_code == 404
    client.force_login(cast.delegate_a)
    response = client.post(f"/people/profile/api-tokens/{token.pk}/revoke/", follow=True)
    assert "is revoked" in response.content.decode()
    assert Client().get("/api/states/", **bearer(secret)).status_code == 401
    again = client.post(f"/people/profile/api-tokens/{token.pk}/revoke/", follow=True)
    assert "No change" in again.content.decode()
    assert AuditEvent.objects.filter(kind="token_revoked").count() == 1


def test_isu_lists_everyones_tokens_and_revokes_one(client, cast):
    token, secret = services.api_token_create(user=cast.delegate_a, name="State A script", days=30)
    services.api_token_create(user=cast.chair, name="Chair notebook", days=30)
    client.force_login(cast.isu)
    assert 'href="/people/api-tokens/"' in client.get("/people/profile/").content.decode()  # ISU menu
    page = client.get("/people/api-tokens/").content.decode()
    assert "State A script" in page and "Chair notebook" in page and secret not in page
    assert "is revoked" in client.post(f"/people/api-tokens/{token.pk}/revoke/", follow=True).content.decode()
    token.refresh_from_db()
    assert token.revoked_by == cast.isu
    assert "State A script" not in client.get("/people/api-tokens/").content.decode()
    assert "State A script" in client.get("/people/api-tokens/?status=all").content.decode()
    event = AuditEvent.objects.get(kind="token_revoked")
    assert event.user == cast.isu and cast.delegate_a.username in event.detail


def test_a_session_without_its_second_factor_is_anonymous_for_the_api(client, cast, draft_of_a):
    device = TOTPDevice.objects.create(user=cast.isu, name="phone", confirmed=True)
    client.post("/accounts/login/", {"username": cast.isu.username, "password": PASSWORD})
    assert client.get("/api/fund/summary/").status_code == 401
    assert _states_listed(client.get("/api/reports/")) == []
    client.post("/accounts/two-factor/verify/", {"token": _code(device)})
    assert client.get("/api/fund/summary/").status_code == 200
    assert _states_listed(client.get("/api/reports/")) == ["AAA"]
