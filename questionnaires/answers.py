"""The answer form, built from a questionnaire's questions; the one place answers are validated.

Values travel as raw strings (and lists for multiple choice), keyed by `Question.field_name`, so that
a draft keeps exactly what the delegate typed, even when it is incomplete or invalid.
"""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import CharField, NumberField, set_number_locale
from core.numbers import PLAIN, current_language

from .models import Question, QuestionKind

YES, NO = "yes", "no"
LANG_KEY = "_lang"  # in a draft: the language its numbers were typed in (none: plain digits)


def _label(question: Question, number: int) -> str:
    return f"{number}. {question.text}"


def build_field(question: Question, number: int) -> forms.Field:
    common = {"label": _label(question, number), "help_text": question.help, "required": question.required}
    if question.kind == QuestionKind.TEXT:
        return CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=20000, **common)
    if question.kind == QuestionKind.NUMBER:
        return NumberField(max_digits=18, decimal_places=2, **common)
    if question.kind == QuestionKind.YES_NO:
        return forms.ChoiceField(choices=[(YES, _("Yes")), (NO, _("No"))], widget=forms.RadioSelect, **common)
    choices = [(str(c.pk), c.text) for c in question.choices.all()]
    if question.kind == QuestionKind.SINGLE:
        return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, **common)
    return forms.MultipleChoiceField(choices=choices, widget=forms.CheckboxSelectMultiple, **common)


class AnswerForm(forms.Form):
    """`strict=False` (saving a draft): nothing is required; `strict=True` (submitting): every rule applies."""

    def __init__(self, *args, questions: list[Question], strict: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = questions
        for number, question in enumerate(questions, start=1):
            field = build_field(question, number)
            if not strict:
                field.required = False
            self.fields[question.field_name] = field
        if self.is_bound and hasattr(self.data, "getlist"):
            return  # typed on this page, in the active language
        stored = (self.data if self.is_bound else self.initial) or {}
        lang = stored.get(LANG_KEY) or PLAIN
        if self.is_bound:
            set_number_locale(self, lang)
        elif lang != current_language():
            self.initial = dict(self.initial)
            for name, field in self.fields.items():
                if isinstance(field, NumberField) and self.initial.get(name):
                    field.locale = lang
                    try:
                        self.initial[name] = field.clean(self.initial[name])  # shown the reader's way
                    except forms.ValidationError:
                        pass  # not a number in its language: shown as typed, refused on submission
                    field.locale = None

    def raw_data(self) -> dict:
        """What the user typed, as stored in a draft (nothing validated, nothing dropped)."""
        raw = {}
        for question in self.questions:
            name = question.field_name
            if question.kind == QuestionKind.MULTIPLE:
                getlist = getattr(self.data, "getlist", None)
                values = getlist(name) if getlist else self.data.get(name, [])
                raw[name] = [str(v) for v in (values if isinstance(values, list) else [values])]
            else:
                raw[name] = str(self.data.get(name, "") or "")
        raw[LANG_KEY] = current_language()
        return raw

    def questions_with_fields(self):
        return [(q, self[q.field_name]) for q in self.questions]


def typed_value(question: Question, cleaned) -> dict:
    """The `Answer` columns for a cleaned value."""
    if question.kind == QuestionKind.TEXT:
        return {"text": cleaned or ""}
    if question.kind == QuestionKind.NUMBER:
        return {"number": Decimal(cleaned) if cleaned is not None else None}
    if question.kind == QuestionKind.YES_NO:
        return {"yes_no": {YES: True, NO: False}.get(cleaned)}
    if question.kind == QuestionKind.SINGLE:
        return {"choice_ids": [int(cleaned)] if cleaned else []}
    return {"choice_ids": [int(v) for v in cleaned or []]}


def is_empty(question: Question, cleaned) -> bool:
    return cleaned in (None, "", [])
