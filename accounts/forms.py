from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from core.fields import ModelChoiceField, ModelForm
from states.models import State

from .models import User


class ProfileForm(ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "title", "phone", "preferred_language"]


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = forms.CharField(label=_("First name"), max_length=150, required=False)
    last_name = forms.CharField(label=_("Last name"), max_length=150, required=False)
    state = ModelChoiceField(label=_("State"), queryset=State.objects.order_by("name_en"))
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)
