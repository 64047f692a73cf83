"""The shape of the package, checked: stages as subpackages, small modules, no import cycle,
and only the command line and the renderers print.

The import graph is built from the source with `ast`, from every import
statement, those inside functions included (an import run late still ties the
two modules together), but not those under `if TYPE_CHECKING:`, which never run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "star_bank"
MAX_LINES = 400
# Besides subpackages and __init__.py, the top level may hold this many small modules.
MAX_TOP_LEVEL_MODULES = 2
SMALL_MODULE_LINES = 100
# Only these subpackages print; everything else returns values.
PRINTING_PACKAGES = ("cli", "report")


def _modules() -> dict[str, Path]:
    """Dotted module name -> file, for every module of the package (a package is its __init__)."""
    modules = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = path
    return modules


MODULES = _modules()


def _is_type_checking_block(node: ast.AST) -> bool:
    if not isinstance(node, ast.If):
        return False
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _import_nodes(tree: ast.AST) -> Iterator[ast.Import | ast.ImportFrom]:
    """Every import statement, at any depth, skipping `if TYPE_CHECKING:` bodies."""
    stack = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        for child in ast.iter_child_nodes(node):
            if _is_type_checking_block(child):
                stack.extend(child.orelse)  # the `else:` branch does run
            else:
                stack.append(child)


def _base_of(node: ast.ImportFrom, module: str) -> str:
    """The absolute module a `from ... import` names, resolving relative imports."""
    if not node.level:
        return node.module or ""
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    for _ in range(node.level - 1):
        package = package.rpartition(".")[0]
    return f"{package}.{node.module}" if node.module else package


def imports_of(module: str) -> set[str]:
    """The package's modules that `module` imports; `from x import y` is x.y when y is a module."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    found = set()
    for node in _import_nodes(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            base = _base_of(node, module)
            names = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        found.update(name for name in names if name in MODULES and name != module)
    return found


def import_graph() -> dict[str, set[str]]:
    return {module: imports_of(module) for module in MODULES}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle (a, b, ..., a) through each strongly connected group of modules (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(graph[node]):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return [_cycle_within(graph, set(group)) for group in groups]


def _cycle_within(graph: dict[str, set[str]], group: set[str]) -> list[str]:
    """A shortest path from the group's first module back to itself, staying inside the group."""
    start = min(group)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in sorted(graph[node] & group):
                if target == start:
                    return paths[node] + [start]
                if target not in paths:
                    paths[target] = paths[node] + [target]
                    following.append(target)
        frontier = following
    raise AssertionError(f"no cycle through {start}")  # a strongly connected group always has one


def _printing_calls(path: Path) -> Iterator[tuple[int, str]]:
    """(line, call) for each print(), click.echo/secho() and sys.stdout/stderr.write() in a file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        call = ast.unparse(node.func)
        if call in ("print", "click.echo", "click.secho", "echo", "secho") or call in (
            "sys.stdout.write",
            "sys.stderr.write",
        ):
            yield node.lineno, call


def test_top_level_holds_the_stage_subpackages_and_little_else():
    entries = [p for p in PACKAGE.iterdir() if p.name != "__pycache__"]
    modules = [p for p in entries if p.suffix == ".py" and p.name != "__init__.py"]
    others = [p.name for p in entries if not p.is_dir() and p.suffix != ".py"]
    assert (PACKAGE / "__init__.py").is_file()
    assert not others, f"files other than modules at the top level: {others}"
    assert len(modules) <= MAX_TOP_LEVEL_MODULES, f"too many top-level modules: {[p.name for p in modules]}"
    for module in modules:
        lines = len(module.read_text(encoding="utf-8").splitlines())
        assert lines <= SMALL_MODULE_LINES, f"{module.name} has {lines} lines; top-level modules stay small"
    for folder in (p for p in entries if p.is_dir()):
        assert (folder / "__init__.py").is_file(), f"{folder.name}/ is not a subpackage"


@pytest.mark.parametrize("path", sorted(MODULES.values()), ids=lambda p: str(p.relative_to(PACKAGE.parent)))
def test_module_is_at_most_400_lines(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{path.relative_to(PACKAGE.parent)} has {lines} lines (at most {MAX_LINES})"


def test_import_graph_has_no_cycle():
    found = cycles(import_graph())
    for cycle in found:
        print("import cycle: " + " -> ".join(cycle))
    assert not found, "import cycles:\n" + "\n".join(" -> ".join(c) for c in found)


def test_only_the_command_line_and_the_renderers_print():
    offenders = []
    for module, path in MODULES.items():
        if module.split(".")[1:2] and module.split(".")[1] in PRINTING_PACKAGES:
            continue
        offenders += [f"{path.relative_to(PACKAGE.parent)}:{line}: {call}()" for line, call in _printing_calls(path)]
    assert not offenders, "printing outside cli/ and report/:\n" + "\n".join(offenders)


# The checks' own machinery, on small made-up graphs and sources.


def test_cycle_finder_reports_each_cycle_once_and_ignores_acyclic_parts():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set(), "e": {"f"}, "f": {"e"}}
    assert cycles(graph) == [["a", "b", "c", "a"], ["e", "f", "e"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_imports_inside_functions_count_and_type_checking_imports_do_not():
    assert "star_bank.lint.engine" in imports_of("star_bank.cli.starbank")  # imported inside a command
    assert imports_of("star_bank") == set()  # the public API is imported lazily or only for type checkers


def test_from_package_import_submodule_resolves_to_the_submodule():
    assert "star_bank.report.text" in imports_of("star_bank.report")
