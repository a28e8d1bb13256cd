import datetime

import pytest
from django.urls import reverse

from conftest import client_for
from reminders import selectors
from reminders.models import ReminderPause, SentReminder, Status
from states.tests.factories import StateFactory

from .conftest import DEADLINE, at, second_delegate
from .factories import SentReminderFactory

pytestmark = pytest.mark.django_db


def more_owing_states(fake, n: int, start: int = 0):
    for i in range(start, start + n):
        state = StateFactory(iso3=f"Q{i:02d}", iso2=f"{chr(81 + i // 10)}{i % 10}")
        second_delegate(state, f"d{i}@example.org")
        fake.owe(state, DEADLINE)


def test_upcoming_shows_who_gets_what_when_no_contact_and_paused(owing, fake):
    fake.owe(owing.chair.state, DEADLINE)  # no delegate
    fake.owe(owing.state_b, DEADLINE)
    ReminderPause.objects.create(state=owing.state_b, reason="Confirmed by phone", by=owing.isu)
    with at(datetime.date(2024, 4, 16)):
        response = client_for(owing, "isu").get(reverse("reminders:index"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "delegate.a@example.org" in page and "next pass" in page
    assert "No contact" in page and "Chairland" in page
    assert "Confirmed by phone" in page and "Resume" in page


def test_upcoming_with_reminder_already_sent_shows_the_next_date(owing, fake):
    SentReminderFactory(state=owing.state_a, recipient=owing.delegate_a, kind="before-14")
    with at(datetime.date(2024, 4, 16)):
        rows = selectors.upcoming(today=datetime.date(2024, 4, 16))
    assert rows[0].pending == [] and rows[0].when.kind == "before-7"
    assert rows[0].when.on == datetime.date(2024, 4, 23)


def test_upcoming_page_queries_do_not_grow_with_states(owing, fake, django_assert_max_num_queries):
    client = client_for(owing, "isu")
    more_owing_states(fake, 2)
    with at(datetime.date(2024, 4, 16)), django_assert_max_num_queries(12) as small:
        client.get(reverse("reminders:index"))
    more_owing_states(fake, 20, start=2)
    with at(datetime.date(2024, 4, 16)), django_assert_max_num_queries(len(small.captured_queries)):
        response = client.get(reverse("reminders:index"))
    assert "d21@example.org" in response.content.decode()


def test_sent_log_filters_by_state_and_status(owing):
    SentReminderFactory(state=owing.state_a, recipient=owing.delegate_a, status=Status.FAILED, last_error="SMTP 450")
    SentReminderFactory(state=owing.state_b, recipient=owing.delegate_b, status=Status.SENT)
    client = client_for(owing, "isu")
    page = client.get(reverse("reminders:sent"), {"state": "aaa", "status": "failed"}).content.decode()
    assert "delegate.a@example.org" in page and "SMTP 450" in page
    assert "delegate.b@example.org" not in page
    page = client.get(reverse("reminders:sent"), {"state": "ZZZ"}).content.decode()
    assert "No State has the code ZZZ" in page


def test_sent_log_queries_do_not_grow(owing, django_assert_max_num_queries):
    client = client_for(owing, "isu")
    for kind in ("before-1", "before-7"):
        SentReminderFactory(state=owing.state_a, recipient=owing.delegate_a, kind=kind)
    with django_assert_max_num_queries(10) as small:
        client.get(reverse("reminders:sent"))
    for i in range(20):
        SentReminderFactory(kind=f"before-{i + 100}")
    with django_assert_max_num_queries(len(small.captured_queries)):
        client.get(reverse("reminders:sent"))


def test_state_page_pause_and_resume(owing):
    client = client_for(owing, "isu")
    url = reverse("reminders:pause", kwargs={"iso3": "aaa"})
    response = client.post(url, {"source": "", "reason": "Confirmed by phone"})
    assert response.status_code == 302
    pause = ReminderPause.objects.get()
    assert (pause.state, pause.by, pause.source, pause.is_active) == (owing.state_a, owing.isu, "", True)
    page = client.get(reverse("reminders:state", kwargs={"iso3": "AAA"})).content.decode()
    assert "Confirmed by phone" in page and "Resume reminders" in page
    response = client.post(reverse("reminders:resume", kwargs={"pk": pause.pk}))
    assert response.status_code == 302
    pause.refresh_from_db()
    assert pause.resumed_at is not None and pause.resumed_by == owing.isu
    assert pause.history.count() == 2


def test_pause_without_reason_shows_the_error_next_to_the_field(owing):
    response = client_for(owing, "isu").post(reverse("reminders:pause", kwargs={"iso3": "AAA"}), {"source": ""})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not ReminderPause.objects.exists()


def test_pausing_twice_keeps_what_was_typed_and_says_why(owing):
    client = client_for(owing, "isu")
    url = reverse("reminders:pause", kwargs={"iso3": "AAA"})
    client.post(url, {"source": "", "reason": "Phone"})
    response = client.post(url, {"source": "", "reason": "Pouch on its way"})
    page = response.content.decode()
    assert "already paused" in page and "Pouch on its way" in page


def test_failed_reminder_send_again_button(owing, django_capture_on_commit_callbacks):
    record = SentReminderFactory(state=owing.state_a, recipient=owing.delegate_a, status=Status.FAILED)
    page = client_for(owing, "isu").get(reverse("reminders:state", kwargs={"iso3": "AAA"})).content.decode()
    assert "Send again" in page
    with django_capture_on_commit_callbacks(execute=False):
        client_for(owing, "isu").post(reverse("reminders:retry", kwargs={"pk": record.pk}))
    record.refresh_from_db()
    assert record.status == Status.CLAIMED


def test_isu_menu_has_reminders_for_isu_only(owing):
    page = reverse("states:list")
    assert f'href="{reverse("reminders:index")}"' in client_for(owing, "isu").get(page).content.decode()
    assert f'href="{reverse("reminders:index")}"' not in client_for(owing, "chair").get(page).content.decode()


def test_last_reminder_by_state_is_one_query(owing, django_assert_num_queries):
    older = SentReminderFactory(state=owing.state_a, recipient=owing.delegate_a, kind="before-30")
    newer = SentReminderFactory(state=owing.state_a, recipient=owing.delegate_a, kind="before-14")
    other = SentReminderFactory(state=owing.state_b, recipient=owing.delegate_b, kind="before-14")
    SentReminderFactory(state=owing.state_b, recipient=owing.delegate_b, kind="before-7", cycle="2023")
    with django_assert_num_queries(1):
        found = selectors.last_reminder_by_state("fake", "2024")
        assert found[owing.state_a.pk].recipient.email == "delegate.a@example.org"
    assert found == {owing.state_a.pk: newer, owing.state_b.pk: other}
    assert older.pk not in {r.pk for r in found.values()}
    assert SentReminder.objects.count() == 4


def test_resuming_a_resumed_pause_says_nothing_changed(client, cast):
    from reminders.models import ReminderPause

    pause = ReminderPause.objects.create(state=cast.state_a, reason="Confirmed by phone", by=cast.isu)
    client.force_login(cast.isu)
    url = f"/reminders/pauses/{pause.pk}/resume/"
    assert "Reminders resumed" in client.post(url, follow=True).content.decode()
    page = client.post(url, follow=True).content.decode()
    assert "No change" in page and "Reminders resumed" not in page
