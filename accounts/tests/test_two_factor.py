import re
import time

import pytest
import time_machine
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.tests.factories import PASSWORD

pytestmark = pytest.mark.django_db


def _code(device) -> str:
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def test_isu_turns_on_totp_and_must_enter_a_code_after_the_password(client, cast):
    client.force_login(cast.isu)
    page = client.get("/accounts/two-factor/")
    assert b"<svg" in page.content
    device = TOTPDevice.objects.get(user=cast.isu)
    assert client.post("/accounts/two-factor/", {"token": _code(device)}).status_code == 302
    assert TOTPDevice.objects.get(user=cast.isu).confirmed

    client.logout()
    client.post("/accounts/login/", {"username": cast.isu.username, "password": PASSWORD})
    blocked = client.get("/people/delegates/")
    assert blocked.status_code == 302 and blocked["Location"].startswith("/accounts/two-factor/verify/")
    device.refresh_from_db()
    with time_machine.travel(time.time() + 35, tick=False):  # a fresh code: a used one can't be replayed
        response = client.post(blocked["Location"], {"token": _code(device)})
    assert response.status_code == 302 and re.search(r"/people/delegates/$", response["Location"])
    with time_machine.travel(time.time() + 40, tick=False):
        assert client.get("/people/delegates/").status_code == 200


def test_delegates_are_not_offered_two_factor(client, cast):
    client.force_login(cast.delegate_a)
    assert client.get("/accounts/two-factor/").status_code == 403


def test_a_wrong_code_is_refused_next_to_the_field(client, cast):
    client.force_login(cast.chair)
    client.get("/accounts/two-factor/")
    device = TOTPDevice.objects.get(user=cast.chair)
    wrong = "000000" if _code(device) != "000000" else "111111"
    response = client.post("/accounts/two-factor/", {"token": wrong})
    assert "not valid" in str(response.context["form"].errors["token"])
    assert response.context["form"]["token"].value() == wrong
    assert not TOTPDevice.objects.get(user=cast.chair).confirmed
