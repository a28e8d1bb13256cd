from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.converters import MAX_YEAR, MIN_YEAR
from core.fields import CharField, DateInput, ModelChoiceField, ModelForm, ordinal_field, year_field
from core.uploads import validate_document
from states.models import Region, State

from .models import CycleStatus, ReportingCycle, SectionReview, VersionSource
from .selectors import STATUSES


class StartForm(forms.Form):
    prefill = forms.TypedChoiceField(
        label=_("Start from"),
        choices=[("yes", _("Last year's submitted report (pre-filled)")), ("no", _("An empty report"))],
        coerce=lambda v: v == "yes",
        initial="yes",
        widget=forms.RadioSelect,
    )


class InboxFilterForm(forms.Form):
    year = year_field(_("Reporting year"), required=False)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All")), *[(s, CycleStatus(s).label) for s in STATUSES], ("amended", _("Amended"))],
    )
    region = forms.ChoiceField(label=_("Region"), required=False, choices=[("", _("All")), *Region.choices])
    profile = forms.ChoiceField(
        label=_("Profile"),
        required=False,
        choices=[("", _("All")), ("affected", _("Affected States")), ("provider", _("Providers of assistance"))],
    )


class ReceivedForm(forms.Form):
    """ISU staff keying in a report on behalf of the State (submit page): how and when it was received."""

    channel = forms.ChoiceField(
        label=_("Received by"), choices=VersionSource.choices, initial=VersionSource.EMAIL, widget=forms.RadioSelect
    )
    received_on = forms.DateField(
        label=_("Date received"),
        widget=DateInput(),
        help_text=_("Decides whether a first submission is on time. Not in the future."),
    )
    document = forms.FileField(
        label=_("Document received"),
        required=False,
        validators=[validate_document],
        help_text=_("Optional: the report as the State sent it (PDF, Word, OpenDocument or Excel)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        today = timezone.localdate()
        self.fields["received_on"].initial = today
        self.fields["received_on"].widget.attrs["max"] = today.isoformat()

    def clean_received_on(self):
        value = self.cleaned_data["received_on"]
        if value > timezone.localdate():
            raise forms.ValidationError(_("The date received cannot be in the future."))
        return value


class RecallForm(forms.Form):
    reason = CharField(
        label=_("Reason for the recall"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("E.g. sent by mistake, or withdrawn by the State. Kept with the version and in the audit log."),
        max_length=2000,
    )


class SectionRemarksForm(ModelForm):
    class Meta:
        model = SectionReview
        fields = ["isu_remarks"]
        widgets = {"isu_remarks": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "isu_remarks": _("Internal: read by the ISU and the committee, never public, never shown to the State.")
        }


class CycleDeadlineForm(ModelForm):
    class Meta:
        model = ReportingCycle
        fields = ["deadline", "note", "online_tool_promoted_by"]
        widgets = {"deadline": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["deadline"].required = True


class CycleCreateForm(forms.Form):
    """ISU: open the reporting on a calendar year (the deadline defaults to 30 April of the next)."""

    year = year_field(_("Calendar year reported on"), min_value=MIN_YEAR, max_value=MAX_YEAR)
    deadline = forms.DateField(
        label=_("Deadline"),
        required=False,
        widget=DateInput(),
        help_text=_("Leave empty for 30 April of the following year."),
    )
    note = CharField(label=_("Note"), max_length=300, required=False)


class ExtensionForm(forms.Form):
    state = ModelChoiceField(label=_("State"), queryset=State.objects.order_by("name_en"))
    new_deadline = forms.DateField(label=_("New deadline"), widget=DateInput())
    reason = CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))


class CompareForm(forms.Form):
    a = ordinal_field(_("From version"))
    b = ordinal_field(_("To version"))
