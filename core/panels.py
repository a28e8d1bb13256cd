"""Pages that several apps contribute to (a State's page, the dashboard, "My State").

Each app may define `<app>/panels.py` with functions named after a hook, e.g.
`state_page(request, state) -> Panel | None`. The page calls `collect(hook, ...)` and renders the
panels in order, so a new app adds a panel without touching the others.
"""

from dataclasses import dataclass, field

from .modules import app_modules


@dataclass
class Panel:
    template: str
    context: dict = field(default_factory=dict)
    order: int = 100


def _panel_modules():
    return app_modules("panels")


def collect(hook: str, *args, **kwargs) -> list[Panel]:
    panels = []
    for module in _panel_modules():
        func = getattr(module, hook, None)
        if func is not None:
            result = func(*args, **kwargs)
            if result is not None:
                panels.append(result)
    return sorted(panels, key=lambda p: p.order)


@dataclass
class NavItem:
    label: str
    url: str
    section: str = "main"  # "main" for the top bar, "isu" for the ISU menu
    order: int = 100


def collect_nav(request) -> dict[str, list[NavItem]]:
    items: list[NavItem] = []
    for module in _panel_modules():
        func = getattr(module, "nav_items", None)
        if func is not None:
            items.extend(func(request))
    items.sort(key=lambda i: i.order)
    return {
        "nav_items": [i for i in items if i.section == "main"],
        "isu_nav_items": [i for i in items if i.section == "isu"],
    }
