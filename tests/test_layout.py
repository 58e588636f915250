"""The package's layering: data flows one way, so imports do too."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "ca_connect"


def _module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _statements(nodes: list[ast.stmt]) -> Iterator[ast.stmt]:
    """Every statement, nested ones included, except the blocks of a module's top-level
    `if TYPE_CHECKING:` (imports are statements: expressions need no walk)."""
    for node in nodes:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.dump(node.test):
            continue
        yield node
        for block in ("body", "orelse", "finalbody", "handlers", "cases"):
            yield from _statements(getattr(node, block, None) or [])


@lru_cache(maxsize=1)
def import_graph() -> dict[str, set[str]]:
    """Module -> the package modules it imports anywhere (functions included), except
    under `if TYPE_CHECKING:`."""
    modules = {_module_name(path): path for path in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in _statements(tree.body):
            if isinstance(node, ast.ImportFrom):
                base = package.split(".")
                base = base[: len(base) - node.level + 1] if node.level else []
                target = ".".join([*base, node.module] if node.module else base)
                for alias in node.names:
                    child = f"{target}.{alias.name}"
                    found.add(child if child in modules else target)
            elif isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


@pytest.mark.slow  # parses every module of the package
def test_the_import_graph_has_no_cycle() -> None:
    graph = import_graph()
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for target in sorted(graph[module]):
            if state.get(target) == 1:
                cycle = [*path[path.index(target) :], target]
                raise AssertionError("import cycle: " + " -> ".join(cycle))
            if target not in state:
                visit(target)
        path.pop()
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module)


@pytest.mark.slow  # parses every module's imports, as the cycle check does
def test_vocab_and_models_import_nothing_above_them() -> None:
    graph = import_graph()
    assert graph["ca_connect.vocab"] == set()
    assert graph["ca_connect.models"] <= {"ca_connect.vocab"}


def readme_layout() -> list[str]:
    """The modules the README's layout list names, in its order."""
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    block = readme[readme.index("```\nca_connect/\n") :]
    block = block[4 : block.index("\n```\n")]
    modules: list[str] = []
    package = ""
    for line in block.splitlines()[1:]:
        entry = line.split()[0]
        if line.startswith("    "):  # a module inside the package above it
            modules.append(f"ca_connect.{package}.{entry.removesuffix('.py')}")
        elif entry.endswith("/"):
            package = entry.removesuffix("/")
            modules.append(f"ca_connect.{package}")
        elif entry == "__init__.py":
            modules.append("ca_connect")
        else:
            modules.append(f"ca_connect.{entry.removesuffix('.py')}")
    return modules


def test_the_readme_lists_every_module_once() -> None:
    listed = readme_layout()
    assert len(listed) == len(set(listed))
    assert set(listed) == set(import_graph())


def test_each_module_imports_only_those_listed_above_it() -> None:
    graph = import_graph()
    position = {module: index for index, module in enumerate(readme_layout())}
    # The public API and `python -m` stand above everything they re-export or run.
    top = {"ca_connect", "ca_connect.__main__"}
    upward = [
        f"{module} -> {target}"
        for module in graph
        if module not in top
        for target in graph[module]
        if position[target] > position[module] and not target.startswith(module + ".")
    ]
    assert upward == []
