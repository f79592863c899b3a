"""The offline zip (`make offline`) read from the file system, with no network, in Chromium.

Built as scripts/offline_zip.py builds it, unzipped, and opened at file://.../index.html with every
request that is not to a file blocked: math is rendered, navigation and search work, figures load and
the notebook downloads are notebooks. Needs /usr/bin/chromium, as tests/test_browser.py does.
"""

import sys
import zipfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from conftest import checkout_build_lock

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from chromium import MARKS, RAW_MATH  # noqa: E402
from offline_zip import FOLDER, build_offline_zip  # noqa: E402
from page_scripts import wait_for_scripts  # noqa: E402

pytestmark = [*MARKS, pytest.mark.xdist_group("offline_zip")]  # its build, once: one worker runs them all
# Math is MathML written at build (notes_build/typeset.py), drawn in the math font the offline build inlines.
MATH_STATE = """async () => {
  await document.fonts.ready;
  const rendered = document.querySelectorAll('.md-content math').length;
  const clone = document.querySelector('.md-content').cloneNode(true);
  clone.querySelectorAll('pre, code, math, script').forEach(e => e.remove());
  const font = [...document.fonts].some(f => f.family.replace(/"/g, '') === 'NotoSans Math' && f.status === 'loaded');
  return {rendered, font, text: clone.innerText};
}"""
MATH_PAGES = ("index.html", "loss.html", "forward.html", "backprop.html", "formulas.html")


@pytest.fixture(scope="module")
def offline_site(tmp_path_factory):
    """The offline zip of this checkout, built and unzipped; returns its notes-offline/ folder."""
    tmp = tmp_path_factory.mktemp("offline")
    with checkout_build_lock():
        archive = build_offline_zip(ROOT, tmp / "notes-offline.zip")
    with zipfile.ZipFile(archive) as z:
        assert {Path(name).parts[0] for name in z.namelist()} == {FOLDER}, "the zip must hold one folder"
        z.extractall(tmp / "unzipped")
    return tmp / "unzipped" / FOLDER


@pytest.fixture
def page(browser, offline_site):
    """A page with no network: any request that is not file:, data: or blob: is aborted and recorded."""
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.blocked, page.errors = [], []

    def route(route):
        if route.request.url.startswith(("file:", "data:", "blob:")):
            route.continue_()
        else:
            page.blocked.append(route.request.url)
            route.abort()

    context.route("**/*", route)
    page.on("console", lambda msg: msg.type == "error" and page.errors.append(msg.text))
    page.on("pageerror", lambda exc: page.errors.append(str(exc)))
    page.site = offline_site
    yield page
    context.close()


def open_page(page, name):
    page.goto((page.site / name).as_uri(), wait_until="load")
    wait_for_scripts(page)


def local_path(page, url):
    """The file a file:// URL of the unzipped site points to."""
    parts = urlsplit(url)
    assert parts.scheme == "file", url
    return Path(unquote(parts.path))


def pages(site):
    return sorted(p.name for p in site.glob("*.html") if p.name != "404.html")


def test_offline_pages_render_math_and_figures(page):
    """Every page: math rendered (MathML, in its font) with no raw TeX left, every figure loaded, no folder link."""
    problems, figures = [], 0
    for name in pages(page.site):
        open_page(page, name)
        state = page.evaluate(MATH_STATE)
        raw = RAW_MATH.findall(state["text"])
        if raw:
            problems.append(f"{name}: raw TeX in the text: {raw[:3]}")
        if name in MATH_PAGES and (state["rendered"] == 0 or not state["font"]):
            problems.append(f"{name}: no rendered math (MathML), or its font did not load: {state['font']=}")
        images = page.evaluate(
            "() => [...document.querySelectorAll('.md-content img')].map(i => [i.src, i.naturalWidth])"
        )
        problems += [f"{name}: figure did not load: {src}" for src, width in images if width == 0]
        figures += len(images)
        # A link to a folder opens a directory listing from file://, not the page.
        folders = page.evaluate(
            "() => [...document.querySelectorAll('a[href]')].map(a => a.href)"
            ".filter(h => h.startsWith('file:') && new URL(h).pathname.endsWith('/'))"
        )
        problems += [f"{name}: link to a folder: {href}" for href in folders[:3]]
    assert not problems, "\n".join(problems)
    assert figures >= 10, f"only {figures} figures on the whole site"
    assert not page.errors, f"console or page errors: {page.errors}"
    assert not page.blocked, f"requests beyond the file system: {page.blocked}"


def test_offline_navigation_between_pages(page):
    """The side navigation, the footer's next link and a link inside a notebook page each open the page."""
    open_page(page, "index.html")
    nav = page.locator("nav.md-nav--primary")
    nav.locator("label.md-nav__link", has_text="Lessons").first.click()  # open the collapsed section
    link = nav.locator("a.md-nav__link[href='forward.html']").first
    # clicked as a reader would, once the section is open and the fonts are in: on a busy machine a late font can
    # still move the navigation under the pointer (two parallel runs in seven clicked without navigating)
    link.wait_for(state="visible")
    page.evaluate("async () => { await document.fonts.ready; }")
    with page.expect_navigation():  # a click returns before its page loads: wait for that one, not this one
        link.click()
    assert page.url == (page.site / "forward.html").as_uri()
    assert "Forward propagation" in page.locator("h1").first.inner_text()
    with page.expect_navigation():
        page.locator("a.md-footer__link--next").click()
    assert page.url == (page.site / "backprop.html").as_uri()
    with page.expect_navigation():
        page.locator("a.md-footer__link--next").click()
    # A link written as `backprop.py` in the notebook's Markdown, rewritten by notes_build/notebook_html.py.
    with page.expect_navigation():
        page.locator(".md-content .jp-RenderedMarkdown a[href^='backprop.html']").first.click()
    wait_for_scripts(page)  # the page's scripts have run: their errors, if any, are in page.errors
    assert urlsplit(page.url).path.endswith("/backprop.html") and "Backpropagation" in page.title()
    assert not page.errors, f"console or page errors: {page.errors}"
    assert not page.blocked, f"requests beyond the file system: {page.blocked}"


def test_offline_interactive_pages_load_their_data(page):
    """From file:// (where a page may not fetch a file) the learning-rate explorer draws its curves and the
    drawing pad loads its network, from the data scripts the offline build writes (notes_build/offline.py)."""
    open_page(page, "gradient-descent.html")
    page.wait_for_function("() => /final loss/.test(document.querySelector('#lr-readout').textContent)")
    assert page.locator("#lr-slider").is_enabled()
    open_page(page, "try-it.html")
    page.wait_for_function("() => window.digitNet && document.querySelector('#digit-status').hidden")
    assert page.evaluate("() => window.digitNet.params.W1.length") > 0
    assert not page.errors, f"console or page errors: {page.errors}"
    assert not page.blocked, f"requests beyond the file system: {page.blocked}"


def test_offline_search_finds_and_opens_a_page(page):
    """Searching 'sigmoid' from file:// lists results (offline plugin's index script and worker shim); one opens."""
    open_page(page, "index.html")
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially("sigmoid", delay=30)  # material listens to key events, not to fill()
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert "sigmoid" in page.locator(".md-search-result").inner_text().lower()
    href = page.locator(".md-search-result__link").first.get_attribute("href")
    page.locator(".md-search-result__link").first.click()
    page.wait_for_load_state("load")
    assert urlsplit(page.url).path.endswith(".html") and local_path(page, page.url).is_file(), (href, page.url)
    assert not page.errors, f"console or page errors: {page.errors}"
    assert not page.blocked, f"requests beyond the file system: {page.blocked}"


def test_offline_notebook_downloads(page):
    """A page's notebook link opens its executed notebook; the Downloads page links every notebook, the wheel
    and the zip, as files present in the unzipped folder, and the zip downloads.

    From file:// Chromium ignores the `download` attribute of a link to a file it can show (a notebook is
    JSON): the link opens the notebook as text, which the reader saves, or finds beside the page in the folder.
    """
    open_page(page, "forward.html")
    page.locator("p.notes-download a").click()
    page.wait_for_load_state("load")
    assert page.url == (page.site / "forward.ipynb").as_uri()
    notebook = nbformat.reads(page.locator("body").inner_text(), as_version=4)
    nbformat.validate(notebook)
    assert any(c.get("outputs") for c in notebook.cells if c.cell_type == "code"), "the notebook has no outputs"

    open_page(page, "downloads.html")
    hrefs = page.evaluate("() => [...document.querySelectorAll('.md-content a[download]')].map(a => a.href)")
    files = [local_path(page, href) for href in hrefs]
    missing = [str(f) for f in files if not f.is_file()]
    assert not missing, f"download links to missing files: {missing}"
    assert sum(f.suffix == ".ipynb" for f in files) >= 10 and any(f.suffix == ".whl" for f in files), hrefs
    with page.expect_download() as download:
        page.locator(".md-content a[download][href$='notebooks.zip']").click()
    with zipfile.ZipFile(download.value.path()) as notebooks:
        assert sum(name.endswith(".ipynb") for name in notebooks.namelist()) >= 10
    assert not page.errors, f"console or page errors: {page.errors}"
