from django import forms
from django.utils.translation import gettext_lazy as _

from states.models import State


class MembershipForm(forms.Form):
    state = forms.ModelChoiceField(label=_("State"), queryset=State.objects.order_by("name_en"))
    term_start = forms.IntegerField(label=_("First year of the two-year term"), min_value=1999, max_value=2100)


class CommitteeYearForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1999, max_value=2100)
    chair = forms.ModelChoiceField(label=_("Chair"), queryset=State.objects.order_by("name_en"), required=False)
    gender_focal_point = forms.ModelChoiceField(
        label=_("Gender focal point"), queryset=State.objects.order_by("name_en"), required=False
    )
