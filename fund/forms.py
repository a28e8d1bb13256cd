from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import CharField, ModelChoiceField, ModelForm, NumberField, NumberInput
from core.uploads import validate_document
from states.models import Organisation, State

from .models import MONEY, Application, Purpose, TermsOfReference
from .money import currency_choices
from .services import Decision

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def money_field(label, **kwargs) -> NumberField:
    return NumberField(label=label, min_value=Decimal("0.01"), **MONEY, **kwargs)


class CurrencyField(forms.ChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Currency"))
        super().__init__(choices=currency_choices, **kwargs)


class TermsForm(ModelForm):
    class Meta:
        model = TermsOfReference
        fields = ["version", "title", "in_force_from", "summary", "file"]
        widgets = {"in_force_from": DATE, "summary": forms.Textarea(attrs={"rows": 10})}
        help_texts = {"summary": _("The text of the terms of reference and guidelines, or a summary of the document.")}

    def clean(self):
        data = super().clean()
        if not data.get("summary", "").strip() and not data.get("file"):
            self.add_error("summary", _("Give the text of the terms of reference, a document, or both."))
        return data


class ContributionForm(forms.Form):
    contributor_state = ModelChoiceField(
        label=_("Contributing State"), queryset=State.objects.order_by("name_en"), required=False
    )
    contributor_organisation = ModelChoiceField(
        label=_("or contributing organisation"), queryset=Organisation.objects.all(), required=False
    )
    amount = money_field(_("Amount"))
    currency = CurrencyField()
    received_on = forms.DateField(label=_("Date received"), widget=DATE)
    earmarking = CharField(
        label=_("Earmarking"),
        max_length=300,
        required=False,
        help_text=_("Leave empty when the contribution is not earmarked."),
    )
    note = CharField(label=_("Note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)

    def clean(self):
        data = super().clean()
        if bool(data.get("contributor_state")) == bool(data.get("contributor_organisation")):
            self.add_error("contributor_state", _("Choose either a State or an organisation (one of the two)."))
        return data


class ApplicationForm(ModelForm):
    currency = CurrencyField(initial="EUR")
    requested_amount = money_field(_("Requested amount"))

    class Meta:
        model = Application
        fields = [
            "title",
            "purpose",
            "purpose_other",
            "activities",
            "requested_amount",
            "currency",
            "start_date",
            "end_date",
            "timeline",
            "partners",
        ]
        widgets = {
            "purpose": forms.RadioSelect,
            "activities": forms.Textarea(attrs={"rows": 6}),
            "timeline": forms.Textarea(attrs={"rows": 4}),
            "partners": forms.Textarea(attrs={"rows": 3}),
            "start_date": DATE,
            "end_date": DATE,
        }
        help_texts = {
            "activities": _("What will be done, by whom, for whom; include how gender and diversity are considered."),
            "requested_amount": _("The budget lines below must add up to this amount."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["purpose"].choices = Purpose.choices  # radio buttons without the empty "---------"

    def clean(self):
        data = super().clean()
        if data.get("purpose") == Purpose.OTHER and not data.get("purpose_other", "").strip():
            self.add_error("purpose_other", _("Describe the purpose."))
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The activities must end on or after the day they start."))
        return data

    def service_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class BudgetLineForm(forms.Form):
    description = CharField(label=_("Item"), max_length=300, widget=forms.TextInput(attrs={"class": "form-control"}))
    amount = money_field(
        _("Amount"),
        widget=NumberInput(attrs={"class": "form-control text-end js-budget-amount"}, decimal=True),
    )


class BaseBudgetFormSet(forms.BaseFormSet):
    def lines(self) -> list[tuple[str, Decimal]]:
        return [
            (f.cleaned_data["description"], f.cleaned_data["amount"])
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]

    def add_budget_error(self, message: str) -> None:
        self._non_form_errors = self.error_class([message], renderer=self.renderer)


BudgetFormSet = forms.formset_factory(
    BudgetLineForm, formset=BaseBudgetFormSet, extra=0, can_delete=True, min_num=1, validate_min=True
)


class SubmitForm(forms.Form):
    """Submitting asks nothing more: the page shows what will be sent and the checks."""


class ScreenForm(forms.Form):
    eligible = forms.TypedChoiceField(
        label=_("Outcome"),
        choices=[("yes", _("Eligible under the terms of reference")), ("no", _("Not eligible (reject)"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    note = CharField(
        label=_("Screening note"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("How the application meets, or does not meet, each criterion of the terms of reference."),
    )


class GenderReviewForm(forms.Form):
    assessment = CharField(
        label=_("Gender-perspective assessment"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "How do the activities consider gender and the diverse needs of affected communities (women, girls, "
            "boys and men; age; disability; other diversity factors)? Are participants and beneficiaries balanced? "
            "Are data disaggregated? What should be strengthened?"
        ),
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(label=_("Decision"), choices=Decision.CHOICES, widget=forms.RadioSelect)
    reasons = CharField(
        label=_("Reasons"),
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Sent to the State; for a revision, say what must change."),
    )
    approved_amount = money_field(
        _("Approved amount"), required=False, help_text=_("When approving; the requested amount if left empty.")
    )
    final_report_due = forms.DateField(
        label=_("Final report due"),
        widget=DATE,
        required=False,
        help_text=_("When approving; three months after the activities end if left empty."),
    )


class DisbursementForm(forms.Form):
    amount = money_field(_("Amount"))
    paid_on = forms.DateField(label=_("Paid on"), widget=DATE)
    reference = CharField(label=_("Payment reference"), max_length=100, required=False)


class FinalReportUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Final report"), help_text=_("PDF, Word or OpenDocument, up to 20 MB."), validators=[validate_document]
    )


class FinalReportReceiveForm(forms.Form):
    file = forms.FileField(
        label=_("Final report"),
        required=False,
        validators=[validate_document],
        help_text=_("Only if the State sent it another way (e.g. by e-mail); otherwise the uploaded report is used."),
    )
    note = CharField(label=_("Note to the State"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class CloseForm(forms.Form):
    note = CharField(label=_("Closing note"), widget=forms.Textarea(attrs={"rows": 3}), required=False)
