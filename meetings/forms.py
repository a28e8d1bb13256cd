"""ISU forms for meetings and committee activity. They validate input; the rules live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.models import Role, User
from committee.models import Committee
from core.fields import CharField, ModelChoiceField, ModelForm, ModelMultipleChoiceField
from core.translation import field_names, per_language
from core.uploads import validate_document
from states.models import Organisation, State

from .models import (
    BilateralSeries,
    FollowUp,
    FollowUpStatus,
    Gender,
    IAStep,
    IndividualisedApproachRequest,
    Meeting,
    MeetingDocument,
    MeetingKind,
    PanelSpeaker,
    PriorityAction,
    PriorityActionPeriod,
    SpeakerRole,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
HOST_KINDS = [MeetingKind.INTERSESSIONAL, MeetingKind.MSP, MeetingKind.REVIEW_CONFERENCE]


def _states():
    return State.objects.order_by("name_en")


class MeetingForm(ModelForm):
    committees = ModelMultipleChoiceField(
        label=_("Organising committees"),
        queryset=Committee.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    states = ModelMultipleChoiceField(
        label=_("Participating States"),
        queryset=_states(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Hold Ctrl (or ⌘) to choose several."),
    )
    organisations = ModelMultipleChoiceField(
        label=_("Participating organisations"),
        queryset=Organisation.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
    )

    class Meta:
        model = Meeting
        fields = [
            "kind",
            "status",
            "code",
            *field_names("title"),
            "start_date",
            "end_date",
            "place",
            "is_online",
            "committees",
            "with_presidency",
            "state",
            "states",
            "organisations",
            "parent",
            "series",
            *field_names("purpose"),
            *field_names("committee_aims"),
            *field_names("topics"),
            "outcome",
            "notes",
        ]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            **per_language("purpose", lambda: forms.Textarea(attrs={"rows": 3})),
            **per_language("committee_aims", lambda: forms.Textarea(attrs={"rows": 2})),
            **per_language("topics", lambda: forms.Textarea(attrs={"rows": 3})),
            "outcome": forms.Textarea(attrs={"rows": 3}),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].required = False
        self.fields["end_date"].required = False
        self.fields["state"].queryset = _states()
        parents = Meeting.objects.filter(kind__in=HOST_KINDS)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
            self.fields["committees"].initial = self.instance.committees.all()
        self.fields["parent"].queryset = parents.order_by("-start_date")

    def _post_clean(self):
        # The service checks dates and uniqueness and reports them next to the field; skip model validation.
        pass


class DocumentForm(ModelForm):
    class Meta:
        model = MeetingDocument
        fields = ["title", "kind", "language", "file", "is_published"]

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload and hasattr(upload, "size"):
            validate_document(upload)
        return upload


class DocumentEditForm(ModelForm):
    class Meta:
        model = MeetingDocument
        fields = ["title", "kind", "language", "is_published"]


class SpeakerForm(ModelForm):
    class Meta:
        model = PanelSpeaker
        fields = [
            "name",
            "gender",
            "role",
            "function",
            "affiliation_state",
            "affiliation_organisation",
            "affiliation_text",
            "order",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["affiliation_state"].queryset = _states()
        self.fields["order"].required = False
        self.fields["gender"].choices = Gender.choices
        self.fields["role"].choices = SpeakerRole.choices

    def _post_clean(self):
        pass


class FollowUpForm(ModelForm):
    class Meta:
        model = FollowUp
        fields = ["action", "owner", "owner_user", "due_date", "state", "status", "notes"]
        widgets = {"due_date": DATE, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_user"].queryset = User.objects.filter(
            is_active=True, role__in=[Role.ISU, Role.CHAIR, Role.MEMBER]
        ).order_by("last_name")
        self.fields["state"].queryset = _states()
        self.fields["state"].help_text = _("Left empty, the State the meeting was held with.")
        self.fields["status"].choices = FollowUpStatus.choices

    def _post_clean(self):
        pass


class BilateralSeriesForm(ModelForm):
    committees = ModelMultipleChoiceField(
        label=_("Committees taking part"),
        queryset=Committee.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = BilateralSeries
        fields = ["title", "start_date", "end_date", "committees", "with_presidency", *field_names("purpose")]
        widgets = {
            "start_date": DATE,
            "end_date": DATE,
            **per_language("purpose", lambda: forms.Textarea(attrs={"rows": 3})),
        }

    def _post_clean(self):
        pass


class PlannedBilateralForm(forms.Form):
    """One row of a series: rendered as a table row, hence the Bootstrap classes on the widgets."""

    state = ModelChoiceField(
        label=_("State"), queryset=_states(), widget=forms.Select(attrs={"class": "form-select form-select-sm"})
    )
    date = forms.DateField(
        label=_("Date"),
        widget=forms.DateInput(attrs={"type": "date", "class": "form-control form-control-sm"}, format="%Y-%m-%d"),
    )
    place = CharField(
        label=_("Place"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )
    is_online = forms.BooleanField(
        label=_("Online"), required=False, widget=forms.CheckboxInput(attrs={"class": "form-check-input"})
    )
    notes = CharField(
        label=_("Notes"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 1, "class": "form-control form-control-sm"}),
    )


PlannedBilateralFormSet = forms.formset_factory(PlannedBilateralForm, extra=3, min_num=1, validate_min=True)


IA_TEXT_FIELDS = [*field_names("support"), *field_names("outcome")]
IA_TEXT_WIDGETS = per_language("outcome", lambda: forms.Textarea(attrs={"rows": 2}))


class IARequestForm(ModelForm):
    class Meta:
        model = IndividualisedApproachRequest
        fields = ["state", "committee", "requested_on", "requested_at", *IA_TEXT_FIELDS, "notes"]
        widgets = {"requested_on": DATE, **IA_TEXT_WIDGETS, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].queryset = _states()
        self.fields["requested_at"].queryset = Meeting.objects.filter(kind__in=HOST_KINDS).order_by("-start_date")


class IARequestEditForm(ModelForm):
    class Meta:
        model = IndividualisedApproachRequest
        fields = ["committee", "requested_on", "requested_at", "final_report_url", *IA_TEXT_FIELDS, "notes"]
        widgets = {"requested_on": DATE, **IA_TEXT_WIDGETS, "notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["requested_at"].queryset = Meeting.objects.filter(kind__in=HOST_KINDS).order_by("-start_date")

    def _post_clean(self):
        pass


class IAAdvanceForm(forms.Form):
    to = forms.ChoiceField(label=_("Next step"), choices=IAStep.choices)
    on = forms.DateField(label=_("Date of this step"), widget=DATE)
    meeting = ModelChoiceField(
        label=_("Individualised approach meeting"),
        queryset=Meeting.objects.none(),
        required=False,
        help_text=_("Record the meeting first if it is not in the list."),
    )
    final_report_url = forms.URLField(label=_("Final report address"), required=False, assume_scheme="https")

    def __init__(self, *args, ia_request=None, **kwargs):
        super().__init__(*args, **kwargs)
        if ia_request is not None:
            self.fields["meeting"].queryset = Meeting.objects.filter(
                kind=MeetingKind.INDIVIDUALISED_APPROACH, state=ia_request.state
            ).order_by("-start_date")
            if ia_request.next_step:
                self.fields["to"].initial = ia_request.next_step
            self.fields["meeting"].initial = ia_request.meeting_id


class PriorityActionForm(ModelForm):
    class Meta:
        model = PriorityAction
        fields = ["number", *field_names("text"), "status", "carried_over_from", "notes", "meetings", "followups"]
        widgets = {
            **per_language("text", lambda: forms.Textarea(attrs={"rows": 3})),
            "notes": forms.Textarea(attrs={"rows": 3}),
            "meetings": forms.SelectMultiple(attrs={"size": 8}),
            "followups": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meetings"].queryset = Meeting.objects.order_by("-start_date")
        self.fields["followups"].queryset = FollowUp.objects.select_related("meeting").order_by("-pk")
        self.fields["meetings"].required = False
        self.fields["followups"].required = False
        earlier = PriorityAction.objects.select_related("period").order_by("-period__start_year", "number")
        if self.instance.pk:
            earlier = earlier.exclude(pk=self.instance.pk).filter(
                period__start_year__lt=self.instance.period.start_year
            )
        self.fields["carried_over_from"].queryset = earlier

    def _post_clean(self):
        pass


class PriorityActionCreateForm(PriorityActionForm):
    period = ModelChoiceField(label=_("Period"), queryset=PriorityActionPeriod.objects.all())

    class Meta(PriorityActionForm.Meta):
        fields = ["period", *PriorityActionForm.Meta.fields]


class PriorityPeriodForm(ModelForm):
    class Meta:
        model = PriorityActionPeriod
        fields = ["committee", "start_year", "end_year", "adopted_at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["adopted_at"].queryset = Meeting.objects.filter(
            kind__in=[MeetingKind.MSP, MeetingKind.REVIEW_CONFERENCE]
        ).order_by("-start_date")

    def _post_clean(self):
        pass
