import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from core.converters import MAX_YEAR, MIN_YEAR
from core.fields import CharField, ModelChoiceField, ModelForm, NumberField, ordinal_field, year_field
from core.uploads import validate_document
from states.models import Region, State

from .models import CycleStatus, ReportingCycle
from .selectors import STATUSES


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


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


class RecordReceivedForm(forms.Form):
    """A report received by e-mail, recorded by the ISU on behalf of the State."""

    state = ModelChoiceField(label=_("State"), queryset=State.objects.order_by("name_en"))
    year = year_field(_("Calendar year reported on"))
    received_on = forms.DateField(label=_("Date received"), widget=DateInput())
    document = forms.FileField(
        label=_("Report document"),
        validators=[validate_document],
        help_text=_("PDF, Word, OpenDocument or Excel, as the State sent it."),
    )
    area_contaminated_m2 = NumberField(
        label=_("Area suspected or confirmed to contain mines (m²)"),
        required=False,
        min_value=0,
        max_digits=18,
        decimal_places=2,
    )
    area_released_m2 = NumberField(
        label=_("Area released in the year (m²)"), required=False, min_value=0, max_digits=18, decimal_places=2
    )
    mines_destroyed = NumberField(label=_("Mines destroyed"), required=False, min_value=0)
    mines_retained = NumberField(label=_("Mines retained"), required=False, min_value=0)
    mines_stockpiled = NumberField(label=_("Mines stockpiled"), required=False, min_value=0)

    def clean_year(self):
        year = self.cleaned_data["year"]
        if not ReportingCycle.objects.filter(year=year).exists():
            raise forms.ValidationError(
                _("The reporting on %(year)s is not open: open the cycle first (Reporting cycles).") % {"year": year}
            )
        return year

    def clean_received_on(self):
        value = self.cleaned_data["received_on"]
        if value > datetime.date.today() + datetime.timedelta(days=1):
            raise forms.ValidationError(_("The date received cannot be in the future."))
        return value

    def figures(self) -> dict:
        """The figures typed in, as raw sections for the service (empty sections left out)."""
        d = self.cleaned_data
        data = {}

        def put(key, names):
            values = {n: "" if d.get(n) is None else str(d[n]) for n in names}
            if any(values.values()):
                data[key] = {"mode": "filled", "fields": values, "rows": []}

        put("b", ["mines_stockpiled"])
        put("c", ["area_contaminated_m2", "area_released_m2"])
        put("d", ["mines_retained"])
        put("g", ["mines_destroyed"])
        return data


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
