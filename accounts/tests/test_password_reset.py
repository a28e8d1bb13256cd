import re

import pytest
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

pytestmark = pytest.mark.django_db
URL = "/accounts/password_reset/"
UNKNOWN = "nobody@example.org"


def _post(email: str, *, client_address: str = "203.0.113.9"):
    return Client(REMOTE_ADDR=client_address).post(URL, {"email": email})


def test_the_answer_is_the_same_for_a_known_and_an_unknown_address(cast, django_capture_on_commit_callbacks):
    answers = {}
    for email in [cast.delegate_a.email, UNKNOWN]:
        with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks() as callbacks:
            response = _post(email)
        answers[email] = (response.status_code, response["Location"], len(queries), len(callbacks))
    assert answers[cast.delegate_a.email] == answers[UNKNOWN]
    assert answers[UNKNOWN][:2] == (302, reverse("password_reset_done"))
    assert answers[UNKNOWN][2] == 0  # no account is looked up while the visitor waits
    assert mail.outbox == []  # the e-mail is the background task's work


def test_the_task_mails_a_working_link_to_a_known_address_only(cast, settings, django_capture_on_commit_callbacks):
    settings.SITE_URL = "https://apmbc.example.org"
    with django_capture_on_commit_callbacks(execute=True):
        _post(UNKNOWN)
        _post(cast.delegate_a.email.upper())
    assert [m.to for m in mail.outbox] == [[cast.delegate_a.email]]
    link = re.search(r"https://apmbc\.example\.org(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    response = Client().get(link)
    assert response.status_code == 302 and response["Location"].endswith("/set-password/")


def test_password_resets_are_limited_per_address(cast, settings):
    settings.PASSWORD_RESET_RATE_PER_ADDRESS = "2/h"
    for email in [cast.delegate_a.email, UNKNOWN]:
        codes = [_post(email, client_address=f"198.51.100.{i}").status_code for i in range(3)]
        assert codes == [302, 302, 429]
    assert _post(cast.delegate_b.email).status_code == 302


def test_password_resets_are_limited_per_client_behind_the_proxy(cast, settings):
    settings.PASSWORD_RESET_RATE_PER_CLIENT = "2/h"
    settings.TRUSTED_PROXY_COUNT = 1

    def post(email: str, client: str):
        return Client(REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR=client).post(URL, {"email": email})

    codes = [post(f"user{i}@example.org", "203.0.113.9").status_code for i in range(3)]
    assert codes == [302, 302, 429]
    refused = post("user9@example.org", "203.0.113.9")
    assert refused["Retry-After"] == "3600" and b"Too many requests" in refused.content
    assert post(cast.delegate_a.email, "198.51.100.7").status_code == 302
