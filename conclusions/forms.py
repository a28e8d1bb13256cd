from django import forms
from django.utils.translation import gettext_lazy as _

from committee.models import Committee
from core.fields import CharField, DateInput, ModelChoiceField, ModelForm, ordinal_field, year_field

from . import labels
from .models import DocumentLanguageVersion, Language, ParagraphKind, SectionKind, meeting_code_validator

MARKUP_HELP = _(
    "Italics: *text*. Superscript: 1^{er}, n^{os}. Oslo Action Plan actions: #45. "
    "A footnote where its number goes: ^[The note's text.]"
)
FINAL_HELP = _("Final: this language's text is locked.")


class DocumentCreateForm(forms.Form):
    committee = ModelChoiceField(label=_("Committee"), queryset=Committee.objects.order_by("order"))
    year = year_field(_("Year of the committee's work"))
    meeting_code = CharField(
        label=_("Meeting code"), max_length=12, validators=[meeting_code_validator], help_text=_("For example 22MSP.")
    )
    meeting_number = ordinal_field(_("Meeting number"), required=False)
    meeting_start = forms.DateField(label=_("Meeting starts"), required=False, widget=DateInput())
    meeting_end = forms.DateField(label=_("Meeting ends"), required=False, widget=DateInput())
    original_language = forms.ChoiceField(label=_("Original language"), choices=Language.choices, initial="en")
    languages = forms.MultipleChoiceField(
        label=_("Other languages"),
        choices=Language.choices,
        required=False,
        initial=["fr", "es"],
        widget=forms.CheckboxSelectMultiple,
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("meeting_start"), data.get("meeting_end")
        if start and end and end < start:
            self.add_error("meeting_end", _("The meeting cannot end before it starts."))
        return data


class DocumentSettingsForm(forms.Form):
    year = year_field(_("Year of the committee's work"))
    meeting_code = CharField(label=_("Meeting code"), max_length=12, validators=[meeting_code_validator])
    meeting_number = ordinal_field(_("Meeting number"), required=False)
    meeting_start = forms.DateField(label=_("Meeting starts"), required=False, widget=DateInput())
    meeting_end = forms.DateField(label=_("Meeting ends"), required=False, widget=DateInput())
    original_language = forms.ChoiceField(label=_("Original language"), choices=Language.choices)

    def clean(self):
        data = super().clean()
        start, end = data.get("meeting_start"), data.get("meeting_end")
        if start and end and end < start:
            self.add_error("meeting_end", _("The meeting cannot end before it starts."))
        return data


class VersionForm(ModelForm):
    class Meta:
        model = DocumentLanguageVersion
        fields = [
            "symbol",
            "issue_date",
            "body",
            "meeting_name",
            "place_and_dates",
            "agenda_item",
            "agenda_title",
            "title",
            "subtitle",
        ]
        widgets = {
            "issue_date": DateInput(),
            "body": forms.Textarea(attrs={"rows": 2}),
            "title": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        document = self.instance.document
        try:
            pattern = labels.document_symbol(document, "<k>")
        except ValueError:
            return
        self.fields["symbol"].help_text = _("This meeting's documents: %(pattern)s, k the document's number.") % {
            "pattern": pattern
        }
        self.fields["meeting_name"].help_text = _("Left empty: %(name)s") % {
            "name": labels.meeting_header_name(document, self.instance.language) or "—"
        }
        self.fields["body"].help_text = _("Left empty: %(name)s") % {
            "name": labels.body_name(document, self.instance.language) or "—"
        }


class LanguageAddForm(forms.Form):
    language = forms.ChoiceField(label=_("Language"), choices=Language.choices)

    def __init__(self, *args, existing: list[str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [(c, n) for c, n in Language.choices if c not in existing]


def _language_label(code: str) -> str:
    return str(dict(Language.choices).get(code, code))


class ParagraphForm(forms.Form):
    """The kind of paragraph and its text in each of the document's languages."""

    kind = forms.ChoiceField(label=_("Kind"), choices=ParagraphKind.choices)

    def __init__(
        self,
        *args,
        languages: list[str],
        section_kind: str,
        locked: frozenset[str] = frozenset(),
        structure_locked: bool = False,
        **kwargs,
    ):
        """`locked`: final languages (their text is shown, not editable); `structure_locked`: the kind is fixed."""
        super().__init__(*args, **kwargs)
        self.languages = languages
        self.locked = set(locked)
        self.fields["kind"].disabled = structure_locked
        if structure_locked:
            self.fields["kind"].help_text = _("The original language is final: the document's structure is locked.")
        if section_kind == SectionKind.SECTION:
            self.fields["kind"].choices = [
                c for c in ParagraphKind.choices if c[0] in (ParagraphKind.NUMBERED, ParagraphKind.PLAIN)
            ]
        else:
            self.fields["kind"].choices = [
                c for c in ParagraphKind.choices if c[0] in (ParagraphKind.BULLET, ParagraphKind.PLAIN)
            ]
        for i, code in enumerate(languages):
            self.fields[f"text_{code}"] = CharField(
                label=_("Text (%(language)s)") % {"language": _language_label(code)},
                required=i == 0,
                widget=forms.Textarea(attrs={"rows": 9, "lang": code}),
                help_text=FINAL_HELP
                if code in self.locked
                else MARKUP_HELP
                if i == 0
                else _("Leave empty to mark the translation as missing."),
                strip=True,
                disabled=code in self.locked,
            )

    def texts(self) -> dict[str, str]:
        """The texts of the languages that are not final."""
        return {code: self.cleaned_data.get(f"text_{code}", "") for code in self.languages if code not in self.locked}


class SectionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=SectionKind.choices)

    def __init__(
        self, *args, languages: list[str], with_kind: bool = True, locked: frozenset[str] = frozenset(), **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.languages = languages
        self.locked = set(locked)
        if not with_kind:
            del self.fields["kind"]
        for i, code in enumerate(languages):
            self.fields[f"title_{code}"] = CharField(
                label=_("Title (%(language)s)") % {"language": _language_label(code)},
                required=i == 0,
                max_length=400,
                disabled=code in self.locked,
                help_text=FINAL_HELP if code in self.locked else "",
            )

    def titles(self) -> dict[str, str]:
        """The titles of the languages that are not final."""
        return {code: self.cleaned_data.get(f"title_{code}", "") for code in self.languages if code not in self.locked}


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", "up"), ("down", "down")])
