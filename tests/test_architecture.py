"""The shape ARCHITECTURE.md promises, checked over the import graph of ``desktop``.

import-linter's contracts (pyproject.toml, run by ``lint-imports``) keep the layers, the
Qt-free core and SQL in the store; these tests read the same graph (grimp's, which
import-linter is built on) for what is easier said module by module: no import cycle at all,
and no part of the window reaching into the window itself.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = ROOT / "pyproject.toml"
# Where the window lives; only the window's own package may import it.
MAIN_WINDOW = "desktop.ui.shell.main_window"
SHELL = "desktop.ui.shell"


@pytest.fixture(scope="module")
def graph() -> grimp.ImportGraph:
    # No cache: the graph of the code as it is now, and no .grimp_cache folder in the tree.
    return grimp.build_graph("desktop", cache_dir=None)


def _imports(graph: grimp.ImportGraph) -> dict[str, set[str]]:
    """Each module of desktop and the modules of desktop it imports (type-checking imports
    too: a cycle through them still ties the modules together for a reader)."""
    return {
        module: {m for m in graph.find_modules_directly_imported_by(module) if m in graph.modules}
        for module in graph.modules
        if module.startswith("desktop")
    }


def import_cycles(imports: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The groups of modules that import each other round a circle (Tarjan's strongly
    connected components with more than one module, or one that imports itself)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in imports.get(module, ()):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == module:
                    break
            if len(group) > 1 or module in imports.get(module, ()):
                cycles.append(sorted(group))

    for module in sorted(imports):
        if module not in index:
            visit(module)
    return cycles


def test_import_cycles_finds_a_circle_and_nothing_else() -> None:
    imports = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"], "e": ["e"]}
    assert sorted(import_cycles(imports)) == [["a", "b", "c"], ["e"]]
    assert import_cycles({"a": ["b"], "b": []}) == []


def test_no_import_cycle_in_desktop(graph: grimp.ImportGraph) -> None:
    assert import_cycles(_imports(graph)) == []


def test_only_the_window_package_imports_the_main_window(graph: grimp.ImportGraph) -> None:
    importers = graph.find_modules_that_directly_import(MAIN_WINDOW)
    assert sorted(m for m in importers if not m.startswith(SHELL + ".")) == []


def test_every_package_of_desktop_ships_in_the_wheel() -> None:
    """setuptools takes only the packages pyproject.toml lists: a new folder left out of the
    list installs without its modules (and the window would not start from a wheel)."""
    listed = set(
        tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"]
    )
    packages = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "desktop").rglob("__init__.py")
    }
    assert sorted(packages - listed) == []


def test_the_architecture_map_names_every_package_of_desktop() -> None:
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    packages = sorted(init.parent for init in (ROOT / "desktop").rglob("__init__.py"))
    unnamed = [
        str(package.relative_to(ROOT))
        for package in packages
        if f"{package.name}/`" not in text and f"`{package.relative_to(ROOT)}/`" not in text
    ]
    assert unnamed == [], "add them to ARCHITECTURE.md's code map"
