import pytest
from django import forms
from django.urls import reverse

from conftest import client_for
from core.fields import CharField
from core.tests.test_every_number_field import _project_classes
from core.text import strip_tree

CONTROL = "".join(chr(c) for c in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def test_strip_tree_removes_control_characters_and_says_where():
    value = {"fields": {"text": "Law\x00 12", "ok": "tab\tnew\nline\r"}, "rows": [{"d": "\x1bx"}, {"d": "y"}]}
    cleaned, paths = strip_tree(value)
    assert cleaned == {"fields": {"text": "Law 12", "ok": "tab\tnew\nline\r"}, "rows": [{"d": "x"}, {"d": "y"}]}
    assert paths == [("fields", "text"), ("rows", 0, "d")]
    assert strip_tree(cleaned) == (cleaned, [])


class NoteForm(forms.Form):
    note = CharField(widget=forms.Textarea)
    email = forms.EmailField(required=False)


@pytest.mark.parametrize("char", list(CONTROL))
def test_every_text_field_refuses_a_control_character_next_to_the_field(char):
    form = NoteForm({"note": f"Clearance{char} done"})
    assert not form.is_valid()
    assert form.errors["note"] == [
        "This text contains invisible control characters (shown as “�”), for example from a copy and paste: "
        "delete them and save again."
    ]


def test_the_refused_text_is_shown_back_whole_with_the_control_character_visible():
    form = NoteForm({"note": "Clearance\x00 done"})
    form.is_valid()
    assert "Clearance\ufffd done" in str(form["note"])  # nothing the user typed is lost


def test_tab_newline_and_carriage_return_are_text():
    form = NoteForm({"note": "a\tb\r\nc"})
    assert form.is_valid(), form.errors


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/states/%00/", "/reports/AAA%01/2022/", "/states/%7F/"])
def test_a_control_character_in_a_url_path_is_not_found(cast, path):
    response = client_for(cast, "isu").get(path)
    assert response.status_code == 404


@pytest.mark.django_db
def test_control_characters_are_dropped_from_query_strings(cast):
    client = client_for(cast, "isu")
    response = client.get(reverse("meetings:create") + "?state=AAA%00")
    assert response.status_code == 200
    assert response.context["form"].initial["state"] == cast.state_a


def test_every_text_field_of_every_form_of_the_project_is_the_core_one():
    """No monkey-patching: each form declares core.fields.CharField (model forms and the admin get it
    from core.fields.number_formfield), so a form added with Django's CharField fails here."""
    careless = [
        f"{cls.__module__}.{cls.__name__}.{name}"
        for cls in _project_classes(forms.BaseForm)
        for name, field in getattr(cls, "base_fields", {}).items()
        if type(field) is forms.CharField
    ]
    assert careless == []


@pytest.mark.django_db
def test_a_model_form_and_an_admin_form_refuse_control_characters(rf, admin_user):
    from django.contrib import admin

    from workplan.forms import WorkplanItemForm
    from workplan.models import WorkplanItem

    assert "description_en" in WorkplanItemForm.base_fields
    assert type(WorkplanItemForm.base_fields["description_en"]) is CharField
    request = rf.get("/admin/")
    request.user = admin_user
    admin_form = admin.site._registry[WorkplanItem].get_form(request)
    assert type(admin_form.base_fields["description_en"]) is CharField
