"""English, French and Spanish throughout: catalogues, the interface language, formats, stored content,
e-mails and right-to-left readiness."""

import datetime
import re
import shutil
import subprocess
from decimal import Decimal

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.template import Context, Template
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import Role
from accounts.tests.factories import UserFactory
from conftest import _in_ci, client_for

from .i18n_support import LANGUAGES, ensure_compiled, fresh_extraction, message_key, po_path, read_catalogue

SPACES = str.maketrans({"\u202f": " ", "\xa0": " "})


def plain(text: str) -> str:
    """French and Spanish group digits with (narrow) no-break spaces; compare with ordinary ones."""
    return text.translate(SPACES)


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    ensure_compiled()


# --- the catalogues -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_has_every_entry_translated_and_none_fuzzy(language):
    catalogue = read_catalogue(po_path(language))
    assert len(catalogue) > 1000
    untranslated, fuzzy = [], []
    for message in catalogue:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple | list) else [message.string]
        if not all(s and s.strip() for s in strings):
            untranslated.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert untranslated == [], f"{len(untranslated)} untranslated in {language}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy in {language}"
    assert not catalogue.obsolete, f"obsolete entries in {language}: run makemessages with --no-obsolete"


@pytest.mark.parametrize("language", LANGUAGES)
def test_plural_entries_have_a_form_per_plural_of_the_language(language):
    catalogue = read_catalogue(po_path(language))
    assert catalogue.num_plurals == 2
    plurals = [m for m in catalogue if m.pluralizable]
    assert plurals
    assert [m.id for m in plurals if len(m.string) != catalogue.num_plurals] == []


PLACEHOLDER = re.compile(r"%\([a-z_0-9]+\)[sdif]|%[sd]|<[a-z/][^>]*>")


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_markup(language):
    """%(name)s, %s and HTML tags of the English text all come back in the translation, none invented."""
    problems = []
    for message in read_catalogue(po_path(language)):
        if not message.id:
            continue
        if message.pluralizable:
            expected = set(PLACEHOLDER.findall(message.id[0] + message.id[1]))
            for form in message.string:
                found = set(PLACEHOLDER.findall(form))
                # The singular may spell out "one" instead of the count (French: "Un questionnaire …").
                if not found <= expected or len(expected - found) > 1:
                    problems.append((message.id[0], form))
        elif sorted(PLACEHOLDER.findall(message.id)) != sorted(PLACEHOLDER.findall(message.string)):
            problems.append((message.id, message.string))
    assert problems == []


def test_every_string_marked_in_the_code_is_in_the_catalogues(tmp_path):
    """A fresh makemessages over a copy of the project finds nothing the committed catalogues lack."""
    fresh = fresh_extraction(tmp_path)
    for language in LANGUAGES:
        committed = {message_key(m) for m in read_catalogue(po_path(language)) if m.id}
        extracted = {message_key(m) for m in read_catalogue(fresh[language]) if m.id}
        missing = sorted(extracted - committed, key=str)
        assert missing == [], (
            f"{len(missing)} marked strings missing from locale/{language}: run "
            "`python manage.py makemessages -l fr -l es --ignore=.venv --ignore=var --no-obsolete` and translate them"
        )


@pytest.mark.parametrize("language", LANGUAGES)
def test_catalogue_compiles_with_msgfmt_check(language, tmp_path):
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        if _in_ci():
            pytest.fail("msgfmt (gettext) must be installed in CI")
        pytest.skip("msgfmt not installed (apt-get install gettext)")
    result = subprocess.run(
        [msgfmt, "--check", "-o", str(tmp_path / "django.mo"), str(po_path(language))], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "django.mo").stat().st_size > 10_000


def test_no_javascript_catalogue_is_needed():
    """Scripts take their words from data attributes of the (translated) templates, not from gettext()."""
    scripts = [p for p in (settings.BASE_DIR / "static").rglob("*.js") if "vendor" not in p.parts]
    assert scripts
    assert [p.name for p in scripts if re.search(r"\b(n?gettext|interpolate)\(", p.read_text())] == []


# --- the language of the interface ----------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "expected"),
    [("fr-CH,fr;q=0.9,en;q=0.5", "Se connecter"), ("es-CO,es;q=0.9", "Iniciar sesión"), ("de-DE,de", "Log in")],
)
def test_anonymous_visitor_gets_the_browser_language(accept, expected):
    page = Client().get("/", headers={"accept-language": accept}).content.decode()
    assert expected in page


@pytest.mark.django_db
def test_profile_language_comes_before_the_browser_and_the_switcher_before_both(cast):
    cast.delegate_a.preferred_language = "fr"
    cast.delegate_a.save()
    client = client_for(cast, "delegate_a")
    page = client.get("/", headers={"accept-language": "es"}).content.decode()
    assert 'lang="fr"' in page and "Mon État" in page
    client.post(reverse("set_language"), {"language": "es", "next": "/"})
    page = client.get("/", headers={"accept-language": "fr"}).content.decode()
    assert 'lang="es"' in page and "Mi Estado" in page


@pytest.mark.django_db
def test_the_language_switcher_is_on_every_page_and_urls_are_the_same_in_every_language(cast):
    client = client_for(cast, "delegate_a")
    paths = ["/", reverse("states:list"), reverse("meetings:list"), reverse("reporting:public_list")]
    for language, word in [("en", "States Parties"), ("fr", "États parties"), ("es", "Estados Partes")]:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        for path in paths:
            response = client.get(path)
            page = response.content.decode()
            assert response.status_code == 200, (language, path)
            assert f'action="{reverse("set_language")}"' in page
            assert all(f'<option value="{code}"' in page for code, _name in settings.LANGUAGES)
            assert word in page
    assert not any(p.startswith(("/en/", "/fr/", "/es/")) for p in paths)


# --- dates, numbers and amounts -------------------------------------------------------------------------------


def _render(source: str, language: str, **context) -> str:
    with translation.override(language):
        return plain(Template(source).render(Context(context)))


@pytest.mark.parametrize(
    ("language", "date", "short", "number", "money"),
    [
        ("en", "2 June 2023", "2 Jun 2023", "1,234,567.5", "€1,234.56"),
        ("fr", "2 juin 2023", "02/06/2023", "1 234 567,5", "1 234,56 €"),
        ("es", "2 de junio de 2023", "02/06/2023", "1.234.567,5", "1.234,56 €"),
    ],
)
def test_dates_numbers_and_amounts_are_formatted_for_the_language(language, date, short, number, money):
    source = (
        '{% load numbers %}{{ d|date:"DATE_FORMAT" }}|{{ d|date:"SHORT_DATE_FORMAT" }}|{{ n|number }}|'
        '{{ a|money:"EUR" }}'
    )
    rendered = _render(source, language, d=datetime.date(2023, 6, 2), n=Decimal("1234567.5"), a=Decimal("1234.56"))
    assert rendered == f"{date}|{short}|{number}|{money}"


def test_time_zone_is_geneva():
    assert timezone.get_default_timezone_name() == "Europe/Zurich"  # Geneva's IANA zone
    with time_machine.travel(datetime.datetime(2023, 6, 21, 22, 30, tzinfo=datetime.UTC), tick=False):
        assert timezone.localdate() == datetime.date(2023, 6, 22)  # already the 22nd in Geneva (UTC+2)


@pytest.mark.django_db
def test_fund_amounts_on_a_page_follow_the_reader_language(cast):
    from fund.tests.factories import fund

    fund("1234567.89", "EUR")
    client = client_for(cast, "isu")
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    assert "1 234 567,89 €" in plain(client.get(reverse("fund:overview")).content.decode())
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    assert "€1,234,567.89" in client.get(reverse("fund:overview")).content.decode()


# --- content stored per language ------------------------------------------------------------------------------


@pytest.mark.django_db
def test_state_and_committee_names_fall_back_to_english():
    from committee.models import Committee
    from states.tests.factories import StateFactory

    state = StateFactory(name_en="Senegal", name_fr="Sénégal", name_es="")
    committee = Committee.objects.create(slug="ca", name_en="Committee on Cooperation", name_fr="", name_es="Comité")
    with translation.override("fr"):
        assert (state.name, committee.name) == ("Sénégal", "Committee on Cooperation")
    with translation.override("es"):
        assert (state.name, committee.name) == ("Senegal", "Comité")


@pytest.mark.django_db
def test_meeting_title_falls_back_to_english_and_staff_see_the_missing_translation(cast):
    from meetings.tests.factories import MeetingFactory

    meeting = MeetingFactory(
        title_en="Intersessional Meetings 2023", title_fr="Réunions intersessions 2023", title_es=""
    )
    detail = reverse("meetings:detail", args=[meeting.code])
    with translation.override("es"):
        assert meeting.title == "Intersessional Meetings 2023"
    isu = client_for(cast, "isu")
    isu.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    for path in (detail, reverse("meetings:list")):
        page = isu.get(path).content.decode()
        assert "Réunions intersessions 2023" in page
        assert "Traduction manquante : Espagnol" in plain(page)
    isu.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    page = isu.get(detail).content.decode()
    assert "Intersessional Meetings 2023" in page and "Falta la traducción: Español" in page
    delegate = client_for(cast, "delegate_a")
    delegate.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    page = delegate.get(reverse("meetings:list")).content.decode()
    assert "Intersessional Meetings 2023" in page and "Falta la traducción" not in page


@pytest.mark.django_db
def test_questionnaire_questions_fall_back_to_english_and_staff_see_the_missing_translation(cast):
    from questionnaires.tests.factories import QuestionFactory, QuestionnaireFactory

    questionnaire = QuestionnaireFactory(title_en="C&A", title_fr="C et A", title_es="CyA")
    QuestionFactory(
        questionnaire=questionnaire,
        text_en="Does a platform exist?",
        text_fr="Existe-t-il une plateforme ?",
        text_es="",
    )
    detail = reverse("questionnaires:detail", args=[questionnaire.pk])
    isu = client_for(cast, "isu")
    isu.cookies[settings.LANGUAGE_COOKIE_NAME] = "es"
    page = isu.get(detail).content.decode()
    assert "Does a platform exist?" in page and "Falta la traducción: Español" in page
    isu.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = plain(isu.get(detail).content.decode())
    assert "Existe-t-il une plateforme ?" in page and "Traduction manquante : Espagnol" in page
    assert page.count("Traduction manquante") == 1  # the title has all three languages


@pytest.mark.django_db
def test_missing_translations_ignore_languages_the_model_does_not_store():
    from core.templatetags.translations import missing_languages
    from states.tests.factories import StateFactory

    state = StateFactory(name_en="Chad", name_fr="Tchad", name_es="")
    with override_settings(LANGUAGES=[*settings.LANGUAGES, ("ar", "Arabic")]):
        assert [code for code, _name in missing_languages(state, "name")] == ["es"]


# --- e-mails in the recipient's language ----------------------------------------------------------------------


def _french_delegate(state, email="delegue@example.org"):
    return UserFactory(
        role=Role.DELEGATE, state=state, preferred_language="fr", username=email, first_name="Awa", last_name="Diop"
    )


def _one_to(address):
    messages = [m for m in mail.outbox if m.to == [address]]
    assert len(messages) == 1, [m.to for m in mail.outbox]
    message = messages[0]
    return message, plain(message.body), plain(message.alternatives[0][0])


@pytest.mark.django_db
def test_deadline_reminder_goes_out_in_french(cast, django_capture_on_commit_callbacks):
    from reminders import services
    from reminders.policy import GENEVA
    from reporting.tests.factories import CycleFactory

    cast.state_a.name_fr = "Île A"
    cast.state_a.save()
    french = _french_delegate(cast.state_a)
    CycleFactory(year=2023)  # reports on 2023, due 30 April 2024
    moment = datetime.datetime(2024, 4, 16, 8, tzinfo=GENEVA)
    with time_machine.travel(moment, tick=False), django_capture_on_commit_callbacks(execute=True):
        services.reminder_pass()
    message, body, html = _one_to(french.email)
    assert message.subject == (
        "Rappel : Rapport au titre de l'article 7 portant sur l'année civile 2023, 14 jours restants"
    )
    title = "Rapport au titre de l'article 7 portant sur l'année civile 2023"
    assert f"{title} (Île A) est attendu le 30 avril 2024" in body
    assert "14 jours restants" in html and "Ouvrir le formulaire" in html
    english, _body, _html = _one_to(cast.delegate_a.email)
    assert english.subject.startswith("Reminder: Article 7 report on calendar year 2023")


@pytest.mark.django_db
def test_questionnaire_circulation_goes_out_in_french(cast, django_capture_on_commit_callbacks):
    from questionnaires import services
    from questionnaires.models import Recipient
    from questionnaires.tests.factories import QuestionFactory, QuestionnaireFactory

    french = _french_delegate(cast.state_a)
    questionnaire = QuestionnaireFactory(title_en="C&A questionnaire", title_fr="Questionnaire C&A")
    QuestionFactory(questionnaire=questionnaire)
    Recipient.objects.create(questionnaire=questionnaire, state=cast.state_a)
    with (
        time_machine.travel(datetime.datetime(2023, 5, 1, 10, tzinfo=datetime.UTC)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        services.questionnaire_circulate(questionnaire=questionnaire, by=cast.isu)
    message, body, html = _one_to(french.email)
    assert message.subject == "Questionnaire : Questionnaire C&A (réponses attendues d'ici au 31 mai 2023)"
    assert "Bonjour Awa Diop," in body
    assert "invite" in body and "« Questionnaire C&A »" in body
    assert "Veuillez répondre d'ici au 31 mai 2023" in html


@pytest.mark.django_db
def test_fund_notification_goes_out_in_french(cast, django_capture_on_commit_callbacks):
    from fund import services
    from fund.tests.factories import application_at, fund

    french = _french_delegate(cast.state_a)
    application = application_at("gender_reviewed", cast.state_a)
    fund("5000.00")
    with django_capture_on_commit_callbacks(execute=True):
        services.application_decide(application=application, by=None, decision="revise", reasons="Précisez le lieu.")
    message, body, html = _one_to(french.email)
    assert message.subject == f"Demande au Fonds {application.reference} : révision demandée"
    assert "Le Comité demande à votre État de réviser sa demande" in body and "Motifs :" in body
    assert "Précisez le lieu." in html


@pytest.mark.django_db
def test_invitation_goes_out_in_french(cast, django_capture_on_commit_callbacks):
    from accounts import services

    cast.state_a.name_fr = "Île A"
    cast.state_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.delegate_invite(
            email="nouveau@example.org", state=cast.state_a, first_name="Awa", preferred_language="fr", by=cast.isu
        )
    message, body, html = _one_to("nouveau@example.org")
    assert message.subject == (
        "Votre compte (Île A) sur la plateforme de coopération et d'assistance de la Convention sur "
        "l'interdiction des mines antipersonnel"
    )
    assert "L'Unité d'appui à l'application vous a créé un compte de délégué (État : Île A)." in body
    assert "/people/invitation/" in body
    assert "Choisissez votre mot de passe" in html


# --- right to left, and fonts for the Convention's other languages ---------------------------------------------

WITH_ARABIC = [*settings.LANGUAGES, ("ar", "Arabic")]


@pytest.mark.django_db
@override_settings(LANGUAGES=WITH_ARABIC)
def test_a_right_to_left_language_turns_the_layout_around():
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ar"
    page = client.get("/").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "bootstrap.rtl.min.css" in page and "bootstrap.min.css" not in page
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    page = client.get("/").content.decode()
    assert '<html lang="fr" dir="ltr">' in page and "bootstrap.min.css" in page


@pytest.mark.django_db
def test_the_conclusions_pdf_runs_right_to_left_in_arabic():
    from weasyprint import HTML

    from conclusions.pdf import render_html
    from conclusions.selectors import document_data
    from conclusions.tests.factories import make_document

    document = make_document(languages=("en", "fr", "ar"))
    for language, direction in [("ar", "rtl"), ("fr", "ltr"), ("en", "ltr")]:
        html = render_html(document_data(document, language))
        assert f'<html lang="{language}" dir="{direction}">' in html
        root = HTML(string=html, base_url=str(settings.BASE_DIR)).render().pages[0]._page_box.children[0]
        assert root.style["direction"] == direction


@pytest.mark.parametrize(("language", "sample"), [("ar", "مرحبا"), ("ru", "Привет"), ("zh", "你好")])
def test_installed_fonts_carry_arabic_cyrillic_and_chinese_glyphs(language, sample):
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        if _in_ci():
            pytest.fail("fontconfig must be installed in CI")
        pytest.skip("fontconfig not installed")
    families = subprocess.run([fc_list, f":lang={language}", "family"], capture_output=True, text=True).stdout
    assert families.strip(), f"no font for {language}: install fonts-noto-core and fonts-noto-cjk"
    charset = ":charset=" + " ".join(f"{ord(c):x}" for c in sample)
    assert subprocess.run([fc_list, charset, "family"], capture_output=True, text=True).stdout.strip()
