"""Stage 1: the notebook pages executed (nbclient), once per change, in parallel, failing loudly.

Before mkdocs-jupyter takes the pages, every docs/*.py page whose execution is not cached runs, the longest
first (by their last recorded time), `workers` kernels at once, each on one thread (KERNEL_THREADS). A cell
that raises fails the build with the page and the cell named; a cell running longer than `cell_timeout`
seconds fails it too. Under `mkdocs serve` a failing page is recorded instead (notebook_html shows an error
page in its place) and the rest of the site keeps serving.

Each page's File (which mkdocs-jupyter's on_files has made a notebook page) then gets the executed notebook,
with the page's current Markdown, as its source (`File.abs_src_path`, which a plugin's on_files may set):
mkdocs-jupyter (execute: false) renders it as it is, and its own cache, keyed on the notebook's bytes, is
right as it is. Executions are kept in
.cache/notebooks by notebook_keys' page key, so a text edit re-executes nothing.
"""

import functools
import logging
import os
import re
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from jupyter_client.manager import AsyncKernelManager
from mkdocs.exceptions import PluginError
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

from snippets.course import cache

from . import disk_cache, notebook_keys, self_install
from .notebook_keys import Keys, read_page
from .project import cache_folder, options, page_memo, root

log = logging.getLogger("mkdocs.plugins.notes.execute")  # under "mkdocs": printed with mkdocs' own lines
KEEP = 40  # executions kept besides the current ones: reverting an edit is served from the cache
# One thread per kernel, and one kernel more than the 2 cores: a page waiting for a shared result that another
# page is computing (snippets.course.cache's lock) then leaves no core idle. With the libraries' default thread pools
# two kernels fought over the cores (cold build 83 s, 63 s with one thread each), and the outputs depended on
# the machine's core count (a float sum's order does). The shared results are keyed on these settings.
KERNEL_THREADS = dict.fromkeys(cache.THREAD_SETTINGS, "1")
ANSI = re.compile(r"\x1b\[[0-9;]*m")
# A frame of IPython's traceback, colours stripped: "File /p/snippets/x.py:12, in f(a, b)" ... "---> 12     code"
FRAME = re.compile(r"^File (?P<file>.+?):(?P<line>\d+), in (?P<function>[^\s(]+)")
FRAME_CODE = re.compile(r"^-+> *\d+ ?(?P<code>.*)$", re.M)


class ExecutionFailed(PluginError):
    """A page whose execution failed: the message names the page and the cell; `notebook` holds the outputs up
    to the failure and `frames` the traceback's frames inside snippets/ as (file, line, function, code)."""

    def __init__(self, message: str, notebook=None, traceback: str = "", frames=()):
        super().__init__(message)
        self.notebook, self.traceback, self.frames = notebook, traceback, list(frames)


@dataclass
class State:
    """This build's settings and results: failed pages (under `mkdocs serve` only; a build stops at the first),
    {src_uri: ExecutionFailed}, and each page's last execution time, {stem: seconds}."""

    root: Path = Path()
    docs: Path = Path()
    timeout: int = 300
    workers: int = 3
    command: str = "build"
    keys: Keys | None = None
    memo: disk_cache.Memo | None = None
    store: disk_cache.Store | None = None
    errors: dict[str, ExecutionFailed] = field(default_factory=dict)
    durations: dict[str, float] = field(default_factory=dict)


def snippets_frames(traceback: str, package: Path) -> list[tuple[str, int, str, str]]:
    """The frames of an (ANSI-stripped) IPython traceback inside `package`: (file relative to the project, line,
    function, code line), outermost first."""
    frames = []
    for block in re.split(r"\n(?=File )", "\n" + traceback):
        match = FRAME.match(block.strip("\n"))
        if match and package.resolve() in Path(match["file"]).expanduser().resolve().parents:
            code = FRAME_CODE.search(block)
            name = Path(match["file"]).expanduser().resolve().relative_to(package.resolve().parent).as_posix()
            frames.append((name, int(match["line"]), match["function"], code["code"].strip() if code else ""))
    return frames


def _failure(state: State, src: Path, nb, error: CellExecutionError) -> ExecutionFailed:
    code_cells = [c for c in nb.cells if c.cell_type == "code"]
    k = next((k for k, c in enumerate(code_cells) if any(o.get("output_type") == "error" for o in c.outputs)), None)
    # the line of each code cell's first line, as its author counts it: the one after its "# %%"
    lines = [i + 2 for i, line in enumerate(src.read_text().splitlines()) if line.startswith("# %%") and "[markdown]" not in line]  # noqa: E501  # fmt: skip
    where = "a code cell" if k is None else f"code cell {k + 1} (line {lines[k]})"
    outputs = [] if k is None else [o for o in code_cells[k].outputs if o.get("output_type") == "error"]
    traceback = ANSI.sub("", "\n".join(outputs[0].get("traceback", []))) if outputs else ""
    message = f"{src.relative_to(state.root).as_posix()}: {where} raised {error.ename}: {error.evalue}"
    frames = snippets_frames(traceback, state.root / "snippets")
    return ExecutionFailed(message, notebook=nb, traceback=traceback, frames=frames)


def run_notebook(state: State, src: Path, target: Path) -> None:
    """Execute a notebook page into `target` (metadata notes.imported: self_install.record); raises ExecutionFailed
    when a cell raises or runs too long."""
    page, timeout = src.relative_to(state.root).as_posix(), state.timeout
    nb = read_page(src)
    probe = self_install.probe_cell()  # what the run needed, for the download's install cell
    nb.cells.append(probe)
    start = time.perf_counter()
    # IPC sockets in a private folder instead of TCP ports: no "running over TCP without encryption" warning
    # per page, and no port for another local user to connect to. ZeroMQ has no IPC transport on Windows.
    sockets = tempfile.TemporaryDirectory(prefix="notes-kernel-")
    where = {"transport": "ipc", "ip": str(Path(sockets.name) / "kernel")} if os.name != "nt" else {}
    km = AsyncKernelManager(kernel_name="python3", **where)
    # shutdown_kernel="immediate": nothing to flush, and a graceful shutdown costs 0.4 s per page.
    # coalesce_streams: a cell's prints are one output, however the kernel happened to flush them.
    # record_timing=False: no execution timestamps in the notebook, so two builds give the same download.
    client = NotebookClient(nb, km=km, timeout=timeout, kernel_name="python3", allow_errors=False,
                            shutdown_kernel="immediate", coalesce_streams=True, record_timing=False,
                            resources={"metadata": {"path": str(state.root)}})  # fmt: skip
    try:
        with sockets:
            # cleanup_kc: without it every page's kernel (TensorFlow loaded) lived on until mkdocs exited.
            client.execute(cleanup_kc=True)  # the kernel inherits os.environ (on_config's settings)
    except CellTimeoutError as error:
        raise ExecutionFailed(f"{page}: a cell ran longer than {timeout} s (cell_timeout): {error}", nb) from None
    except CellExecutionError as error:
        raise _failure(state, src, nb, error) from None
    except DeadKernelError as error:
        raise ExecutionFailed(f"{page}: the kernel died: {error}", notebook=nb) from None
    finally:
        nb.cells.remove(probe)  # never part of the page, its download or a failed page's notebook
    seconds = time.perf_counter() - start
    log.info(f"executed {page} in {seconds:.1f} s")
    state.durations[src.stem] = round(seconds, 1)
    self_install.record(nb, probe)
    nbformat.write(nb, target)


def _with_text(src: Path, execution: Path, target: Path) -> None:
    """The execution with the page's current Markdown cells (its code cells are the page's: they are in the key)."""
    executed = nbformat.read(execution, as_version=4)
    outputs = iter([cell for cell in executed.cells if cell.cell_type == "code"])
    # a code cell: its outputs from the execution, its id from its place in the page now
    page = read_page(src).cells
    executed.cells = [nbformat.from_dict({**next(outputs), "id": c.id}) if c.cell_type == "code" else c for c in page]
    nbformat.write(executed, target)


def _execution_name(state: State, src: Path) -> str:
    """The page's execution in the cache, less its suffix: its stem and the key of its code and what it reads."""
    return f"{src.stem}-{state.keys.page(src)[:20]}"


def executed(state: State, src: Path) -> Path:
    """The page's executed notebook with its current text, from the cache or executed now."""
    store = state.store
    name = _execution_name(state, src)
    execution = store.get(f"{name}.ipynb", lambda target: run_notebook(state, src, target))
    text = disk_cache.key(src.read_bytes())[:12]
    return store.get(f"{name}-{text}.ipynb", lambda target: _with_text(src, execution, target))


def _run_or_record(state: State, src: Path) -> None:
    try:
        executed(state, src)
    except ExecutionFailed as error:
        if state.command != "serve":
            raise
        state.errors[src.relative_to(state.docs).as_posix()] = error
        log.info(f"{error}: serving an error page in its place until it executes")


def on_config(config, build):
    project = root(config)
    # One thread per numerical library in the kernels, which inherit the environment, and in the shared results'
    # keys (snippets/course/cache.py reads these variables), here too when exports.py reads those results.
    os.environ.update(KERNEL_THREADS)
    # Expensive results are computed once per build and shared by the pages through snippets.course.cache (the kernels
    # inherit this variable); always this project's folder, so a copy of the project builds from its own.
    os.environ["SNIPPETS_CACHE_DIR"] = str(cache_folder(config) / "results")
    # The kernels import this project's own snippets, even when PYTHONPATH or an editable install names another.
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p and p != str(project)]
    os.environ["PYTHONPATH"] = os.pathsep.join([str(project), *paths])
    memo = page_memo(config, "notebooks", notebook_keys.SOURCES)
    build.execute = State(root=project, docs=Path(config["docs_dir"]), keys=Keys(project, memo), memo=memo,
                          store=disk_cache.Store(cache_folder(config) / "notebooks", KEEP), command=build.command,
                          timeout=options(config).cell_timeout, workers=options(config).workers)  # fmt: skip
    return config


def on_files(files, config, build):
    """Execute the pages not cached (`workers` at once), then give each page its executed notebook as source."""
    pages = {f.src_uri: Path(f.abs_src_path) for f in files if f.src_uri.endswith(".py") and f.is_documentation_page()}
    durations_file = cache_folder(config) / "durations.json"  # {page: seconds of its last execution}
    state = build.execute
    state.durations = disk_cache.read_json(durations_file)
    todo = [src for src in pages.values() if not state.store.path(f"{_execution_name(state, src)}.ipynb").is_file()]
    todo.sort(key=lambda src: state.keys.longest_first(src, state.durations))
    try:
        with ThreadPoolExecutor(max_workers=state.workers) as pool:
            list(pool.map(functools.partial(_run_or_record, state), todo))
    finally:
        if todo:  # a page that is gone is forgotten
            stems = {src.stem for src in pages.values()}
            durations = {stem: s for stem, s in sorted(state.durations.items()) if stem in stems}
            disk_cache.atomic_write(durations_file, disk_cache.json_text(durations))
    by_uri = {f.src_uri: f for f in files}
    for uri, src in pages.items():
        error = state.errors.get(uri)
        if error is not None:  # the notebook as far as it ran, error included, for the author to open
            source = cache_folder(config) / "failed" / f"{src.stem}.ipynb"
            disk_cache.atomic_write(source, nbformat.writes(error.notebook))
        else:
            source = executed(state, src)
        by_uri[uri].abs_src_path = str(source)
    return files


def on_post_build(config, build):
    build.execute.store.prune()
    build.execute.memo.save()
