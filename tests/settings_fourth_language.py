"""The settings with a fourth language, German: what `tests/test_fourth_language.py` proves is all it takes."""

from config.settings import *  # noqa: F403
from config.settings import LANGUAGES

LANGUAGES = [*LANGUAGES, ("de", "Deutsch")]
