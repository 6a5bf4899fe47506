"""The import graph of clusterdocs/ and hooks/ has no cycle and points one way between the stages.

``clusterdocs/`` is one subpackage per stage (ARCHITECTURE.md, "Code map"), lowest first in
``LAYERS``: a module may import from its own subpackage and from the subpackages below it, never
from one above. The modules directly in ``clusterdocs/`` (the command line) and the hooks may
import from any of them. The imports are read with ``ast``, without importing anything, and
every import counts, including those inside a function.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

from support import ROOT

PACKAGE = "clusterdocs"
LAYERS = ("base", "text", "read", "check", "render", "publish")


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted: clusterdocs.check.sitedata, hooks.pages
    path: str  # its file, relative to the root
    line: int
    target: str  # the imported module, dotted

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.module} imports {self.target}"


def modules(root: Path) -> dict[str, Path]:
    """Dotted name -> file of every module of clusterdocs/ (packages by their ``__init__``) and hooks/."""
    found = {}
    for folder in (PACKAGE, "hooks"):
        for file in sorted((root / folder).rglob("*.py")):
            parts = file.relative_to(root).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join(parts)] = file
    return found


def _resolved(node: ast.Import | ast.ImportFrom, module: str, file: Path, known: dict[str, Path]) -> list[str]:
    """The project's modules an import statement names (a name imported from a package that is a
    module counts as that module; anything outside the project is left out)."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        if node.level:
            package = module.split(".") if file.name == "__init__.py" else module.split(".")[:-1]
            base = ".".join(package[: len(package) - node.level + 1])
            base = f"{base}.{node.module}" if node.module else base
        elif module.startswith("hooks.") and node.module and f"hooks.{node.module}" in known:
            base = f"hooks.{node.module}"  # the hooks import each other by bare name (_shared)
        else:
            base = node.module or ""
        names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in known else base for alias in node.names]
    targets = []
    for name in names:
        while name and name not in known:  # import a.b.c of a module a.b.c, or of a name in a.b
            name = name.rpartition(".")[0]
        if name and name != module and name not in targets:
            targets.append(name)
    return targets


def imports(root: Path) -> list[Import]:
    known = modules(root)
    found = []
    for module, file in known.items():
        tree = ast.parse(file.read_text(encoding="utf-8"), filename=str(file))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import | ast.ImportFrom):
                path = file.relative_to(root).as_posix()
                found += [Import(module, path, node.lineno, target) for target in _resolved(node, module, file, known)]
    return sorted(found, key=lambda item: (item.path, item.line, item.target))


def layer(module: str) -> int | None:
    """The position in ``LAYERS`` of a module's stage; None for what sits above them all (the
    package itself, its command line, the hooks)."""
    parts = module.split(".")
    if parts[0] == PACKAGE and len(parts) > 1 and parts[1] in LAYERS:
        return LAYERS.index(parts[1])
    return None


def unplaced_modules(root: Path) -> list[str]:
    """Modules of clusterdocs/ outside every stage's subpackage (only the package's own may be)."""
    return [
        f"{file.relative_to(root).as_posix()}: not in a stage's subpackage ({', '.join(LAYERS)})"
        for module, file in modules(root).items()
        if module.startswith(PACKAGE) and layer(module) is None and module not in {PACKAGE, f"{PACKAGE}.__main__"}
    ]


def direction_problems(found: list[Import]) -> list[str]:
    """Every import of a module from a stage above the importer's (or of what sits above the stages)."""
    problems = []
    for item in found:
        own, target = layer(item.module), layer(item.target)
        if own is None:
            continue
        if target is None:
            problems.append(f"{item}: {LAYERS[own]} may not import what sits above the stages")
        elif target > own:
            problems.append(f"{item}: {LAYERS[own]} may not import {LAYERS[target]}, a later stage")
    return problems


def cycles(found: list[Import]) -> list[str]:
    """Each group of modules that import each other, round or through others, as one of its loops."""
    graph: dict[str, list[str]] = {}
    for item in found:
        graph.setdefault(item.module, []).append(item.target)
        graph.setdefault(item.target, [])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    groups: list[list[str]] = []

    def visit(node: str) -> None:  # Tarjan's strongly connected components
        index[node] = low[node] = len(index)
        stack.append(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [" -> ".join(_loop(graph, set(group), group[0])) for group in sorted(groups)]


def _loop(graph: dict[str, list[str]], members: set[str], start: str) -> list[str]:
    """One way round a group of modules that import each other, from ``start`` back to it."""
    paths = {start: [start]}
    queue = [start]
    while queue:
        node = queue.pop(0)
        for other in graph[node]:
            if other == start:
                return [*paths[node], start]
            if other in members and other not in paths:
                paths[other] = [*paths[node], other]
                queue.append(other)
    return [start]


# --- the tree itself ---------------------------------------------------------------------------


def test_every_module_of_the_package_belongs_to_a_stage():
    assert unplaced_modules(ROOT) == []


def test_imports_point_down_the_stages():
    found = imports(ROOT)
    assert any(
        layer(item.module) == LAYERS.index("render") and layer(item.target) == LAYERS.index("check") for item in found
    )
    assert direction_problems(found) == []


def test_no_module_imports_itself_through_others():
    assert cycles(imports(ROOT)) == []


# --- the checks can fail -----------------------------------------------------------------------


def _tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in {"clusterdocs/__init__.py": "", "hooks/pages.py": "", **files}.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def test_an_import_up_the_stages_is_named_with_its_line(tmp_path):
    root = _tree(
        tmp_path,
        {
            "clusterdocs/check/__init__.py": "",
            "clusterdocs/check/sitedata.py": "from ..base.paths import ROOT\n\n\ndef f():\n    from ..render import pages\n",
            "clusterdocs/base/__init__.py": "",
            "clusterdocs/base/paths.py": "from clusterdocs import __main__\n",
            "clusterdocs/render/__init__.py": "",
            "clusterdocs/render/pages.py": "from ..check.sitedata import f\n",
            "clusterdocs/__main__.py": "from .render.pages import x\n",
            "clusterdocs/loose.py": "",
        },
    )
    assert direction_problems(imports(root)) == [
        "clusterdocs/base/paths.py:1: clusterdocs.base.paths imports clusterdocs.__main__: "
        "base may not import what sits above the stages",
        "clusterdocs/check/sitedata.py:5: clusterdocs.check.sitedata imports clusterdocs.render.pages: "
        "check may not import render, a later stage",
    ]
    assert unplaced_modules(root) == ["clusterdocs/loose.py: not in a stage's subpackage (" + ", ".join(LAYERS) + ")"]


def test_a_cycle_is_named_even_through_a_function_level_import(tmp_path):
    root = _tree(
        tmp_path,
        {
            "clusterdocs/render/__init__.py": "",
            "clusterdocs/render/a.py": "from . import b\n",
            "clusterdocs/render/b.py": "import clusterdocs.render.c\n",
            "clusterdocs/render/c.py": "def f():\n    from .a import x\n",
            "hooks/_shared.py": "from pages import y\n",
            "hooks/pages.py": "from _shared import z\n",
        },
    )
    assert cycles(imports(root)) == [
        "clusterdocs.render.a -> clusterdocs.render.b -> clusterdocs.render.c -> clusterdocs.render.a",
        "hooks._shared -> hooks.pages -> hooks._shared",
    ]
