"""The two cells in front of every downloadable notebook: the versions it ran with, and its install cell.

The install cell installs the served snippets wheel when `snippets` is not importable: `snippets[keras]` when the
notebook uses Keras, else `snippets` alone (NumPy, matplotlib), so that the NumPy notebooks do not pull in
TensorFlow. For an executed page, "uses" is what its run imported (the execute stage records it in the
notebook's metadata); for an exercise, which is not run, it is read from its code (uses_keras). The downloads
stage adds them.
"""

import ast
import platform
import re
import tomllib
from pathlib import Path

import nbformat

from snippets.course import cache

VERSIONED = cache.LIBRARIES


def versions_line() -> str:
    found = [f"{name} {version}" for name, version in cache.library_versions(VERSIONED).items() if version]
    return f"Python {platform.python_version()}, " + ", ".join(found)


def probe_cell():
    """A cell the execute stage runs after a page's cells, then removes: which of Keras and TensorFlow the run
    needed, its results-cache hits included (snippets.course.cache.frameworks_needed)."""
    cell = nbformat.v4.new_code_cell("from snippets.course import cache\nprint(cache.frameworks_needed())")
    cell.id = "notes-imported"
    return cell


def record(nb, probe) -> None:
    """The probe's answer, kept in the executed notebook's metadata as notes.imported (self_installing reads it)."""
    nb.metadata.setdefault("notes", {})["imported"] = ast.literal_eval(probe.outputs[0]["text"])


def ranges(project: Path) -> dict[str, str]:
    """{distribution: its requirement} for numpy and, from the keras extra, TensorFlow and Keras (pyproject.toml)."""
    meta = tomllib.loads((project / "pyproject.toml").read_text())["project"]
    requirements = [*meta["dependencies"], *meta["optional-dependencies"]["keras"]]
    return {
        r.split(">")[0].split("=")[0].strip(): r for r in requirements if r.startswith(("numpy", "tensorflow", "keras"))
    }


def install_cell(wheel_url: str, from_env: bool, keras: bool, allowed: dict[str, str]) -> str:
    """The first code cell of a download: installs snippets (with the keras extra when `keras`) if missing."""
    where = (
        "the address this site is published at ($SITE_URL when it was built)"
        if from_env
        else "the local server's address: this site was built without SITE_URL; replace it with the "
        "address the notes are published at"
    )
    requirement = "snippets[keras]" if keras else "snippets"
    kept = [allowed["numpy"]] + ([allowed["tensorflow"], allowed["keras"]] if keras else [])
    return (
        "# Outside the notes' repository (your own Jupyter, Colab), this cell installs their `snippets` package\n"
        + (
            "# with TensorFlow and Keras, which this notebook uses; inside the repository it does nothing.\n"
            if keras
            else "# with NumPy and matplotlib only (this notebook does not use TensorFlow); inside the repository it\n"
            "# does nothing.\n"
        )
        + f"# pip keeps what you have where it satisfies {', '.join(kept)}.\n"
        f"# The wheel's address is {where}.\n"
        "try:\n"
        "    import snippets\n" + ("    import keras\n" if keras else "") + "except ModuleNotFoundError:\n"
        f'    %pip install "{requirement} @ {wheel_url}"\n'
        "    import importlib\n\n"
        "    importlib.invalidate_caches()"
    )


def _loaded_on_import(source: str, package: Path) -> tuple[set[str], bool]:
    """The snippets modules that `source` imports when it is run or imported (its top level, not its functions),
    and whether it imports Keras or TensorFlow there."""
    modules, framework = set(), False
    for statement in ast.parse(source).body:
        for node in ast.walk(statement) if isinstance(statement, (ast.If, ast.Try)) else [statement]:
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            framework |= any(name.split(".")[0] in ("keras", "tensorflow") for name in names)
            if isinstance(node, ast.ImportFrom) and node.module == "snippets":
                modules |= {alias.name for alias in node.names}
            modules |= {name.split(".")[1] for name in names if name.startswith("snippets.")}
    return {name for name in modules if (package / f"{name}.py").is_file()}, framework


def uses_keras(code: str, package: Path) -> bool:
    """Whether an exercise's code needs TensorFlow and Keras: it names them (`keras`, `keras_net`), or a snippets
    module it loads imports them when loaded. Modules that import Keras inside a function (practice's my_model
    check) do not count: tests/test_downloads.py runs every exercise said not to need Keras without it."""
    if re.search(r"keras|tensorflow", code):
        return True
    seen, todo = set(), ["__init__", *_loaded_on_import(code, package)[0]]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            modules, framework = _loaded_on_import((package / f"{name}.py").read_text(), package)
            if framework:
                return True
            todo += modules
    return False


def code_of(nb) -> str:
    return "\n".join(cell.source for cell in nb.cells if cell.cell_type == "code")


def self_installing(raw: bytes, wheel_url: str, from_env: bool, project: Path, executed: bool = True) -> bytes:
    """The notebook with a versions note and the install cell in front of its cells."""
    nb = nbformat.reads(raw.decode("utf-8"), as_version=4)
    imported = nb.metadata.get("notes", {}).get("imported")  # what the page's run imported (execute stage)
    keras = bool(imported) if imported is not None else uses_keras(code_of(nb), project / "snippets")
    made = "Executed" if executed else "Written for"
    note = nbformat.v4.new_markdown_cell(
        f"*{made} {versions_line()}. Run the next cell first outside the notes' repository.*"
    )
    cell = nbformat.v4.new_code_cell(install_cell(wheel_url, from_env, keras, ranges(project)))
    note.metadata["tags"] = cell.metadata["tags"] = ["download-setup"]
    note.id, cell.id = "download-note", "download-install"
    nb.cells = [note, cell, *nb.cells]
    return nbformat.writes(nb).encode("utf-8")
