"""The snippets package's rooms: the library learners install (the network and its maths, at the top), apart from
the course (`course`: what the pages show, their experiments and shared results) and from `practice`; small modules,
no import cycle, and no private name used outside its module."""

import ast
from pathlib import Path

import pytest

from snippets.course import cache

ROOT = Path(__file__).parents[1]
PACKAGE = ROOT / "snippets"
LONGEST_MODULE = 250  # lines
MODULES = cache.modules()


def test_every_module_is_small():
    lines = {name: len((PACKAGE / f"{name}.py").read_text().splitlines()) for name in MODULES}
    long = {name: n for name, n in lines.items() if n > LONGEST_MODULE}
    assert not long, f"modules over {LONGEST_MODULE} lines: {long}"


def test_the_library_does_not_import_the_course():
    """A top-level module (what `pip install snippets` is for) imports neither snippets.course nor snippets.practice;
    the command line (__main__), which runs the course's headline experiment, is the one exception."""
    for name in MODULES:
        if "/" in name or name == "__main__":
            continue
        rooms = {dep.split("/")[0] for dep in cache.imported_modules((PACKAGE / f"{name}.py").read_text())}
        assert not rooms & {"course", "practice"}, f"snippets/{name}.py imports the course: {sorted(rooms)}"


def test_no_import_cycle():
    graph = {name: cache.imported_modules((PACKAGE / f"{name}.py").read_text()) - {name} for name in MODULES}
    done, path = set(), []

    def visit(name):
        if name in path:
            raise AssertionError(f"import cycle: {' -> '.join(path[path.index(name) :] + [name])}")
        if name in done:
            return
        path.append(name)
        for dep in sorted(graph[name]):
            visit(dep)
        path.pop()
        done.add(name)

    for name in MODULES:
        visit(name)


def _private_uses(source: str, modules: set[str]) -> list[str]:
    """`from snippets.x import _y`, or `x._y` where x is a snippets module imported by name."""
    found, aliases = [], set()
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "snippets":
            for alias in node.names:
                path = "/".join([*node.module.split(".")[1:], alias.name])
                if path in modules or f"{path}/__init__" in modules:
                    aliases.add(alias.asname or alias.name)
                elif alias.name.startswith("_"):
                    found.append(f"from {node.module} import {alias.name}")
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases:
            if node.attr.startswith("_") and not node.attr.startswith("__"):
                found.append(f"{node.value.id}.{node.attr}")
    return found


@pytest.mark.parametrize("folder", ["snippets", "plugin", "scripts", "docs"])
def test_no_private_name_is_used_outside_its_module(folder):
    modules = set(MODULES)
    for path in sorted((ROOT / folder).rglob("*.py")):
        if ".venv" in path.parts or "__pycache__" in path.parts:
            continue
        uses = _private_uses(path.read_text(), modules)
        assert not uses, f"{path.relative_to(ROOT)} uses private names of other modules: {uses}"


def test_the_checks_catch_what_they_look_for():
    """The private-name check finds both forms; the cycle check's graph comes from real imports."""
    modules = set(MODULES)
    source = "from snippets.losses import _clip\nfrom snippets import numpy_net\nnumpy_net._forward(1)\n"
    assert _private_uses(source, modules) == ["from snippets.losses import _clip", "numpy_net._forward"]
    assert "numpy_net" in cache.imported_modules("from snippets import numpy_net")
