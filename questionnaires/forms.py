from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import CharField, ModelForm, ModelMultipleChoiceField
from states.models import State
from workplan.models import OsloAction

from .models import CHOICE_KINDS, Question, Questionnaire, RecipientGroup

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
SAME_AS_ENGLISH = _("Left empty, the English text is shown.")


class QuestionnaireForm(ModelForm):
    class Meta:
        model = Questionnaire
        fields = [
            "title_en",
            "title_fr",
            "title_es",
            "introduction_en",
            "introduction_fr",
            "introduction_es",
            "circulation_date",
            "circulate_automatically",
            "deadline",
            "committee",
        ]
        widgets = {
            "introduction_en": forms.Textarea(attrs={"rows": 4}),
            "introduction_fr": forms.Textarea(attrs={"rows": 4}),
            "introduction_es": forms.Textarea(attrs={"rows": 4}),
            "circulation_date": DATE,
            "deadline": DATE,
        }
        help_texts = {
            "title_fr": SAME_AS_ENGLISH,
            "title_es": SAME_AS_ENGLISH,
            "introduction_fr": SAME_AS_ENGLISH,
            "introduction_es": SAME_AS_ENGLISH,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk and self.instance.is_circulated:
            self.fields["circulation_date"].disabled = True
            self.fields["circulation_date"].help_text = _("Fixed: the questionnaire has been circulated.")


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class QuestionForm(ModelForm):
    actions = ModelMultipleChoiceField(
        label=_("Oslo Action Plan actions"),
        queryset=OsloAction.objects.order_by("number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    choices_en = CharField(
        label=_("Choices (English)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("For single and multiple choice questions: one choice per line."),
    )
    choices_fr = CharField(
        label=_("Choices (French)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Same lines, same order as in English; left empty, the English choices are shown."),
    )
    choices_es = CharField(
        label=_("Choices (Spanish)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Same lines, same order as in English; left empty, the English choices are shown."),
    )

    class Meta:
        model = Question
        fields = [
            "kind",
            "text_en",
            "text_fr",
            "text_es",
            "choices_en",
            "choices_fr",
            "choices_es",
            "help_en",
            "help_fr",
            "help_es",
            "required",
            "actions",
            "about_gender",
        ]
        widgets = {
            "text_en": forms.Textarea(attrs={"rows": 2}),
            "text_fr": forms.Textarea(attrs={"rows": 2}),
            "text_es": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {"text_fr": SAME_AS_ENGLISH, "text_es": SAME_AS_ENGLISH}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            choices = list(self.instance.choices.order_by("order", "pk"))
            for lang in ("en", "fr", "es"):
                self.initial[f"choices_{lang}"] = "\n".join(getattr(c, f"text_{lang}") for c in choices)

    def clean(self):
        data = super().clean()
        en = _lines(data.get("choices_en", ""))
        kind = data.get("kind")
        if kind in CHOICE_KINDS and len(en) < 2:
            self.add_error("choices_en", _("Give at least two choices, one per line."))
        if kind and kind not in CHOICE_KINDS and en:
            self.add_error("choices_en", _("Only single and multiple choice questions have choices."))
        for lang in ("fr", "es"):
            other = _lines(data.get(f"choices_{lang}", ""))
            if other and len(other) != len(en):
                self.add_error(
                    f"choices_{lang}",
                    _("Give as many lines as in English (%(n)s), in the same order.") % {"n": len(en)},
                )
        return data

    def choice_rows(self) -> list[tuple[str, str, str]]:
        en = _lines(self.cleaned_data.get("choices_en", ""))
        fr = _lines(self.cleaned_data.get("choices_fr", "")) or [""] * len(en)
        es = _lines(self.cleaned_data.get("choices_es", "")) or [""] * len(en)
        return list(zip(en, fr, es, strict=True))

    def service_fields(self) -> dict:
        return {
            k: v for k, v in self.cleaned_data.items() if k not in ("actions", "choices_en", "choices_fr", "choices_es")
        }


class RecipientsForm(forms.Form):
    groups = forms.MultipleChoiceField(
        label=_("Groups"),
        choices=RecipientGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "States Parties in the questionnaire's year; national mine action directors are the delegates of "
            "mine-affected States."
        ),
    )
    states = ModelMultipleChoiceField(
        label=_("States chosen one by one"),
        queryset=State.objects.order_by("name_en"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 12}),
        help_text=_("Hold Ctrl (or Cmd) to choose several. Added to the States of the groups."),
    )

    def clean(self):
        data = super().clean()
        if not data.get("groups") and not data.get("states"):
            raise forms.ValidationError(_("Choose at least one group or one State."))
        return data
