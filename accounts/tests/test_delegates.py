import re

import pytest
from django.core import mail

from accounts.models import Role, User

pytestmark = pytest.mark.django_db


def _invite(client, cast, email="new.delegate@example.org", role="delegate"):
    client.force_login(cast.isu)
    return client.post(
        "/people/delegates/invite/",
        {
            "email": email,
            "first_name": "Ada",
            "last_name": "New",
            "state": cast.state_a.pk,
            "role": role,
            "preferred_language": "fr",
        },
    )


def test_isu_invites_a_delegate_who_sets_a_password_once(client, cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client, cast)
    assert response.status_code == 302
    user = User.objects.get(email="new.delegate@example.org")
    assert (user.role, user.state, user.has_usable_password()) == (Role.DELEGATE, cast.state_a, False)
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["new.delegate@example.org"]
    link = re.search(r"http://\S+/people/invitation/\S+/", mail.outbox[0].body).group(0)
    path = link.split("8000", 1)[1]

    client.logout()
    form_page = client.get(path, follow=True)
    assert form_page.context["validlink"]
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(set_url, {"new_password1": "a-strong-passphrase-9", "new_password2": "a-strong-passphrase-9"})
    assert done.status_code == 302
    assert client.login(username="new.delegate@example.org", password="a-strong-passphrase-9")
    client.logout()
    # the link works once
    assert not client.get(path, follow=True).context["validlink"]


def test_invitation_link_expires(client, cast, settings, django_capture_on_commit_callbacks):
    import time_machine

    with django_capture_on_commit_callbacks(execute=True):
        _invite(client, cast)
    path = re.search(r"/people/invitation/\S+/", mail.outbox[0].body).group(0)
    client.logout()
    with time_machine.travel(settings.PASSWORD_RESET_TIMEOUT + 3600 + __import__("time").time()):
        assert not client.get(path, follow=True).context["validlink"]


def test_inviting_an_active_delegate_again_shows_error_next_to_field(client, cast):
    response = _invite(client, cast, email=cast.delegate_a.email)
    assert response.status_code == 200
    assert "already" in str(response.context["form"].errors["email"])
    assert response.context["form"]["first_name"].value() == "Ada"


def test_deactivating_a_delegate_ends_their_session_at_once(client, cast):
    from django.test import Client

    delegate_client = Client()
    delegate_client.force_login(cast.delegate_a)
    assert delegate_client.get("/people/profile/").status_code == 200

    client.force_login(cast.isu)
    assert client.post(f"/people/{cast.delegate_a.pk}/deactivate/").status_code == 302
    response = delegate_client.get("/people/profile/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_delegate_list_shows_states_without_contact(client, cast):
    client.force_login(cast.isu)
    response = client.get("/people/delegates/")
    by_state = {s.iso3: s.active_delegates for s in response.context["states"]}
    assert by_state["AAA"] == [cast.delegate_a]
    assert by_state["CCC"] == []
    readers = {s.iso3: s.active_readers for s in response.context["states"]}
    assert readers["AAA"] == [cast.reader_a] and readers["BBB"] == []


def test_profile_language_is_used_for_pages(client, cast):
    cast.delegate_a.preferred_language = "fr"
    cast.delegate_a.save()
    client.force_login(cast.delegate_a)
    response = client.get("/people/profile/")
    assert response["Content-Language"] == "fr"


def test_isu_invites_a_read_only_user_of_a_state(client, cast, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = _invite(client, cast, email="colleague@mission.example.org", role="reader")
    assert response.status_code == 302
    user = User.objects.get(email="colleague@mission.example.org")
    assert (user.role, user.state, user.is_reader, user.is_delegate) == (Role.READER, cast.state_a, True, False)
    assert "lecture seule" in mail.outbox[0].body or "read-only" in mail.outbox[0].body
    listed = client.get("/people/delegates/").content.decode()
    assert "colleague@mission.example.org" in listed and "read-only" in listed


def test_a_delegate_is_not_invited_again_as_a_read_only_user(client, cast):
    response = _invite(client, cast, email=cast.delegate_a.email, role="reader")
    assert response.status_code == 200
    assert "belongs to another account" in str(response.context["form"].errors["email"])
    cast.delegate_a.refresh_from_db()
    assert cast.delegate_a.role == Role.DELEGATE
