"""Adding a language is a line in settings.LANGUAGES, the migration makemigrations then generates,
and its catalogue: models, forms, services and the API follow (core.translation)."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from core.translation import TranslatedField

BASE = Path(settings.BASE_DIR)
TRANSLATED = 19  # the translated fields declared with TranslatedField across the apps


def _run(*args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings_fourth_language",
        "DATABASE_URL": "sqlite://:memory:",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE, env=env, capture_output=True, text=True, timeout=120
    )


def test_the_fields_are_declared_once_with_translated_field():
    from django.apps import apps

    declared = [
        (model.__name__, name)
        for model in apps.get_models()
        for name, value in vars(model).items()
        if type(value).__name__ == "_Reader"
    ]
    assert len(declared) == TRANSLATED, declared
    assert TranslatedField  # the one way (core/translation.py)


def test_a_fourth_language_needs_only_the_migration_makemigrations_generates():
    result = _run("makemigrations", "--dry-run")
    assert result.returncode == 0, result.stderr
    operations = [line.strip() for line in result.stdout.splitlines() if line.strip().startswith(("-", "+", "~"))]
    added = [op.split() for op in operations if op.startswith("+ Add field ")]
    # A German column for each translated field, on its model and its history table...
    assert all(words[3].endswith("_de") for words in added), operations
    assert len([w for w in added if not w[-1].startswith("historical")]) == TRANSLATED, result.stdout
    # ...and the fields whose choices are the languages (a person's language, a document's) list German.
    others = [op for op in operations if not op.startswith("+ Add field ")]
    assert others and all(op.startswith("~ Alter field ") and "language" in op.split()[3] for op in others), others


def test_with_a_fourth_language_forms_services_and_the_api_carry_it_and_it_falls_back_to_english():
    script = """
from django.utils import translation
from meetings.forms import MeetingForm
from meetings.models import Meeting
from meetings.services import MEETING_FIELDS
from questionnaires.forms import QuestionForm
from questionnaires.api import QuestionSerializer
from workplan.forms import WorkplanItemForm
assert "title_de" in MeetingForm.base_fields, "meeting form"
assert "title_de" in MEETING_FIELDS, "meeting service"
assert "description_de" in WorkplanItemForm.base_fields, "workplan form"
assert "choices_de" in QuestionForm().fields and "text_de" in QuestionForm().fields, "question form"
assert "text_de" in QuestionSerializer().fields, "API"
meeting = Meeting(title_en="Intersessional meetings", title_de="")
with translation.override("de"):
    assert meeting.title == "Intersessional meetings", meeting.title
    meeting.title_de = "Intersessionelle Sitzungen"
    assert meeting.title == "Intersessionelle Sitzungen"
print("ok")
"""
    result = _run("shell", "-c", script)
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stdout + result.stderr
