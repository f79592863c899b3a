"""Notebook pages: executed once per change, in parallel, failing loudly; light, linked and downloadable.

mkdocs-jupyter renders the pages; this hook changes five things about it:

1. Execution happens here (nbclient), before the build renders any page: the longest pages first (by
   their last recorded time), WORKERS at a time, each kernel on one thread (see KERNEL_THREADS).
   A cell that raises fails the build with the page and the cell named; a cell that runs longer
   than NOTES_CELL_TIMEOUT seconds (default 300) fails it too. mkdocs-jupyter then only renders the
   executed notebook. Under `mkdocs serve` (told apart by the on_startup event), a failing page
   becomes an error page instead, and the rest of the site keeps serving: see ExecutionFailed.
2. Cache: mkdocs-jupyter keys its cache on the notebook file alone, so an edit to snippets/ would
   leave stale outputs. Both its cache key and the executed-notebook cache here also hash the
   snippets modules the page imports (directly or through other modules: an edit re-executes only
   the pages that depend on it), the package's data files, this hook, and the versions of the
   libraries that shape the output. The executions are keyed on a page's code cells, not its text:
   an edit to a Markdown cell is rendered from the cached execution. A module the page runs but
   does not show (with show.source) counts by its syntax tree: a comment added to it re-executes
   nothing. The last few executions of each page are kept, so reverting an edit is served from the
   cache.
3. Weight and privacy: the ~590 KB of notebook CSS inlined into every page moves into one shared
   file, assets/stylesheets/jupyter.css (cut by hooks/styles.py), and figures move into files beside
   the page; the CDN loaders nbconvert puts in every page (MathJax v2, Mermaid) are dropped: math is
   typeset at build by hooks/typeset.py.
4. Links written as `page.md` / `page.py` in notebook Markdown become the built pages' URLs, as
   MkDocs does for Markdown pages.
5. Each executed page links its executed notebook (.ipynb, with outputs) for download.
"""

import ast
import base64
import hashlib
import html
import json
import logging
import os
import posixpath
import re
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import jupytext
import mkdocs_jupyter.plugin as jupyter_plugin
import nbformat
from jupyter_client.manager import AsyncKernelManager
from mkdocs.exceptions import PluginError
from mkdocs_jupyter import convert
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from page_memo import Memo

from snippets import cache

ROOT = Path(__file__).resolve().parents[1]
log = logging.getLogger("mkdocs.hooks.notebooks")  # a logger under "mkdocs" prints with mkdocs' own lines
CACHE = ROOT / ".cache" / "notebooks"
CSS_PATH = "assets/stylesheets/jupyter.css"
KEEP = 3  # earlier executions kept per page, besides the current one
DURATIONS = CACHE / "durations.json"  # {page: seconds of its last execution}: the longest start first
# One thread per kernel, and one kernel more than the 2 cores: a page waiting for a shared result that another
# page is computing (snippets.cache's lock) then leaves no core idle. With the libraries' default thread pools
# (one thread per core in every kernel) two kernels fought over the cores, OpenBLAS's threads spinning while
# they waited: the cold build took 83 s, 63 s with one thread each. The outputs no longer depend on the
# building machine's core count either (a float sum's order does, in OpenBLAS and TensorFlow), and the
# shared results are keyed on these settings (snippets.cache.THREAD_SETTINGS).
WORKERS = 3
KERNEL_THREADS = dict.fromkeys(cache.THREAD_SETTINGS, "1")
# This process too, before anything in it loads NumPy (this hook is the first; hooks/exports.py reads the shared
# results, and computes one if it is missing, in here): its results are keyed as the kernels' are.
os.environ.update(KERNEL_THREADS)
_SOURCE = Path(__file__).read_bytes()  # this hook as loaded, in the keys of _memo
LIBRARIES = ("numpy", "tensorflow-cpu", "keras", "matplotlib", "mkdocs-jupyter", "nbconvert", "jupytext", "pygments")
STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
TENSORFLOW_IMPORT = re.compile(r"^\s*(?:import|from) (?:keras|tensorflow)\b", re.M)
MATHJAX_V2 = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)
# nbconvert's Mermaid loader imports mermaid from a CDN when a page has diagrams: these pages have none.
MERMAID = re.compile(r'<script type="module">(?:(?!</script>).)*?mermaid.*?</script>', re.S)
INLINE_IMAGE = re.compile(r'src="data:image/(png|svg\+xml|jpeg);base64,([A-Za-z0-9+/=\s]+)"')
PAGE_LINK = re.compile(r'href="([\w./-]+)\.(?:md|py)(#[^"]*)?"')

ANSI = re.compile(r"\x1b\[[0-9;]*m")
# A frame of IPython's traceback, colours stripped: "File /p/snippets/x.py:12, in f(a, b)" ... "---> 12     code"
FRAME = re.compile(r"^File (?P<file>.+?):(?P<line>\d+), in (?P<function>[^\s(]+)")
FRAME_CODE = re.compile(r"^-+> *\d+ ?(?P<code>.*)$", re.M)
# show.source(module="numpy_net.py", ...) or show.source(losses._bce): the module whose source a page shows
SHOWN = re.compile(r"show\.source\(\s*(?:module\s*=\s*[\"'](\w+)\.py[\"']|(\w+)\.\w+\s*[,)])")
ERROR_MARK = "data-notes-build-error"  # hooks/links.py does not check links into a page that carries it

# The command ("build" or "serve") is set by on_startup; it survives serve's rebuilds, which reuse this module.
_state = {"deps": "", "pages": set(), "css": None, "digests": {}, "command": "build", "errors": {}, "current": set(),
          "durations": {}, "memo": None}  # fmt: skip
# Per-page cache chatter from mkdocs-jupyter ("Cache hit", "Cache miss, writing", "Converting notebook",
# "Evicted stale cache"): one INFO line per page and per step. This hook logs one line per executed page.
for _name in ("mkdocs.plugins.mkdocs_jupyter", "mkdocs.mkdocs-jupyter"):
    logging.getLogger(_name).setLevel(logging.WARNING)


class ExecutionFailed(PluginError):
    """A page whose execution failed: the message names the page and the cell; `notebook` holds the outputs up
    to the failure and `frames` the traceback's frames inside snippets/ as (file, line, function, code)."""

    def __init__(self, message: str, notebook=None, traceback: str = "", frames=()):
        super().__init__(message)
        self.notebook, self.traceback, self.frames = notebook, traceback, list(frames)


def timeout() -> int:
    return int(os.environ.get("NOTES_CELL_TIMEOUT", "300"))


def dependency_digest() -> str:
    """Hash of what, besides the page and the snippets modules it imports, can change any page's output:
    this hook, the package's data files and the library versions."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "snippets").rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts and path.suffix != ".py":
            digest.update(path.relative_to(ROOT).as_posix().encode() + b"\0" + path.read_bytes())
    digest.update(Path(__file__).read_bytes())
    digest.update(repr(cache.library_versions(LIBRARIES)).encode())
    return digest.hexdigest()


def _memo(kind: str, text: str, compute):
    """compute(), kept by a hash of `text` for the next build (hooks/page_memo.py): parsing a page with jupytext
    (about 20 ms) and a module's syntax tree (the whole package: a quarter of a second) are done once per
    edit, not once per build."""
    return _state["memo"].get(f"{kind}\0{text}", compute)


def syntax_digest(source: str) -> str:
    """Hash of Python source's syntax tree: equal for sources that differ only in comments and layout."""
    return _memo("syntax", source, lambda: hashlib.sha256(ast.dump(ast.parse(source)).encode()).hexdigest())


def shown_modules(code: str) -> set[str] | None:
    """The snippets modules whose source a page's code shows with show.source (as `show.source(module.name)` or
    `show.source(module="name.py", ...)`); None when a call has another form, so every module counts as shown."""
    found = SHOWN.findall(code)
    if len(found) != code.count("show.source("):
        return None
    return {by_name or by_object for by_name, by_object in found}


def _code_cells(src: Path) -> tuple[str, str]:
    """The page's notebook metadata and code cells as JSON, and its code."""

    def parse():
        nb = jupytext.read(src)
        cells = [(cell.source, cell.metadata) for cell in nb.cells if cell.cell_type == "code"]
        return [json.dumps([nb.metadata, cells], sort_keys=True), "\n".join(source for source, _ in cells)]

    code_json, code = _memo("cells", src.read_text() + jupytext.__version__, parse)
    return code_json, code


def page_digest(src: Path) -> str:
    """Hash of the page's code cells and of the snippets modules it imports, directly or through other
    modules: an edit to a module re-executes only the pages that depend on it, and an edit to the page's
    text (its Markdown cells) none (see _with_current_text). Computed once per page per build."""
    if src in _state["digests"]:
        return _state["digests"][src]
    code_json, code = _code_cells(src)
    package = ROOT / "snippets"
    digest = hashlib.sha256(code_json.encode() + _state["deps"].encode())
    names = cache.dependencies(source=code, package=package)
    shown = shown_modules(code)
    if shown is not None and not shown <= set(names):  # not a module name (an alias?): count every module
        shown = None
    for name in names:
        text = (package / f"{name}.py").read_text()
        if shown is not None and name not in shown:
            # The page runs this module without showing it: comments and layout cannot change its output.
            text = syntax_digest(text)
        digest.update(name.encode() + b"\0" + text.encode())
    _state["digests"][src] = digest.hexdigest()
    return _state["digests"][src]


def executed_path(src: Path) -> Path:
    return CACHE / f"{src.stem}-{page_digest(src)[:20]}.ipynb"


def _code_cell_lines(src: Path) -> list[int]:
    """Line numbers (from 1) of the first line of each `# %%` code cell in a jupytext percent-format page."""
    lines = src.read_text().splitlines()
    return [i + 2 for i, line in enumerate(lines) if line.startswith("# %%") and "[markdown]" not in line]


def snippets_frames(traceback: str, package: Path) -> list[tuple[str, int, str, str]]:
    """The frames of an (ANSI-stripped) IPython traceback inside `package`: (file relative to the project, line,
    function, code line), outermost first."""
    frames = []
    for block in re.split(r"\n(?=File )", "\n" + traceback):
        match = FRAME.match(block.strip("\n"))
        if not match:
            continue
        path = Path(match["file"]).expanduser()
        if package.resolve() in path.resolve().parents:
            code = FRAME_CODE.search(block)
            name = path.resolve().relative_to(package.resolve().parent).as_posix()
            frames.append((name, int(match["line"]), match["function"], code["code"].strip() if code else ""))
    return frames


def _failure(src: Path, nb, error: CellExecutionError) -> ExecutionFailed:
    page = src.relative_to(ROOT).as_posix()
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    k = next((k for k, c in enumerate(code_cells) if any(o.get("output_type") == "error" for o in c.outputs)), None)
    where = "a code cell" if k is None else f"code cell {k + 1} (line {_code_cell_lines(src)[k]})"
    outputs = [] if k is None else [o for o in code_cells[k].outputs if o.get("output_type") == "error"]
    traceback = ANSI.sub("", "\n".join(outputs[0].get("traceback", []))) if outputs else ""
    return ExecutionFailed(
        f"{page}: {where} raised {error.ename}: {error.evalue}",
        notebook=nb,
        traceback=traceback,
        frames=snippets_frames(traceback, ROOT / "snippets"),
    )


def _with_current_text(src: Path, out: Path) -> None:
    """Give a cached execution the page's current Markdown cells. Its code cells are the page's (they are
    in the cache key), so a text edit is rendered without executing anything. A note beside the execution
    (the hash of the page it was last given) saves reading both when the page has not changed."""
    text_digest = hashlib.sha256(src.read_bytes()).hexdigest()
    note = out.with_suffix(".text")
    if note.is_file() and note.read_text() == text_digest:
        return
    executed = nbformat.read(out, as_version=4)
    outputs = iter([cell for cell in executed.cells if cell.cell_type == "code"])
    cells = [next(outputs) if cell.cell_type == "code" else cell for cell in read_page(src).cells]
    if [(c.cell_type, c.source, c.metadata) for c in cells] != [
        (c.cell_type, c.source, c.metadata) for c in executed.cells
    ]:
        executed.cells = cells
        tmp = out.with_suffix(".tmp")
        nbformat.write(executed, tmp)
        tmp.replace(out)
    note.write_text(text_digest)


def read_page(src: Path):
    """The page as a notebook, its cells' ids made from the page and their place ("loss-3"): jupytext gives
    each cell a random id, which the HTML (`id="cell-id=…"`) and the download carry, so every build differed."""
    nb = jupytext.read(src)
    for k, cell in enumerate(nb.cells):
        cell.id = f"{src.stem}-{k}"
    return nb


def run_notebook(src: Path) -> Path:
    """Execute a notebook page (unless cached) and return the executed .ipynb; errors name the page.

    Raises ExecutionFailed (a PluginError, which stops `mkdocs build`) when a cell raises or runs too long."""
    out = executed_path(src)
    if out.exists():
        if src not in _state["current"]:
            _with_current_text(src, out)
            _state["current"].add(src)
        return out
    page = src.relative_to(ROOT).as_posix()
    nb = read_page(src)
    # IPC sockets in a private folder instead of TCP ports: no "running over TCP without encryption"
    # warning per page, and no port for another local user to connect to.
    start = time.perf_counter()
    sockets = tempfile.TemporaryDirectory(prefix="notes-kernel-")
    km = AsyncKernelManager(kernel_name="python3", transport="ipc", ip=str(Path(sockets.name) / "kernel"))
    # shutdown_kernel="immediate": the notebook has run to the end (or failed), there is nothing to flush, and a
    # graceful shutdown costs about 0.4 s per page.
    # coalesce_streams: a cell's prints are one output, however the kernel happened to flush them (two
    # builds, or the page and its downloaded notebook, split "measured ... cores\n..." differently).
    client = NotebookClient(nb, km=km, timeout=timeout(), kernel_name="python3", allow_errors=False,
                            shutdown_kernel="immediate", coalesce_streams=True,
                            resources={"metadata": {"path": str(ROOT)}})  # fmt: skip
    try:
        with sockets:
            # cleanup_kc: nbclient shuts down only the kernels it created itself; without it every page's
            # kernel (TensorFlow loaded) lived on until mkdocs exited, and under `mkdocs serve` piled up.
            client.execute(cleanup_kc=True)  # the kernel inherits os.environ, KERNEL_THREADS included
    except CellTimeoutError as error:
        message = f"{page}: a cell ran longer than {timeout()} s (NOTES_CELL_TIMEOUT): {error}"
        raise ExecutionFailed(message, notebook=nb) from None
    except CellExecutionError as error:
        raise _failure(src, nb, error) from None
    except DeadKernelError as error:
        raise ExecutionFailed(f"{page}: the kernel died: {error}", notebook=nb) from None
    seconds = time.perf_counter() - start
    log.info(f"executed {page} in {seconds:.1f} s")
    _state["durations"][src.stem] = round(seconds, 1)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp")
    nbformat.write(nb, tmp)
    out.with_suffix(".text").unlink(missing_ok=True)  # a note left by an execution pruned earlier
    tmp.replace(out)
    return out


def on_startup(command, dirty):
    """`mkdocs serve` turns a failing page into an error page; `mkdocs build` (and gh-deploy) fail on it."""
    _state["command"] = command


def _run_or_record(src: Path) -> None:
    """run_notebook; under `mkdocs serve`, a failure is recorded for an error page instead of stopping the build."""
    try:
        run_notebook(src)
    except ExecutionFailed as failure:
        if _state["command"] != "serve":
            raise
        _state["errors"][src] = failure
        log.info(f"{failure}: serving an error page in its place until it executes")


def on_config(config):
    # Expensive results (the headline runs, learning-rate sweeps) are computed once per build and
    # shared by the pages through snippets.cache; the kernels inherit this variable.
    # Always this project's own folder: a copy of the project builds from its own cache.
    os.environ["SNIPPETS_CACHE_DIR"] = str(ROOT / ".cache" / "results")
    # The kernels import this project's own snippets (the code the cache keys hash), even when PYTHONPATH or
    # an editable install of another checkout names another one.
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(ROOT)]
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), *paths])
    _state["deps"] = dependency_digest()
    _state["digests"] = {}  # page_digest, per build: mkdocs serve runs on_config again for every rebuild
    _state["errors"] = {}  # pages that failed in this build (serve only): retried on every rebuild
    _state["current"] = set()  # pages whose cached execution has been given the current text in this build
    _state["docs_dir"] = Path(config["docs_dir"])
    _state["memo"] = Memo("notebooks", _SOURCE)  # this build's memo, saved in on_post_build
    return config


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text())
    except (OSError, ValueError):  # none yet, or a build stopped while writing it
        return {}


def _imports_tensorflow(code: str) -> bool:
    """Whether page code imports Keras or TensorFlow, itself or through a snippets module (seconds of start-up)."""
    package = ROOT / "snippets"
    sources = [code] + [
        (package / f"{name}.py").read_text() for name in cache.dependencies(source=code, package=package)
    ]
    return any(TENSORFLOW_IMPORT.search(source) for source in sources)


def _longest_first(src: Path) -> tuple:
    """Sort key: pages never timed (a fresh clone) first, those computing the shared results (snippets.results)
    before those importing TensorFlow, before the rest; then the timed pages, longest first."""
    if src.stem in _state["durations"]:
        return (1, -_state["durations"][src.stem])
    _, code = _code_cells(src)
    return (0, 0 if "results." in code else 1 if _imports_tensorflow(code) else 2)


def on_files(files, config):
    """Execute every notebook page whose output is not cached, WORKERS at a time, the longest first."""
    pages = {f.src_uri: f for f in files if f.src_uri.endswith(".py") and f.is_documentation_page()}
    _state["pages"] = set(pages)  # src URIs of the notebook pages
    _state["urls"] = {f.src_uri: f.url for f in files if f.is_documentation_page()}
    todo = [Path(f.abs_src_path) for f in pages.values() if not executed_path(Path(f.abs_src_path)).exists()]
    _state["durations"] = _read_json(DURATIONS)
    todo = sorted(todo, key=_longest_first)
    try:
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            for _ in pool.map(_run_or_record, todo):
                pass
    finally:
        if todo:
            DURATIONS.parent.mkdir(parents=True, exist_ok=True)
            stems = {Path(uri).stem for uri in pages}  # a page that is gone is forgotten
            durations = {stem: seconds for stem, seconds in _state["durations"].items() if stem in stems}
            DURATIONS.write_text(json.dumps(durations, indent=0, sort_keys=True))
    return files


def _cache_key(nb_path, config, exec_nb):
    if Path(nb_path) in _state["errors"]:  # an error page is never read back as the page's rendering
        return "error-" + os.urandom(16).hex()
    extra = page_digest(Path(nb_path)) if str(nb_path).endswith(".py") else _state["deps"]
    # The rendered HTML holds the links _page_links wrote: they change with the pages' URLs (a renamed
    # page, or the offline build's file URLs, use_directory_urls: false).
    extra += repr(sorted(_state.get("urls", {}).items()))
    # The page's path too: the rendering holds links relative to the page (its notebook's download link),
    # so two pages with equal text must not share it.
    extra += Path(nb_path).resolve().relative_to(ROOT).as_posix()
    return hashlib.sha256((_original_cache_key(nb_path, config, exec_nb) + extra).encode()).hexdigest()


def _page_links(html: str, src: Path) -> str:
    """Rewrite href="page.md#x" / "page.py#x" to the built page's URL, relative to this page."""
    docs = _state["docs_dir"]
    here = _state["urls"].get(src.relative_to(docs).as_posix(), "")

    def replace(match):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src.relative_to(docs).as_posix()), match.group(1)))
        url = _state["urls"].get(target + ".py", _state["urls"].get(target + ".md"))
        if url is None:
            raise PluginError(f"{src.relative_to(ROOT)}: link to {match.group(0)[6:-1]}, which is not a page")
        # The folder the browser resolves the link from: "forward/" is one, "forward.html" (offline build) is a file.
        base = here if here.endswith("/") else posixpath.dirname(here)
        rel = posixpath.relpath(url or ".", base.rstrip("/") or ".")
        rel = "./" if rel == "." else rel + ("/" if url.endswith("/") else "")
        return f'href="{rel}{match.group(2) or ""}"'

    return PAGE_LINK.sub(replace, html)


def error_page(failure: ExecutionFailed) -> str:
    """The body of the page that stands in for a page whose execution failed (under `mkdocs serve` only)."""
    frames = "".join(
        f"<li><code>{html.escape(file)}</code>, line {line}, in <code>{html.escape(function)}</code>"
        f"<pre><code>{html.escape(code)}</code></pre></li>"
        for file, line, function, code in failure.frames
    )
    frames = f"<p>Where it happened in <code>snippets/</code>:</p><ol>{frames}</ol>" if frames else ""
    details = (
        f"<details><summary>Full traceback</summary><pre><code>{html.escape(failure.traceback)}</code></pre></details>"
        if failure.traceback
        else ""
    )
    return (
        f'<div class="admonition failure notes-build-error" {ERROR_MARK}>'
        f'<p class="admonition-title">Build error: this page did not execute</p>'
        f"<p><code>{html.escape(str(failure))}</code></p>{frames}{details}"
        f"<p>Fix the cell or the module and save: the page comes back on the next rebuild. "
        f"<code>mkdocs build</code> and the tests fail on this error.</p></div>"
    )


def _nb2html(nb_path, execute=False, **kwargs):
    src = Path(nb_path)
    if src in _state["errors"]:
        return error_page(_state["errors"][src])
    executed = run_notebook(src) if execute else src
    html = _original_nb2html(str(executed), execute=False, **kwargs)
    css = "\n".join(STYLE.findall(html))
    if css.strip():
        _state["css"] = css
    html = MERMAID.sub("", MATHJAX_V2.sub("", STYLE.sub("", html)))
    html = _page_links(html, src)
    link = (
        f'<a href="{src.stem}.ipynb" download>Download this page as a Jupyter notebook (.ipynb, with its outputs)</a>'
    )
    return f'<p class="notes-download">{link}</p>' + html


def _images_to_files(output: str, folder: Path) -> str:
    """Move inline base64 figures into files beside the page (named by content): light HTML, cacheable images."""

    def replace(match):
        kind, data = match.group(1), base64.b64decode(match.group(2))
        name = f"fig-{hashlib.sha256(data).hexdigest()[:12]}.{'svg' if kind == 'svg+xml' else kind}"
        (folder / name).write_bytes(data)
        return f'src="{name}"'

    return INLINE_IMAGE.sub(replace, output)


def on_post_page(output, page, config):
    """Put the executed notebook beside the page, for its download link, and figures as files beside any
    page that shows them (notebook pages, and print/, which gathers them)."""
    folder = Path(page.file.abs_dest_path).parent
    if page.file.src_uri in _state["pages"]:
        src = Path(page.file.abs_src_path)
        folder.mkdir(parents=True, exist_ok=True)
        if src in _state["errors"]:  # the notebook as far as it ran, error included, for the author to open
            nbformat.write(_state["errors"][src].notebook, folder / f"{src.stem}.ipynb")
            return output
        (folder / f"{src.stem}.ipynb").write_bytes(run_notebook(src).read_bytes())
    if "data:image/" in output:
        folder.mkdir(parents=True, exist_ok=True)
        output = _images_to_files(output, folder)
    return output


def on_post_build(config):
    """Write the shared notebook CSS (taken from a render, or from a blank notebook when every page was cached)."""
    # nbconvert's CSS depends only on the libraries: kept by their versions, a build that renders no notebook
    # reads it instead of rendering a blank one (half a second).
    options = config.plugins.get("mkdocs-jupyter")  # its theme option, for one, picks the CSS
    options = repr(sorted(options.config.items())) if options is not None else ""
    stored = CACHE / f"notebook-css-{hashlib.sha256((_state['deps'] + options).encode()).hexdigest()[:20]}.css"
    if _state["css"] is None and stored.is_file():
        _state["css"] = stored.read_text()
    if _state["css"] is None:
        blank = CACHE / "blank.ipynb"
        blank.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nbformat.v4.new_notebook(), blank)
        _state["css"] = "\n".join(STYLE.findall(_original_nb2html(str(blank), execute=False)))
    if not stored.is_file():
        for old in CACHE.glob("notebook-css-*.css"):
            old.unlink()
        partial = stored.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(_state["css"])
        partial.replace(stored)  # whole or not at all: a stopped build leaves no half stylesheet to reuse
    _state["memo"].save()
    target = Path(config["site_dir"]) / CSS_PATH
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(_state["css"])
    # Keep the executions in use and the KEEP most recent others of each page, so that reverting an
    # edit is served from the cache; drop the rest, and those of pages that no longer exist.
    used = {executed_path(Path(config["docs_dir"]) / uri) for uri in _state["pages"]}
    used = {path for path in used if path.exists()}  # a page that failed (serve) has no execution to keep
    stems = {Path(uri).stem for uri in _state["pages"]}
    for path in used:
        path.touch(exist_ok=True)  # in use: the most recent
    by_page = {}
    for path in CACHE.glob("*.ipynb"):
        by_page.setdefault(path.stem.rsplit("-", 1)[0], []).append(path)
    for stem, paths in by_page.items():
        if stem == "blank":
            continue
        old = sorted((p for p in paths if p not in used), key=lambda p: p.stat().st_mtime, reverse=True)
        for path in old[KEEP if stem in stems else 0 :]:
            path.unlink()
            path.with_suffix(".text").unlink(missing_ok=True)


# `mkdocs serve` re-imports this hook on every rebuild: always wrap the originals, never a previous wrapper.
_original_cache_key = getattr(
    jupyter_plugin._compute_cache_key, "__wrapped_original__", jupyter_plugin._compute_cache_key
)
_original_nb2html = getattr(convert.nb2html, "__wrapped_original__", convert.nb2html)
_cache_key.__wrapped_original__ = _original_cache_key
_nb2html.__wrapped_original__ = _original_nb2html
jupyter_plugin._compute_cache_key = _cache_key
convert.nb2html = _nb2html
