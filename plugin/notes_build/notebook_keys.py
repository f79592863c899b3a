"""What a notebook page's execution depends on, as a hash: the key of its cached execution (execute.py).

A page's key hashes its code cells (not its Markdown: a text edit re-executes nothing), the snippets modules
it imports, directly or through other modules (an edit to a module re-executes only the pages that use it),
the package's data files, the execution stages' source and the versions of the libraries that shape the
output. A module the page runs but does not show (with show.source) counts by its syntax tree: a comment
added to it re-executes nothing.
"""

import ast
import hashlib
import json
import re
from pathlib import Path

import jupytext

from snippets.course import cache

from . import disk_cache

LIBRARIES = (*cache.LIBRARIES, "matplotlib", "mkdocs-jupyter", "nbconvert", "jupytext", "pygments")
TENSORFLOW_IMPORT = re.compile(r"^\s*(?:import|from) (?:keras|tensorflow)\b", re.M)
# show.source(module="numpy_net.py", ...), show.source(module="course/notes.py", ...) or show.source(losses.bce):
# the module whose source a page shows
SHOWN = re.compile(r"show\.source\(\s*(?:module\s*=\s*[\"']([\w/]+)\.py[\"']|(\w+)\.\w+\s*[,)])")
# The stages whose code shapes an execution: an edit to them re-executes every page.
SOURCES = b"".join(disk_cache.stage_source(Path(__file__).with_name(n)) for n in ("execute.py", "notebook_keys.py"))


class Keys:
    """The keys of one build's pages; parsing is memoised across builds in `memo` (a disk_cache.Memo)."""

    def __init__(self, root: Path, memo: disk_cache.Memo):
        self.root, self.package, self.memo, self.digests = root, root / "snippets", memo, {}
        self.deps = self.dependency_digest()

    def dependency_digest(self) -> str:
        """What, besides the page and the modules it imports, can change any page's output."""
        parts = [SOURCES, repr(cache.library_versions(LIBRARIES))]
        for path in sorted(self.package.rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".py":
                parts += [path.relative_to(self.root).as_posix(), path.read_bytes()]
        return disk_cache.key(*parts)

    def syntax_digest(self, source: str) -> str:
        """Hash of Python source's syntax tree: equal for sources that differ only in comments and layout."""
        return self.memo.get(
            f"syntax\0{source}", lambda: hashlib.sha256(ast.dump(ast.parse(source)).encode()).hexdigest()
        )

    def code_cells(self, src: Path) -> tuple[str, str]:
        """The page's notebook metadata and code cells as JSON, and its code."""

        def parse():
            nb = jupytext.read(src)
            cells = [(cell.source, cell.metadata) for cell in nb.cells if cell.cell_type == "code"]
            return [json.dumps([nb.metadata, cells], sort_keys=True), "\n".join(source for source, _ in cells)]

        code_json, code = self.memo.get(f"cells\0{src.read_text()}{jupytext.__version__}", parse)
        return code_json, code

    def page(self, src: Path) -> str:
        """The page's key: its code cells and the snippets modules it imports (computed once per build)."""
        if src not in self.digests:
            code_json, code = self.code_cells(src)
            names = cache.dependencies(source=code, package=self.package)
            shown = shown_modules(code)
            if shown is not None:  # "course/by_hand" by its path, "by_hand" by the name a page imports it as
                shown = {n for n in names if n in shown or n.rsplit("/", 1)[-1] in shown}
                if len(shown) < len(shown_modules(code)):  # not a module's name (an alias?): count every module
                    shown = None
            parts = [code_json, self.deps]
            for name in names:
                text = (self.package / f"{name}.py").read_text()
                # A module the page runs without showing it: comments and layout cannot change its output.
                parts += [name, text if shown is None or name in shown else self.syntax_digest(text)]
            self.digests[src] = disk_cache.key(*parts)
        return self.digests[src]

    def imports_tensorflow(self, code: str) -> bool:
        """Whether page code imports Keras or TensorFlow, itself or through a snippets module (seconds of start)."""
        names = cache.dependencies(source=code, package=self.package)
        sources = [code] + [(self.package / f"{name}.py").read_text() for name in names]
        return any(TENSORFLOW_IMPORT.search(source) for source in sources)

    def longest_first(self, src: Path, durations: dict) -> tuple:
        """Sort key: pages never timed (a fresh clone) first, those computing the shared results
        (snippets.course.results) before those importing TensorFlow, before the rest; then the timed pages, longest
        first."""
        if src.stem in durations:
            return (1, -durations[src.stem])
        _, code = self.code_cells(src)
        return (0, 0 if "results." in code else 1 if self.imports_tensorflow(code) else 2)


def shown_modules(code: str) -> set[str] | None:
    """The snippets modules whose source a page's code shows with show.source (as `show.source(module.name)` or
    `show.source(module="name.py", ...)`); None when a call has another form, so every module counts as shown."""
    found = SHOWN.findall(code)
    if len(found) != code.count("show.source("):
        return None
    return {by_name or by_object for by_name, by_object in found}


def read_page(src: Path):
    """The page as a notebook, its cells' ids made from the page and their place ("loss-3"): jupytext gives
    each cell a random id, which the HTML (`id="cell-id=…"`) and the download carry, so every build differed."""
    nb = jupytext.read(src)
    for k, cell in enumerate(nb.cells):
        cell.id = f"{src.stem}-{k}"
    return nb
