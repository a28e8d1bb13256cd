"""Helpers for the translation tests: the catalogues, compiled when needed, and a fresh extraction to compare with.

The compiled catalogues (.mo) are not committed: `make` builds them. Tests that read French or Spanish pages
call `ensure_compiled()` (a session fixture does) so they also pass on a fresh clone.
"""

import fcntl
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ["fr", "es"]
# What makemessages must not read in the copy (the Makefile runs it with --ignore=.venv --ignore=var).
COPY_IGNORE = shutil.ignore_patterns(
    ".venv", ".git", "var", "node_modules", "__pycache__", "*.sqlite3", "*.mo", "media", "vendor", "bench", "e2e"
)


def po_path(language: str, domain: str = "django") -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{domain}.po"


def read_catalogue(path: Path):
    with path.open("rb") as f:
        return read_po(f, abort_invalid=True)


def _compile_one(po: Path, mo: Path) -> None:
    msgfmt = shutil.which("msgfmt")
    if msgfmt:
        subprocess.run([msgfmt, "--check-format", "-o", str(mo), str(po)], check=True, capture_output=True)
        return
    with mo.open("wb") as f:  # no gettext tools: Babel writes the same binary format Django reads
        write_mo(f, read_catalogue(po))


def ensure_compiled() -> list[Path]:
    """Compile every catalogue whose .mo is missing or older than its .po; forget Django's cached catalogues."""
    lock_path = Path(tempfile.gettempdir()) / "apmbc-compilemessages.lock"
    compiled = []
    with lock_path.open("w") as lock:  # parallel test workers compile once, one at a time
        fcntl.flock(lock, fcntl.LOCK_EX)
        for po in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
            mo = po.with_suffix(".mo")
            if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
                tmp = mo.with_suffix(".mo.tmp")
                _compile_one(po, tmp)
                tmp.replace(mo)
                compiled.append(mo)
    if compiled:
        from django.utils.translation import trans_real

        trans_real._translations = {}
        trans_real._default = None
        for cached in (trans_real.check_for_language, trans_real.get_supported_language_variant):
            getattr(cached, "cache_clear", lambda: None)()
    return compiled


def fresh_extraction(workdir: Path) -> dict[str, Path]:
    """Run Django's makemessages on a copy of the project (never touching locale/); the new .po per language."""
    project = workdir / "project"
    shutil.copytree(settings.BASE_DIR, project, ignore=COPY_IGNORE, symlinks=True)
    shutil.rmtree(project / "locale", ignore_errors=True)
    (project / "locale").mkdir()
    args = [sys.executable, "manage.py", "makemessages", "--no-obsolete", "--no-location"]
    for language in LANGUAGES:
        args += ["-l", language]
    subprocess.run(args, cwd=project, check=True, capture_output=True, text=True)
    return {language: project / "locale" / language / "LC_MESSAGES" / "django.po" for language in LANGUAGES}


def message_key(message) -> tuple:
    return (message.context, message.id if isinstance(message.id, str) else tuple(message.id))
