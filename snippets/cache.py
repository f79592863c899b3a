"""Expensive results computed once per build and shared by every page that reports them.

`cached(func, **kwargs)` returns func(**kwargs), stored on disk when SNIPPETS_CACHE_DIR names a
folder (the site build sets it, see notes_build/execute.py); without it, every call computes. The key is
the content of what can change the result:

- the function's name and its keyword arguments;
- the source of the snippets modules it depends on: its own module and every snippets module that
  one imports, directly or through others (so an edit to `plots.py` does not retrain a network);
- the data file, the versions of the numerical libraries and their thread settings (THREAD_SETTINGS: the
  number of threads can change the order of a float sum, so the result).

Two pages executing at once that need the same result take a file lock: the second waits for the
first and reads its result instead of computing it again.
"""

import ast
import builtins
import contextlib
import functools
import hashlib
import importlib.metadata
import inspect
import os
import pickle
import sys
from pathlib import Path

try:
    import fcntl
except ImportError:  # not POSIX: no lock; at worst two pages compute the same result
    fcntl = None

PACKAGE = Path(__file__).parent
# tensorflow and tensorflow-cpu: the site build has the second on Linux x86_64, the first elsewhere (pyproject.toml).
LIBRARIES = ("numpy", "tensorflow", "tensorflow-cpu", "keras")
# The variables that set NumPy's BLAS and TensorFlow's thread counts. The site build and the tests set them
# all to 1 (notes_build/execute.py, tests/conftest.py), so both compute, and share, the same results.
THREAD_SETTINGS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "TF_NUM_INTRAOP_THREADS",
                   "TF_NUM_INTEROP_THREADS")  # fmt: skip


@functools.lru_cache(maxsize=256)
def _imported_names(source: str) -> frozenset[str]:
    # Memoized on the text: the site build asks for every page's dependencies, which share modules.
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module == "snippets":
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("snippets."):
            names.add(node.module.split(".")[1])
        elif isinstance(node, ast.Import):
            names.update(a.name.split(".")[1] for a in node.names if a.name.startswith("snippets."))
    return frozenset(names)


def imported_modules(source: str, package: Path | None = None) -> set[str]:
    """Names of the snippets modules that Python `source` imports (at any depth of its code)."""
    package = package or PACKAGE
    return {name for name in _imported_names(source) if (package / f"{name}.py").is_file()}


def dependencies(module: str | None = None, *, source: str = "", package: Path | None = None) -> list[str]:
    """The snippets modules that `module` (or Python `source`) depends on, __init__ included, sorted.

    package: the snippets folder to read (default: this one); the site build passes its project's own.
    """
    package = package or PACKAGE
    seen, todo = set(), ["__init__", *imported_modules(source, package), *([module] if module else [])]
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(imported_modules((package / f"{name}.py").read_text(), package))
    return sorted(seen)


def library_versions(names) -> dict[str, str | None]:
    """{distribution name: installed version, or None when it is not installed}."""
    found = {}
    for name in names:
        try:
            found[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            found[name] = None
    return found


def key(func, kwargs: dict) -> str:
    """Hex digest of everything that can change func(**kwargs): see the module docstring."""
    source = Path(inspect.getsourcefile(func))
    digest = hashlib.sha256(f"{source.stem}.{func.__qualname__}{sorted(kwargs.items())!r}".encode())
    if source.parent == PACKAGE:
        names = dependencies(source.stem)
    else:  # a function outside the package (a test, a script): its own file and, to be safe, every module
        digest.update(source.read_bytes())
        names = sorted(path.stem for path in PACKAGE.glob("*.py"))
    for name in names:
        digest.update(name.encode() + b"\0" + (PACKAGE / f"{name}.py").read_bytes())
    from snippets.data import data_file

    digest.update(hashlib.sha256(data_file().read_bytes()).digest())
    digest.update(repr(library_versions(LIBRARIES)).encode())
    digest.update(repr({name: os.environ.get(name) for name in THREAD_SETTINGS}).encode())
    return digest.hexdigest()


FRAMEWORKS = ("keras", "tensorflow")
# What the results this process read from the cache needed when they were computed: a hit imports nothing, yet
# the same call in a fresh kernel (a learner's download) would.
_NEEDED: set[str] = set()
_WATCHERS: list[set] = []  # the import statements each computation in progress runs, innermost last


def frameworks_needed() -> list[str]:
    """Which of FRAMEWORKS this process imported, or would have without the cache's hits (sorted)."""
    return sorted(_NEEDED | {name for name in FRAMEWORKS if name in sys.modules})


def _frameworks_of(imports: set) -> list[str]:
    """FRAMEWORKS, if an import statement named one of them or a snippets module that imports one when loaded."""
    for name in imports:
        root, _, rest = name.partition(".")
        if root in FRAMEWORKS:
            return list(FRAMEWORKS)
        if root == "snippets" and (PACKAGE / f"{rest}.py").is_file():
            tree = ast.parse((PACKAGE / f"{rest}.py").read_text())
            top = [node for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)]
            names = [n.module or "" for n in top if isinstance(n, ast.ImportFrom)]
            names += [a.name for n in top if isinstance(n, ast.Import) for a in n.names]
            if any(n.split(".")[0] in FRAMEWORKS for n in names):
                return list(FRAMEWORKS)
    return []


@contextlib.contextmanager
def _watching_imports():
    """The set of module names the import statements run inside the block name (a module already loaded too:
    unlike sys.modules, this tells what the code uses, whatever was imported before it)."""
    seen, original = set(), builtins.__import__

    def watch(name, globals=None, locals=None, fromlist=(), level=0):
        for watcher in _WATCHERS:
            watcher.add(name)
            if name == "snippets" and fromlist:
                watcher.update(f"snippets.{item}" for item in fromlist)
        return original(name, globals, locals, fromlist, level)

    _WATCHERS.append(seen)
    builtins.__import__ = watch
    try:
        yield seen
    finally:
        _WATCHERS.pop()
        builtins.__import__ = original


def cached(func, **kwargs):
    """func(**kwargs), computed once per key and then read from SNIPPETS_CACHE_DIR (when set).

    The value must pickle: NumPy arrays, numbers, lists and dicts (a Keras model does not). Beside it, a `.needs`
    file names the FRAMEWORKS its computation's import statements asked for, directly or through a snippets module
    (frameworks_needed reports them on a hit): the same whichever kernel computed it, and whatever it had loaded.
    """
    folder = os.environ.get("SNIPPETS_CACHE_DIR")
    if not folder:
        return func(**kwargs)
    path = Path(folder) / f"{func.__name__}-{key(func, kwargs)[:24]}.pkl"
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path.with_suffix(".lock"), "w") as lock:
        if fcntl is not None:
            fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        needs = path.with_suffix(".needs")
        if path.exists():
            # Files in this folder are written only by this function, below.
            hit = needs.read_text().split() if needs.exists() else list(FRAMEWORKS)  # unknown: assume both
            _NEEDED.update(hit)
            for watcher in _WATCHERS:  # an enclosing computation needs what this result needed
                watcher.update(hit)
            return pickle.loads(path.read_bytes())
        with _watching_imports() as imports:
            value = func(**kwargs)
        needs.write_text(" ".join(_frameworks_of(imports)))
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)
        return value
