"""Content typed in several languages: one way to declare it, one fallback.

A model declares `title = TranslatedField(models.CharField, _("title"), max_length=300)`. That adds
one column per language of `settings.LANGUAGES` (`title_en`, `title_fr`, `title_es`), the source
language's required and the others optional, and makes `obj.title` read the active language,
falling back to the source language when that translation is empty. Adding a language is a line in
`settings.LANGUAGES`, the migration `makemigrations` then generates, and the catalogues; forms,
services and the API list the columns through `field_names("title")`.

Why ours and not django-modeltranslation or django-parler: the columns already exist under these
names in every table (a library would add a base column and data migrations, or move the texts to
other tables), and what is needed is twenty lines: columns generated from the settings and one
fallback. The conclusions keep a row per language for another reason (docs/translations.md).
"""

from django.conf import settings
from django.utils import translation
from django.utils.text import format_lazy


def languages() -> list[str]:
    """The codes of the languages content is typed in, the source language first."""
    source = source_language()
    return [source] + [code for code, _name in settings.LANGUAGES if code != source]


def source_language() -> str:
    return settings.LANGUAGE_CODE[:2]


def active_language() -> str:
    return (translation.get_language() or settings.LANGUAGE_CODE)[:2]


def field_names(*names: str) -> list[str]:
    """The columns of translated fields, e.g. field_names("title") == ["title_en", "title_fr", "title_es"]."""
    return [f"{name}_{code}" for name in names for code in languages()]


def other_languages() -> list[str]:
    """The languages a translation is typed in (all but the source language)."""
    return languages()[1:]


def per_language(name: str, value, *, source: bool = True) -> dict:
    """{column: value} for each language's column of `name` (the source language's too unless
    `source` is False); `value` may be a callable, called once per column (a widget, say)."""
    codes = languages() if source else other_languages()
    return {f"{name}_{code}": value() if callable(value) else value for code in codes}


def in_language(obj, name: str, language: str | None = None) -> str:
    """`obj.<name>` in `language` (the active one by default), the source language's when empty."""
    return shown_in(obj, name, language)[0]


def shown_in(obj, name: str, language: str | None = None) -> tuple[str, str]:
    """The text and the language it is actually in: (text, code). The fallback lives here only."""
    language = (language or active_language())[:2]
    text = getattr(obj, f"{name}_{language}", "") or ""
    if text:
        return text, language
    source = source_language()
    return getattr(obj, f"{name}_{source}", "") or "", source


class _Reader:
    """`obj.title`: the text in the active language, with the fallback."""

    def __init__(self, name: str):
        self.name = name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        return in_language(obj, self.name)


class TranslatedField:
    """Declares `<name>_<code>` for every language; see the module docstring."""

    def __init__(self, field_class, verbose_name, *, required: bool = True, **options):
        self.field_class = field_class
        self.verbose_name = verbose_name
        self.required = required
        self.options = options

    def contribute_to_class(self, cls, name: str) -> None:
        labels = dict(settings.LANGUAGES)
        for code in languages():
            options = dict(self.options)
            if code != source_language() or not self.required:
                options["blank"] = True
            field = self.field_class(format_lazy("{} ({})", self.verbose_name, labels[code]), **options)
            cls.add_to_class(f"{name}_{code}", field)
        setattr(cls, name, _Reader(name))
