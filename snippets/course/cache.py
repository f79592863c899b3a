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

PACKAGE = Path(__file__).parents[1]  # snippets/
# tensorflow and tensorflow-cpu: the site build has the second on Linux x86_64, the first elsewhere (pyproject.toml).
LIBRARIES = ("numpy", "tensorflow", "tensorflow-cpu", "keras")
# The variables that set NumPy's BLAS and TensorFlow's thread counts. The site build and the tests set them
# all to 1 (notes_build/execute.py, tests/conftest.py), so both compute, and share, the same results.
THREAD_SETTINGS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "TF_NUM_INTRAOP_THREADS",
                   "TF_NUM_INTEROP_THREADS")  # fmt: skip


@functools.lru_cache(maxsize=256)
def _imported_names(source: str) -> frozenset[tuple[str, ...]]:
    # Memoized on the text: the site build asks for every page's dependencies, which share modules.
    # Each import as the dotted path below snippets that it names, with the name it takes from there:
    # ("course", "show") for `from snippets.course import show`, ("course", "show", "HTML") for
    # `from snippets.course.show import HTML`.
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").split(".")[0] == "snippets":
            path = tuple(node.module.split(".")[1:])
            names.update((*path, alias.name) for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(tuple(a.name.split(".")[1:]) for a in node.names if a.name.startswith("snippets."))
    return frozenset(names)


def _module(package: Path, path: tuple[str, ...]) -> str | None:
    """The module that a dotted path below snippets names, as its file's path without .py ("course/show",
    "practice/questions/__init__"), or None: the longest prefix of the path that is a module or a package."""
    for end in range(len(path), 0, -1):
        name = "/".join(path[:end])
        if (package / f"{name}.py").is_file():
            return name
        if (package / name / "__init__.py").is_file():
            return f"{name}/__init__"
    return None


def imported_modules(source: str, package: Path | None = None) -> set[str]:
    """The snippets modules that Python `source` imports (at any depth of its code), as their files' paths below
    snippets/ without .py; the packages on the way count too, as Python runs their __init__ first."""
    package = package or PACKAGE
    found = set()
    for path in _imported_names(source):
        module = _module(package, path)
        if module is None:
            continue
        found.add(module)
        parts = module.split("/")
        found.update("/".join([*parts[:k], "__init__"]) for k in range(1, len(parts)) if parts[k] != "__init__")
    return found


def _package_modules(package: Path, module: str) -> set[str]:
    """A package's own modules, when its __init__ imports them all (it calls pkgutil.iter_modules): a name taken
    from the package may come from any of them."""
    if not module.endswith("/__init__") or "pkgutil.iter_modules" not in (package / f"{module}.py").read_text():
        return set()
    folder = module.removesuffix("/__init__")
    return {f"{folder}/{p.stem}" for p in (package / folder).glob("*.py") if p.stem != "__init__"}


def dependencies(module: str | None = None, *, source: str = "", package: Path | None = None) -> list[str]:
    """The snippets modules that `module` (a path below snippets/ without .py, "course/results") or Python `source`
    depends on, __init__ included, sorted.

    package: the snippets folder to read (default: this one); the site build passes its project's own.
    """
    package = package or PACKAGE
    seen, todo = set(), ["__init__", *imported_modules(source, package)]
    if module:
        if not (package / f"{module}.py").is_file():
            raise ValueError(f"no module snippets/{module}.py: name one by its path below snippets/ (course/results)")
        todo += imported_modules(f"import snippets.{module.removesuffix('/__init__').replace('/', '.')}", package)
    while todo:
        name = todo.pop()
        if name not in seen:
            seen.add(name)
            todo.extend(imported_modules((package / f"{name}.py").read_text(), package))
            todo.extend(_package_modules(package, name))
    return sorted(seen)


def modules(package: Path | None = None) -> list[str]:
    """Every module of the package, as dependencies names them."""
    package = package or PACKAGE
    return sorted(p.relative_to(package).with_suffix("").as_posix() for p in package.rglob("*.py"))


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
    if PACKAGE in source.parents:
        names = dependencies(source.relative_to(PACKAGE).with_suffix("").as_posix())
    else:  # a function outside the package (a test, a script): its own file and, to be safe, every module
        digest.update(source.read_bytes())
        names = modules()
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
        module = PACKAGE / f"{rest.replace('.', '/')}.py"
        if root == "snippets" and module.is_file():
            tree = ast.parse(module.read_text())
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
