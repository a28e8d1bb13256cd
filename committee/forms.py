from django import forms
from django.utils.translation import gettext_lazy as _

from core.fields import ModelChoiceField, year_field
from states.models import State


class MembershipForm(forms.Form):
    state = ModelChoiceField(label=_("State"), queryset=State.objects.order_by("name_en"))
    term_start = year_field(_("First year of the two-year term"))


class CommitteeYearForm(forms.Form):
    year = year_field(_("Year"))
    chair = ModelChoiceField(label=_("Chair"), queryset=State.objects.order_by("name_en"), required=False)
    gender_focal_point = ModelChoiceField(
        label=_("Gender focal point"), queryset=State.objects.order_by("name_en"), required=False
    )
