"""Imports run one way (issue 20): tasks import services, services never import their own tasks;
no app imports `config` (config imports the apps); meetings never imports conclusions.

Every module's imports are read with `ast`, those inside functions included, so a lazy import
cannot hide a tie.
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = sorted(p.parent.name for p in ROOT.glob("*/apps.py"))


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(name: str) -> bool:
    path = ROOT.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports_of(path: Path) -> set[str]:
    """The project-absolute names of the modules `path` imports, anywhere in the file."""
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            found.add(source)
            # `from . import tasks` / `from reminders import tasks` import the submodule itself
            found.update(f"{source}.{a.name}" for a in node.names if _is_module(f"{source}.{a.name}"))
    return {name for name in found if name}


def app_modules(app: str, *, with_tests: bool = True) -> dict[str, set[str]]:
    modules = {}
    for path in sorted((ROOT / app).rglob("*.py")):
        if not with_tests and "tests" in path.relative_to(ROOT / app).parts:
            continue
        modules[_module_name(path)] = imports_of(path)
    return modules


def _imports(imported: set[str], target: str) -> bool:
    return any(name == target or name.startswith(target + ".") for name in imported)


def test_the_scan_sees_lazy_and_relative_imports():
    # the checks below mean something only if these known imports are found
    assert "reminders.services" in imports_of(ROOT / "reminders" / "tasks.py")  # `from . import services`
    assert "meetings.selectors" in imports_of(ROOT / "conclusions" / "demo.py")  # inside load()
    assert {"reminders", "questionnaires", "conclusions", "meetings", "fund", "ops"} <= set(APPS)


def test_no_services_module_imports_its_own_tasks_module():
    offenders = [
        f"{app}/services.py imports {app}.tasks: enqueue by name instead, "
        f'e.g. enqueue_on_commit("{app}.tasks.<task>", pk) (ops/tasks.py)'
        for app in APPS
        if (ROOT / app / "services.py").is_file() and _imports(imports_of(ROOT / app / "services.py"), f"{app}.tasks")
    ]
    assert offenders == []


def test_no_app_module_imports_config():
    offenders = [
        f"{module} imports {name}: config imports the apps, so the apps may not import config"
        for app in APPS
        for module, imported in app_modules(app, with_tests=False).items()
        for name in sorted(imported)
        if name == "config" or name.startswith("config.")
    ]
    assert offenders == []


def test_meetings_never_imports_conclusions():
    offenders = [
        f"{module} imports {name}: conclusions may import meetings, never the reverse"
        for module, imported in app_modules("meetings").items()
        for name in sorted(imported)
        if name == "conclusions" or name.startswith("conclusions.")
    ]
    assert offenders == []


def test_no_import_cycle_among_the_services_and_tasks_modules():
    nodes = [f"{app}.{kind}" for app in APPS for kind in ("services", "tasks") if _is_module(f"{app}.{kind}")]
    edges = {
        node: sorted(other for other in nodes if other != node and _imports(imports_of(_path(node)), other))
        for node in nodes
    }
    cycles = []

    def walk(node: str, trail: list[str]) -> None:
        for other in edges[node]:
            if other in trail:
                cycle = trail[trail.index(other) :] + [other]
                if min(cycle[:-1]) == cycle[0]:  # report each cycle once, from its smallest name
                    cycles.append(" -> ".join(cycle))
            else:
                walk(other, [*trail, other])

    for node in nodes:
        walk(node, [node])
    assert cycles == [], "import cycles (tasks import services; services enqueue tasks by name)"


def _path(module: str) -> Path:
    path = ROOT.joinpath(*module.split("."))
    return path.with_suffix(".py") if path.with_suffix(".py").is_file() else path / "__init__.py"
