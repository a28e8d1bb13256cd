"""Control characters in what users send (NUL, form feed, escape...), the one definition.

PostgreSQL refuses NUL in text and JSON (a 500), and the others break the exports (XML in XLSX,
PDF) while being invisible on screen. Tab, line feed and carriage return are text.
- Forms: every text field (core.fields.CharField, which core.fields.ModelForm and core.admin put on
  model fields) refuses them next to the field; on screen they show as
  U+FFFD so that the user sees where they are.
- Drafts saved as typed, valid or not (report sections and C&A rows, questionnaire answers): their
  services strip them (`strip_tree`), and the views say so.
- URLs (core.middleware): a path with one is not found; they are removed from query strings.
"""

import re
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
REPLACEMENT = "\ufffd"


def has_control_characters(value: str) -> bool:
    return CONTROL_CHARACTERS.search(value) is not None


def strip_control_characters(value: str) -> str:
    return CONTROL_CHARACTERS.sub("", value)


def mark_control_characters(value: str) -> str:
    """The text as shown back in a form: each control character as �."""
    return CONTROL_CHARACTERS.sub(REPLACEMENT, value)


def _key(key: Any) -> Any:
    return strip_control_characters(key) if isinstance(key, str) else key


def strip_tree(value: Any) -> tuple[Any, list[tuple]]:
    """`value` (str, or dicts and lists of them, as JSON) without control characters, and the paths
    (tuples of keys and indexes) of the strings that had some."""
    paths: list[tuple] = []

    def walk(node: Any, path: tuple) -> Any:
        if isinstance(node, str):
            if has_control_characters(node):
                paths.append(path)
                return strip_control_characters(node)
            return node
        if isinstance(node, dict):
            return {_key(k): walk(v, (*path, k)) for k, v in node.items()}
        if isinstance(node, list | tuple):
            return [walk(v, (*path, i)) for i, v in enumerate(node)]
        return node

    return walk(value, ()), paths


def warn_removed(request, labels: list[str]) -> None:
    """Tell the user that what they typed in these fields was saved without its control characters."""
    if labels:
        fields = ", ".join(dict.fromkeys(str(label).rstrip(" .:?") for label in labels))
        messages.warning(
            request,
            gettext("Invisible control characters (for example from a copy and paste) were removed from: %(fields)s.")
            % {"fields": fields},
        )


@deconstructible
class ControlCharactersValidator:
    message = _(
        "This text contains invisible control characters (shown as “�”), for example from a copy and "
        "paste: delete them and save again."
    )
    code = "control_characters"

    def __call__(self, value) -> None:
        if isinstance(value, str) and has_control_characters(value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other) -> bool:
        return isinstance(other, ControlCharactersValidator)
