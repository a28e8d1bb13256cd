from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _

from core.fields import ModelForm, ModelMultipleChoiceField
from core.translation import field_names, per_language
from meetings.models import Meeting, MeetingKind
from states.models import State

from .models import Contact, OsloAction, Statement, WorkplanItem

PANEL_KINDS = (
    MeetingKind.PANEL,
    MeetingKind.INTERSESSIONAL,
    MeetingKind.MSP,
    MeetingKind.REVIEW_CONFERENCE,
    MeetingKind.WORKSHOP,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class WorkplanItemForm(ModelForm):
    actions = ModelMultipleChoiceField(
        label=_("Oslo Action Plan actions"),
        queryset=OsloAction.objects.order_by("number"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = WorkplanItem
        fields = [
            *field_names("description"),
            "timing",
            "due_date",
            "owner",
            "actions",
            "status",
            "kind",
            "order",
            "notes",
        ]
        widgets = {
            **per_language("description", lambda: forms.Textarea(attrs={"rows": 3})),
            "notes": forms.Textarea(attrs={"rows": 2}),
            "due_date": DATE,
        }
        help_texts = {
            **per_language("description", _("Left empty, the English text is shown."), source=False),
            "kind": _("The contact item opens the list of States that report on C&A without gender information."),
            "order": _("Position in the workplan; left at 0, the item goes last."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["order"].required = False
        self.fields["order"].min_value = 0
        self.fields["order"].max_value = 999
        self.fields["order"].validators += [MinValueValidator(0), MaxValueValidator(999)]

    def clean_order(self):
        return self.cleaned_data.get("order") or 0


class StatementForm(ModelForm):
    class Meta:
        model = Statement
        fields = [
            "title",
            "meeting",
            "delivered_on",
            "delivered_by",
            "state",
            "is_joint",
            "text",
            "url",
            "is_published",
        ]
        widgets = {"text": forms.Textarea(attrs={"rows": 6}), "delivered_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.order_by("-start_date", "title_en")
        self.fields["state"].queryset = State.objects.order_by("name_en")


class PanelsForm(forms.Form):
    panels = ModelMultipleChoiceField(
        label=_("Panels and meetings"),
        queryset=Meeting.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("The speakers' gender balance of each linked meeting shows on the item."),
    )

    def __init__(self, *args, year: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        qs = Meeting.objects.filter(kind__in=PANEL_KINDS).order_by("-start_date", "title_en")
        if year is not None:
            qs = qs.filter(start_date__year__in=[year, year + 1]) | Meeting.objects.filter(
                pk__in=self.initial.get("panels", [])
            )
        self.fields["panels"].queryset = qs.distinct().order_by("-start_date", "title_en")


class ContactForm(ModelForm):
    class Meta:
        model = Contact
        fields = ["state", "contacted_on", "channel", "person", "answer", "answered_on"]
        widgets = {"contacted_on": DATE, "answered_on": DATE, "answer": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].queryset = State.objects.order_by("name_en")
