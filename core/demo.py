"""Demo data: each app may define `<app>/demo.py` with `load(ctx: DemoContext) -> None`.

`python manage.py load_demo` calls them in INSTALLED_APPS order inside one transaction. Every
loader must be idempotent (get_or_create / update_or_create on natural keys).
"""

from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings

from .modules import app_modules

DATA_DIR = Path(settings.BASE_DIR) / "data"
DEMO_PASSWORD = "demo-2023-cooperation"


@dataclass
class DemoContext:
    stdout: object = None
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # (role, e-mail, password)

    @property
    def cycle(self) -> dict:
        with open(DATA_DIR / "cycle_2023.yaml", encoding="utf-8") as fh:
            return yaml.safe_load(fh)

    @property
    def texts(self) -> dict:
        """What the 2023 records say in each language (data/cycle_2023_texts.yaml)."""
        with open(DATA_DIR / "cycle_2023_texts.yaml", encoding="utf-8") as fh:
            return yaml.safe_load(fh)

    def log(self, message: str) -> None:
        if self.stdout is not None:
            self.stdout.write(message)


def spanish_paragraphs() -> list[str]:
    """The Spanish 2023 conclusions, one string per paragraph (used by the conclusions and meetings demos)."""
    with open(DATA_DIR / "conclusions-2023-es.yaml", encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def translated(name: str, texts: dict | None) -> dict[str, str]:
    """The columns of a translated field from {language: text or list of lines}: {"purpose_en": "…", …}."""
    return {f"{name}_{lang}": "\n".join(v) if isinstance(v, list) else v for lang, v in (texts or {}).items()}


def demo_modules():
    """Each app's `demo` module that defines `load(ctx)`, in INSTALLED_APPS order (core's own
    `demo` module, this one, holds the helpers and loads nothing)."""
    for module in app_modules("demo"):
        if callable(getattr(module, "load", None)):
            yield module


def upsert(model, defaults: dict | None = None, **lookup):
    """update_or_create that writes (and records history) only when something differs."""
    defaults = defaults or {}
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **defaults), True
    changed = [
        k
        for k, v in defaults.items()
        if getattr(obj, k if not hasattr(v, "pk") else f"{k}_id") != (v.pk if hasattr(v, "pk") else v)
    ]
    if changed:
        for k in changed:
            setattr(obj, k, defaults[k])
        obj.save(update_fields=changed)
    return obj, False
