"""Shared fixtures: small real data sets and a small network, built once per session."""

import os
from pathlib import Path

from snippets.course.cache import THREAD_SETTINGS

# The tests read the same once-per-build results as the site build of this checkout (snippets.course.cache):
# the headline runs are trained once, whichever of the two needs them first. The results are keyed on the
# libraries' thread settings: these are the site build's (notes_build/execute.py), set before NumPy loads.
os.environ.setdefault("SNIPPETS_CACHE_DIR", str(Path(__file__).parents[1] / ".cache" / "results"))
os.environ.update(dict.fromkeys(THREAD_SETTINGS, "1"))

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from snippets import data  # noqa: E402
from snippets.numpy_net import init_params  # noqa: E402


@pytest.fixture(scope="session")
def digits():
    """200 class-balanced training digits: X (400, 200), Y (1, 200)."""
    return data.load("train", n=200, seed=0)


@pytest.fixture(scope="session")
def test_set():
    """All 2,115 test digits: X (400, 2115), Y (1, 2115)."""
    return data.load("test")


@pytest.fixture
def small():
    """A 5-4-3-1 network with 8 random examples, for finite differences."""
    rng = np.random.default_rng(1)
    X = rng.normal(size=(5, 8))
    Y = (rng.random((1, 8)) > 0.5).astype(float)
    return X, Y, init_params((5, 4, 3, 1), seed=3)


# --- The built site -------------------------------------------------------------------------------

import functools  # noqa: E402
import http.server  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from site_project import copy_project, site_build  # noqa: E402, F401  (site tests import them from here)

# The fixtures that build this checkout's site (with the lock below): the tests that use one run last but one.
CHECKOUT_BUILDS = {"built_site", "offline_site", "subpath_site"}


def pytest_collection_modifyitems(items):
    """The order the tests start in, for `make test`'s workers (pytest-xdist, in this order): one test that needs
    the built site first, so that the build starts at once; then the slow tests that need no build of this checkout
    (builds of copies, virtual environments, the package registry), so that the longest start early; then the fast
    ones; then those that need a build of this checkout."""

    def builds(item):
        return not CHECKOUT_BUILDS.isdisjoint(item.fixturenames)

    first = next((item for item in items if "built_site" in item.fixturenames), None)
    items.sort(key=lambda item: (item is not first, builds(item), item.get_closest_marker("slow") is None))


def checkout_build_lock():
    """The lock every build of this checkout takes: they share its caches (.cache/), which two builds at once,
    on two of `make test`'s workers (pytest-xdist), would write together."""
    from filelock import FileLock  # here: the oldest-versions venv (test_platforms.py) runs conftest without it

    (ROOT / ".cache").mkdir(exist_ok=True)
    return FileLock(ROOT / ".cache" / "build.lock")


def run_folder(tmp_path_factory) -> Path:
    """The temporary folder that every worker of this pytest run shares (the parent of each worker's own)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if "PYTEST_XDIST_WORKER" in os.environ else base


def once_per_run(tmp_path_factory, name: str, make):
    """make()'s result (JSON), made by the first worker of this run that asks for it and read by the others."""
    from filelock import FileLock

    path = run_folder(tmp_path_factory) / f"{name}.json"
    with FileLock(f"{path}.lock"):
        if not path.is_file():
            path.write_text(json.dumps(make()))
    return json.loads(path.read_text())


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site, built strictly from this checkout (its notebook cache reused when valid), once per run."""
    site = run_folder(tmp_path_factory) / "built" / "site"

    def build():
        with checkout_build_lock():
            result = site_build(ROOT, site)
        return {"returncode": result.returncode, "log": f"{result.stdout[-3000:]}\n{result.stderr[-5000:]}"}

    outcome = once_per_run(tmp_path_factory, "built", build)
    assert outcome["returncode"] == 0, f"mkdocs build --strict failed:\n{outcome['log']}"
    return site


@pytest.fixture(scope="session")
def site_pages(built_site):
    """{url path: has math (MathML)} for every page of the built site, e.g. {"": False, "loss/": True, ...}."""
    pages = {}
    for html in sorted(built_site.rglob("index.html")):
        path = html.parent.relative_to(built_site).as_posix()
        text = html.read_text()
        pages["" if path == "." else path + "/"] = "<math" in text  # notes_build/typeset.py writes MathML at build
    return pages


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def served_site(built_site):
    """The built site served on 127.0.0.1 (a free port); yields its base URL ending in '/'."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser():
    """One headless Chromium per test module (tests/chromium.py: which one, and when browser tests skip)."""
    from chromium import ARGS, CHROMIUM

    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="browser tests need the playwright package (make setup)"
    )
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()
