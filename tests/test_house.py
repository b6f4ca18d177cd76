"""The house rules of docs/ARCHITECTURE.md ("Inside an app", "Dependencies"), read from the code.

They are checked by reading every module's imports with `ast`, so they hold for imports inside
functions too. Migrations are generated code and are left out of the size rule.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PILLARS = ("disclosure", "approvals", "petitions", "evaluation", "supervision")
APPS = ("portal", *PILLARS)
MAX_LINES = 450
# The one dependency between pillars besides supervision, which every pillar feeds.
ALLOWED_BETWEEN_PILLARS = {("approvals", "disclosure")}


def app_modules(*, with_migrations: bool = True) -> list[Path]:
    paths = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if not with_migrations and "migrations" in path.parts:
                continue
            paths.append(path)
    return paths


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(source: str, *, package: str) -> list[tuple[str, list[str]]]:
    """Return (imported module, imported names) for every import in the source."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend((alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                # A relative import stays inside the app; only its app matters to the rules.
                module = ".".join(filter(None, [package.split(".")[0], node.module]))
            else:
                module = node.module or ""
            found.append((module, [alias.name for alias in node.names]))
    return found


def import_direction_breaches(app: str, source: str, *, package: str) -> list[str]:
    """Return the pillar imports that `docs/ARCHITECTURE.md` forbids for a module of `app`."""
    breaches = []
    for module, _names in imports_of(source, package=package):
        target = module.split(".")[0]
        if target not in PILLARS or target == app:
            continue
        allowed = (
            app != "portal"
            and app != "supervision"
            and (target == "supervision" or (app, target) in ALLOWED_BETWEEN_PILLARS)
        )
        if not allowed:
            breaches.append(f"{package} imports {module}")
    return breaches


def private_imports(source: str, *, package: str) -> list[str]:
    """Return `from x import _name` imports of another module's private names."""
    found = []
    for module, names in imports_of(source, package=package):
        found.extend(
            f"{package}: from {module} import {name}"
            for name in names
            if name.startswith("_") and not name.startswith("__")
        )
    return found


def test_no_module_of_an_app_passes_the_size_limit():
    too_long = {
        str(path.relative_to(ROOT)): length
        for path in app_modules(with_migrations=False)
        if (length := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert too_long == {}


@pytest.mark.parametrize("folder", [*APPS, "tests", "bench"])
def test_no_private_name_is_imported_across_modules(folder):
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        found += private_imports(path.read_text(), package=module_name(path))
    assert found == []


def test_dependencies_point_one_way():
    breaches = []
    for path in app_modules():
        app = path.relative_to(ROOT).parts[0]
        breaches += import_direction_breaches(app, path.read_text(), package=module_name(path))
    assert breaches == []


@pytest.mark.parametrize(
    ("app", "source", "breach"),
    [
        ("petitions", "from approvals.models import Case", True),
        ("evaluation", "import disclosure.models", True),
        ("disclosure", "from approvals import services", True),
        ("supervision", "def f():\n    from petitions.models import Complaint", True),
        ("portal", "from supervision.models import Clock", True),
        ("approvals", "from disclosure.models import CatalogueItem", False),
        ("petitions", "from supervision import services", False),
        ("petitions", "from portal.models import User", False),
        ("petitions", "from .models import Complaint", False),
    ],
)
def test_the_direction_rule_tells_allowed_from_forbidden(app, source, breach):
    found = import_direction_breaches(app, source, package=f"{app}.services")
    assert bool(found) is breach


def test_the_private_name_rule_finds_an_underscore_import():
    assert private_imports("from petitions.services.common import _lock", package="x") == [
        "x: from petitions.services.common import _lock"
    ]
    assert private_imports("from django.utils.translation import gettext as _", package="x") == []
