"""The package's shape, read from its source with `ast` (nothing is imported): the steps of the
pipeline import only downwards, no two modules import each other round a cycle, only the CLI
calls the façade, few modules sit at the top and none is too long to read."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from helpers.examples import ROOT

SRC = ROOT / "src"
PACKAGE = SRC / "chuongtrinh"

# Lowest first: a unit (a top-level module or folder) imports only from the layers below its
# own. The tools around the pipeline share a layer and do not import each other; `serve` sits
# above them. `chuongtrinh`
# is the package's __init__ (its version only); `__main__` runs the CLI.
LAYERS: tuple[frozenset[str], ...] = tuple(
    frozenset(layer.split())
    for layer in (
        "chuongtrinh errors resources external",
        "source",
        "profiles",
        "model",
        "layout",
        "docx",
        "build",
        "diff importer audit scaffold preview schema",
        "serve",  # shows the build and the diff in a browser: above the tools it uses
        "api",
        "cli",
        "__main__",
    )
)
MAX_TOP_MODULES = 8
MAX_LINES = 450
# Modules let past MAX_LINES for now (a test below says when one no longer is).
KNOWN_LONG: frozenset[str] = frozenset()


@cache
def modules() -> dict[str, Path]:
    """Dotted name → file, for every module of the package."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(SRC).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def _resolve(name: str) -> str:
    """The module `name` imports: itself, or the nearest package holding the name."""
    while name not in modules():
        name = name.rpartition(".")[0]
    return name


def _targets(module: str, node: ast.Import | ast.ImportFrom) -> set[str]:
    """The package's modules one import statement of `module` loads."""
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
        return {_resolve(name) for name in names if name.split(".")[0] == "chuongtrinh"}
    base = node.module or ""
    if node.level:  # relative: from the package of `module`
        package = module if modules()[module].name == "__init__.py" else module.rpartition(".")[0]
        package = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
        base = f"{package}.{base}".rstrip(".")
    if base.split(".")[0] != "chuongtrinh":
        return set()
    # `from chuongtrinh.docx import props` loads the module chuongtrinh.docx.props
    return {
        f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules() else _resolve(base)
        for alias in node.names
    }


def imported(module: str, source: str) -> frozenset[str]:
    """The package's modules that `source`, the text of `module`, imports anywhere: at the top,
    in a function, or under TYPE_CHECKING."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import | ast.ImportFrom):
            found |= _targets(module, node)
    return frozenset(found - {module})


@cache
def imports() -> dict[str, frozenset[str]]:
    """Module → the package's modules it imports."""
    return {m: imported(m, path.read_text(encoding="utf-8")) for m, path in modules().items()}


def unit(module: str) -> str:
    """The top-level module or folder `module` belongs to."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def layer(module: str) -> int:
    [number] = [n for n, names in enumerate(LAYERS) if unit(module) in names]
    return number


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """The groups of more than one module that import each other round a cycle (the strongly
    connected components, by Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph[module]):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group = []
            while not group or group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return found


def test_every_unit_has_a_layer() -> None:
    units = {unit(module) for module in modules()}
    placed = set().union(*LAYERS)
    assert units - placed == set(), "add the new module or folder to LAYERS"
    assert placed - units == set(), "LAYERS names what is no longer in the package"


def test_no_import_cycle() -> None:
    found = cycles(imports())
    assert found == [], "modules importing each other round a cycle:\n" + "\n".join(
        " ⇄ ".join(group) for group in found
    )


def test_imports_go_down_the_layers() -> None:
    wrong = sorted(
        f"{module} → {target}"
        for module, targets in imports().items()
        for target in targets
        if unit(target) != unit(module) and layer(target) >= layer(module)
    )
    assert wrong == [], "imports up (or across) the layers:\n" + "\n".join(wrong)


def test_only_the_cli_imports_the_facade() -> None:
    callers = sorted(m for m, targets in imports().items() if "chuongtrinh.api" in targets)
    assert callers, "the façade has no caller: is the graph read right?"
    assert [m for m in callers if unit(m) != "cli"] == []


def test_few_plain_modules_at_the_top() -> None:
    top = sorted(path.name for path in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_MODULES, top


def test_no_module_is_too_long() -> None:
    lengths = {
        m: len(path.read_text(encoding="utf-8").splitlines()) for m, path in modules().items()
    }
    long = {m for m, count in lengths.items() if count > MAX_LINES}
    assert sorted(long - KNOWN_LONG) == [], {m: lengths[m] for m in long - KNOWN_LONG}
    assert sorted(KNOWN_LONG - long) == [], "split now: remove these from KNOWN_LONG"


def test_the_reader_sees_every_kind_of_import() -> None:
    source = (
        "import os\n"
        "import chuongtrinh.errors\n"
        "from chuongtrinh import __version__\n"
        "from . import changes\n"
        "from ..layout.blocks import Run\n"
        "def f():\n"
        "    from chuongtrinh.docx import props, writer\n"
        "if TYPE_CHECKING:\n"
        "    from chuongtrinh.model.program import Program\n"
    )
    assert imported("chuongtrinh.diff.words", source) == {
        "chuongtrinh.errors",
        "chuongtrinh",
        "chuongtrinh.diff.changes",
        "chuongtrinh.layout.blocks",
        "chuongtrinh.docx.props",
        "chuongtrinh.docx.writer",
        "chuongtrinh.model.program",
    }


def test_the_cycle_finder_finds_one() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"e"}}
    assert cycles(graph) == [["a", "b", "c"]]


def test_no_test_module_imports_another() -> None:
    """What tests share lives in tests/helpers/, so each test module stands alone."""
    wrong = []
    for path in sorted((ROOT / "tests").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            else:
                continue
            wrong += [f"{path.name} → {n}" for n in names if n.startswith(("test_", "conftest"))]
    assert wrong == []
