"""Arrows point down: the core never imports an interface, and the JSON API lives inside the
web layer (``islet.web.api``) so that ``web`` and the API do not import each other."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import islet

PACKAGE = Path(islet.__file__).parent
INTERFACES = ("islet.web", "islet.cli")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def is_within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(f"{p}.") or name.startswith(f"{p}_") for p in packages)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
CORE = [name for name in MODULES if not is_within(name, INTERFACES)]


def test_the_package_has_a_core_and_interfaces() -> None:
    assert {"islet.guide", "islet.errors", "islet.kb"} <= set(CORE)
    assert {"islet.web.api", "islet.web.app", "islet.cli"} <= set(MODULES) - set(CORE)


@pytest.mark.parametrize("name", CORE)
def test_the_core_never_imports_an_interface(name: str) -> None:
    assert not [m for m in imports(MODULES[name]) if is_within(m, INTERFACES)]


def test_there_is_no_api_package_beside_web() -> None:
    assert not (PACKAGE / "api").exists()
    assert "islet.api" not in MODULES


@pytest.mark.parametrize(
    ("side", "other"), [("islet.web.api", "islet.web.pages"), ("islet.web.pages", "islet.web.api")]
)
def test_the_api_and_the_pages_do_not_import_each_other(side: str, other: str) -> None:
    """Both sit on the shared web modules (app settings, problems, the guide's address state)."""
    crossing = {
        name: sorted(m for m in imports(path) if is_within(m, (other,)))
        for name, path in MODULES.items()
        if is_within(name, (side,))
    }
    assert not {name: found for name, found in crossing.items() if found}
