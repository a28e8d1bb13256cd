"""A French-speaking delegate does everything in French: the reminder, the login, the report from the first
section to the receipt, and its public page."""

import datetime
import html
import re
from decimal import Decimal

import pytest
import time_machine
from django.core import mail
from django.test import Client
from django.urls import reverse

from accounts.models import Role
from accounts.tests.factories import UserFactory
from reminders import services as reminders
from reminders.policy import GENEVA
from reporting.models import Report, ReportState
from reporting.sections import SECTIONS
from reporting.tests.factories import CycleFactory, complete_draft

from .i18n_support import ensure_compiled

pytestmark = pytest.mark.django_db

PASSWORD = "un-mot-de-passe-solide-2024"
YEAR = 2023  # reports on 2023 are due on 30 April 2024
SPACES = str.maketrans({"\u202f": " ", "\xa0": " "})


@pytest.fixture(scope="module", autouse=True)
def compiled_catalogues():
    ensure_compiled()


@pytest.fixture
def delegate(cast):
    cast.state_a.name_fr = "Île A"
    cast.state_a.save()
    user = UserFactory(
        role=Role.DELEGATE,
        state=cast.state_a,
        preferred_language="fr",
        username="awa.diop@example.org",
        first_name="Awa",
        last_name="Diop",
    )
    user.set_password(PASSWORD)
    user.save()
    return user


def at(day: datetime.date, hour: int):
    return time_machine.travel(datetime.datetime.combine(day, datetime.time(hour), tzinfo=GENEVA), tick=False)


def page(response) -> str:
    assert response.status_code == 200, response.status_code
    return html.unescape(response.content.decode()).translate(SPACES)


def url(name: str, iso3: str) -> str:
    return reverse(f"reporting:{name}", args=[iso3, YEAR])


def typed_in_french(value):
    """A decimal of `complete_draft()` as a French delegate types it: 1250000.50 -> "1 250 000,50"."""
    if isinstance(value, str) and re.fullmatch(r"\d+\.\d+", value):
        whole, decimals = value.split(".")
        return f"{int(whole):,}".replace(",", " ") + "," + decimals
    return value


def section_post(key: str, token: str, entry: dict) -> dict:
    """What the editor's form sends for one section of `complete_draft()`, typed on a French page."""
    fields = {name: typed_in_french(value) for name, value in entry["fields"].items()}
    data = {"section": key, "token": token, "mode": entry["mode"], **fields}
    rows = entry.get("rows") or []
    for table, table_rows in (entry.get("tables") or {}).items():
        data |= {f"{table}-TOTAL_FORMS": str(len(table_rows)), f"{table}-INITIAL_FORMS": "0"}
        for i, row in enumerate(table_rows):
            data |= {f"{table}-{i}-{name}": typed_in_french(value) for name, value in row.items()}
    if key == "ca":
        data |= {"rows-TOTAL_FORMS": str(len(rows)), "rows-INITIAL_FORMS": "0"}
        for i, row in enumerate(rows):
            data |= {f"rows-{i}-{name}": typed_in_french(value) for name, value in row.items()}
    return data


def test_french_delegate_from_reminder_to_submitted_report(cast, delegate, django_capture_on_commit_callbacks):
    CycleFactory(year=YEAR)
    reminder_day = datetime.date(2024, 4, 16)

    # Two weeks before the deadline, the reminder arrives in French (an English colleague's in English).
    with at(reminder_day, 8), django_capture_on_commit_callbacks(execute=True):
        reminders.reminder_pass()
    french = next(m for m in mail.outbox if m.to == [delegate.email])
    title = "Rapport au titre de l'article 7 portant sur l'année civile 2023"
    assert french.subject == f"Rappel : {title}, 14 jours restants"
    assert "Bonjour Awa Diop," in french.body
    assert f"{title} (Île A) est attendu le 30 avril 2024 : 14 jours restants." in french.body
    assert "Ouvrez le formulaire et présentez-le ici :" in french.body
    manage = url("overview", cast.state_a.iso3)
    assert manage in french.body
    english = next(m for m in mail.outbox if m.to == [cast.delegate_a.email])
    assert english.subject.startswith("Reminder: Article 7 report on calendar year 2023")

    with at(reminder_day, 10):
        client = Client(headers={"accept-language": "fr-FR,fr;q=0.9"})
        # The login page, before the site knows who they are, follows the browser.
        login = page(client.get(reverse("login")))
        assert "Se connecter" in login and "Mot de passe oublié ?" in login
        refused = page(client.post(reverse("login"), {"username": delegate.email, "password": "wrong"}))
        assert "Saisissez un nom d'utilisateur et un mot de passe valides." in refused
        response = client.post(reverse("login"), {"username": delegate.email, "password": PASSWORD})
        assert response.status_code == 302

        # Signed in, the profile language applies even to a browser asking for Spanish.
        client.defaults["HTTP_ACCEPT_LANGUAGE"] = "es"
        home = page(client.get("/"))
        assert '<html lang="fr" dir="ltr">' in home
        assert "Mon État" in home and "Rapport au titre de l'article 7 portant sur 2023" in home
        assert "Attendu le 30 avril 2024" in home and "14 jours restants" in home
        overview = page(client.get(manage))
        assert "Commencer le rapport" in overview

        # Start, then fill every section through the editor.
        response = client.post(url("start", cast.state_a.iso3), {"prefill": ""})
        assert response.status_code == 302
        edit = url("edit", cast.state_a.iso3)
        first = page(client.get(edit))
        assert "Rapport commencé." in first and "Page de couverture" in first
        assert "Formulaire A · Mesures d'application nationales" in page(client.get(edit + "?section=a"))

        # A figure that is not a number is kept and explained in French.
        token = re.search(r'name="token" value="(\d+)"', page(client.get(edit + "?section=c"))).group(1)
        client.post(
            edit,
            {
                "section": "c",
                "token": token,
                "mode": "filled",
                "areas-TOTAL_FORMS": "1",
                "areas-INITIAL_FORMS": "0",
                "areas-0-size_m2": "3 km2",
            },
        )
        section_c = page(client.get(edit + "?section=c"))
        assert 'value="3 km2"' in section_c and "Saisissez un nombre" in section_c and "En cours" in section_c

        draft = complete_draft()
        for section in SECTIONS:
            editor = page(client.get(f"{edit}?section={section.key}"))
            assert "Enregistrer et vérifier avant la présentation" in editor
            token = re.search(r'name="token" value="(\d+)"', editor).group(1)
            response = client.post(edit, section_post(section.key, token, draft[section.key]))
            assert response.status_code == 302, (section.key, response.status_code)
        report = Report.objects.get(state=cast.state_a)
        # Kept as typed, with the language it was typed in (read with French rules at submission).
        assert report.draft_data["ca"]["rows"][0]["amount"] == "150 000,00"
        assert report.draft_data["ca"]["lang"] == "fr"

        # Check, then submit.
        submit = url("submit", cast.state_a.iso3)
        check = page(client.get(submit))
        assert "Prêt à être présenté" in check and "Présenter le rapport" in check
        response = client.post(submit, follow=True)
        receipt = page(response)
        assert "Rapport présenté dans les délais. Il est désormais public. Merci." in receipt
        assert "Accusé de réception" in receipt and "Présenté par" in receipt and "Awa Diop" in receipt
    report.refresh_from_db()
    assert report.workflow == ReportState.SUBMITTED
    assert report.current_version.ca_rows.get().amount == Decimal("150000.00")

    # The public report reads in French, figures in French format.
    public = Client()
    public.cookies["django_language"] = "fr"
    text = page(public.get(url("public", cast.state_a.iso3)))
    assert "Coopération et assistance reçues et fournies" in text
    assert "150 000" in text and "Déminage" in text and "Reçue" in text

    # The next pass sends the State nothing more; the English colleague's State is still reminded.
    mail.outbox.clear()
    with at(datetime.date(2024, 4, 23), 8), django_capture_on_commit_callbacks(execute=True):
        reminders.reminder_pass()
    assert [m.to for m in mail.outbox if m.to[0] in (delegate.email, cast.delegate_a.email)] == []
    assert any(m.to == [cast.delegate_b.email] for m in mail.outbox)
