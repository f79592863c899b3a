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
import sys  # noqa: E402
import threading  # noqa: E402

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from site_project import copy_project, site_build  # noqa: E402, F401  (site tests import them from here)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory):
    """The real site, built strictly from this checkout (its notebook cache reused when valid)."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = site_build(ROOT, site)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout[-3000:]}\n{result.stderr[-5000:]}"
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
