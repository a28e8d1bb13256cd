"""Content stored per language (`<field>_en`, `<field>_fr`, `<field>_es`, …): which translations are missing.

Readers see English where a translation is missing (each model's property falls back); staff screens flag it:

    {% load translations %}{% if is_isu %}{% missing_translations meeting "title" %}{% endif %}
"""

from django import template
from django.conf import settings

register = template.Library()


def missing_languages(obj, field: str = "title") -> list[tuple[str, str]]:
    """(code, name) of the site's languages other than English whose `<field>_<code>` is empty.

    Languages the model does not store (no such attribute) are skipped, so adding Arabic to LANGUAGES
    flags nothing until the model has a column for it.
    """
    out = []
    for code, name in settings.LANGUAGES:
        attr = f"{field}_{code}"
        if code == "en" or not hasattr(obj, attr):
            continue
        if not (getattr(obj, attr) or "").strip():
            out.append((code, str(name)))
    return out


@register.filter(name="missing_languages")
def missing_languages_filter(obj, field: str = "title") -> list[str]:
    return [name for _code, name in missing_languages(obj, field)]


@register.inclusion_tag("core/missing_translations.html")
def missing_translations(obj, field: str = "title"):
    missing = missing_languages(obj, field)
    return {"missing": missing, "names": ", ".join(name for _code, name in missing)}
