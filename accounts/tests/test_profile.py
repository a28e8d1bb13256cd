"""The profile form says "No change" when nothing changed (and saves what did)."""

from accounts.models import User
from core.messages import no_change_message


def test_profile_saves_and_then_says_no_change(client, cast):
    client.force_login(cast.delegate_a)
    data = {"first_name": "Amina", "last_name": "Diallo", "title": "", "phone": "", "preferred_language": "en"}
    page = client.post("/people/profile/", data, follow=True).content.decode()
    assert "Your profile was saved." in page
    assert User.objects.get(pk=cast.delegate_a.pk).first_name == "Amina"
    page = client.post("/people/profile/", data, follow=True).content.decode()
    assert no_change_message() in page and "Your profile was saved." not in page
