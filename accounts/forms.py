from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from core.fields import CharField, ModelChoiceField, ModelForm
from states.models import State

from . import tokens
from .models import Role, User


class ProfileForm(ModelForm):
    class Meta:
        model = User
        fields = ["first_name", "last_name", "title", "phone", "preferred_language"]


class InviteForm(forms.Form):
    email = forms.EmailField(label=_("E-mail address"))
    first_name = CharField(label=_("First name"), max_length=150, required=False)
    last_name = CharField(label=_("Last name"), max_length=150, required=False)
    state = ModelChoiceField(label=_("State"), queryset=State.objects.order_by("name_en"))
    role = forms.ChoiceField(
        label=_("Access"),
        choices=[
            (Role.DELEGATE, _("Delegate: fills in and submits the State's reports, answers and applications")),
            (Role.READER, _("Read-only: sees the State's drafts and private pages, changes nothing")),
        ],
        initial=Role.DELEGATE,
        widget=forms.RadioSelect,
    )
    preferred_language = forms.ChoiceField(label=_("Preferred language"), choices=settings.LANGUAGES)


def _lifetime_label(days: int) -> str:
    return ngettext("%(days)d day", "%(days)d days", days) % {"days": days}


class ApiTokenForm(forms.Form):
    name = CharField(
        label=_("Name"), max_length=100, help_text=_("What the token is for, e.g. the script that uses it.")
    )
    days = forms.TypedChoiceField(label=_("Valid for"), coerce=int)
    code = CharField(
        label=_("Six-digit code from your authenticator app"),
        help_text=_("Asked again because you last entered a code some time ago."),
        max_length=6,
        min_length=6,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, ask_code: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["days"].choices = [(d, _lifetime_label(d)) for d in tokens.lifetime_choices()]
        self.fields["days"].initial = settings.API_TOKEN_DEFAULT_DAYS
        if not ask_code:
            del self.fields["code"]

    def clean_name(self) -> str:
        return self.cleaned_data["name"].strip()


class ApiTokenFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Show"),
        required=False,
        choices=[("active", _("Active tokens")), ("all", _("All tokens"))],
    )
