"""The site served under a sub-path (http://host/neural-notes/, as on a project's GitHub Pages): in Chromium,
navigation, search, assets, figures and downloads all stay under it.

Needs /usr/bin/chromium, like tests/test_browser.py (whose browser set-up this reuses); skips without it.
"""

import functools
import http.server
import io
import json
import re
import threading
import urllib.error
import urllib.request
import zipfile
from pathlib import Path
from urllib.parse import urlsplit

import nbformat
import pytest
from chromium import CHROMIUM
from conftest import ROOT, checkout_build_lock, site_build
from test_browser import Visit

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("subpath")]  # its build, once: one worker runs them all

PREFIX = "/neural-notes/"


class _SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site at PREFIX only, as a host serving it as one folder would: any other path is a 404.
    Logs (path, status) of every request on the server."""

    def send_head(self):
        if not urlsplit(self.path).path.startswith(PREFIX):
            self.send_error(404, "outside the site's sub-path")
            return None
        return super().send_head()

    def translate_path(self, path):
        # self.path keeps the prefix, so the handler's own redirects (a folder without its "/") stay under it
        return super().translate_path("/" + path[len(PREFIX) :])

    def log_request(self, code="-", size="-"):
        self.server.requests.append((self.path, int(code)))

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def subpath_site(tmp_path_factory):
    """The site built for http://127.0.0.1:PORT/neural-notes/ and served there; yields (base URL, server log)."""
    site = tmp_path_factory.mktemp("subpath") / "site"
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_SubPathHandler, directory=str(site))
    )  # bound before the build, so that the build knows its port
    server.requests = []
    base = f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    with checkout_build_lock():
        result = site_build(ROOT, site, env={"SITE_URL": base})
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-5000:]}"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base, server.requests
    server.shutdown()


def test_server_serves_the_site_only_under_its_sub_path(subpath_site):
    """The test server itself: the home page exists under /neural-notes/ and nowhere else."""
    base, _ = subpath_site
    origin = base[: -len(PREFIX)]
    assert urllib.request.urlopen(base).status == 200
    for url in (origin + "/", origin + "/index.html", origin + "/search/search_index.json"):
        with pytest.raises(urllib.error.HTTPError) as error:
            urllib.request.urlopen(url)
        assert error.value.code == 404, url


FIGURES = """() => [...document.querySelectorAll('.md-content img')].map(i =>
  ({src: i.getAttribute('src'), loaded: i.complete && i.naturalWidth > 0}))"""


def figures_render(page):
    page.wait_for_function("() => [...document.querySelectorAll('.md-content img')].every(i => i.complete)")
    figures = page.evaluate(FIGURES)
    assert all(f["loaded"] for f in figures), f"{page.url}: figures that did not render: {figures}"
    return len(figures)


def swapped_in(page, action):
    """Do `action` (a click that navigates) and wait until instant navigation has put the new page's content in."""
    page.evaluate("() => { window.__previousContent = document.querySelector('.md-content'); }")
    action()
    page.wait_for_function("() => document.querySelector('.md-content') !== window.__previousContent")
    page.wait_for_load_state("networkidle")


def click_nav(v, section, path):
    """Open a page the way a reader does: expand its section in the navigation, if any, then click its link."""
    nav = v.page.locator("nav.md-nav--primary")
    link = nav.locator(f'a.md-nav__link[href$="{path}"]').first
    if section and not link.is_visible():  # a collapsed section (the current page's section is open)
        nav.locator("label.md-nav__link", has_text=section).first.click()
    link.click()


@pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="browser tests need Debian's Chromium: apt-get install chromium"
)
def test_site_works_under_a_sub_path(browser, subpath_site):
    """Under /neural-notes/: nav links navigate in place (instant navigation), search finds and opens a page,
    figures render, the page's notebook and the snippets wheel download from their links (and the notebook's
    install cell points at that wheel), every download link resolves, the 404 page loads its assets; no request
    leaves the sub-path, none fails, no script error."""
    base, server_log = subpath_site
    first = len(server_log)  # this test's requests only
    v = Visit(browser, base, accept_downloads=True)
    requested, failed = [], []
    v.page.on("request", lambda request: requested.append(request.url))
    v.page.on(
        "response", lambda response: response.status >= 400 and failed.append(f"{response.status} {response.url}")
    )
    v.page.on("requestfailed", lambda request: failed.append(f"{request.failure} {request.url}"))
    try:
        assert v.open("").status == 200
        figures = figures_render(v.page)
        v.page.evaluate("() => { window.__samePage = true; }")  # survives instant navigation, not a reload

        for section, path in [
            ("Lessons", "activation/"),
            ("Lessons", "forward/"),
            ("Revise", "formulas/"),
            ("", "downloads/"),
        ]:
            swapped_in(v.page, lambda: click_nav(v, section, path))  # noqa: B023 (called at once)
            # navigation.tracking may add the heading in view as a fragment
            assert v.page.url.split("#")[0] == base + path
            figures += figures_render(v.page)
            assert v.page.evaluate("() => window.__samePage === true"), f"{path}: a full reload, not instant"

        # Downloads: the wheel, then a notebook, from the Downloads page's links
        with v.page.expect_download() as download:
            v.page.locator('.md-content a[download][href$=".whl"]').click()
        wheel = download.value
        assert wheel.failure() is None and wheel.suggested_filename.startswith("snippets-")
        wheel_bytes = open(wheel.path(), "rb").read()
        assert "snippets/__init__.py" in zipfile.ZipFile(io.BytesIO(wheel_bytes)).namelist()
        with v.page.expect_download() as download:
            v.page.locator('.md-content a[download][href$="forward.ipynb"]').click()
        notebook = nbformat.read(download.value.path(), as_version=4)
        nbformat.validate(notebook)
        install = re.search(r'%pip install "snippets(?:\[keras\])? @ (\S+)"', notebook.cells[1].source).group(1)
        assert install == f"{base}downloads/{wheel.suggested_filename}", install
        response = v.page.request.get(install)
        assert response.status == 200 and response.body() == wheel_bytes
        links = v.page.evaluate("() => [...document.querySelectorAll('.md-content a[download]')].map(a => a.href)")
        assert len(links) >= 13 and any(link.endswith("notebooks.zip") for link in links), links
        missing = [link for link in links if v.page.request.get(link).status != 200]
        assert not missing, f"downloads that are not there: {missing}"

        # Search: type a term, open the first result
        search = v.page.locator("input.md-search__input")
        search.click()
        search.press_sequentially("sigmoid", delay=30)  # material listens to key events, not to fill()
        result = v.page.locator(".md-search-result__item .md-search-result__link").first
        # results come while the term is typed: wait for those of the whole term (their links carry it)
        v.page.wait_for_function(
            "() => document.querySelector('.md-search-result__item .md-search-result__link')"
            "?.href.endsWith('h=sigmoid')",
            timeout=15000,
        )
        target = result.get_attribute("href")
        assert target.startswith(base), target
        swapped_in(v.page, result.click)
        assert v.page.url == target
        assert "sigmoid" in v.page.locator(".md-content").inner_text().lower()
        figures += figures_render(v.page)
        assert figures >= 3, f"only {figures} figures seen"

        # The page a host shows for a missing address (GitHub Pages serves 404.html): its assets load too
        assert v.open("404.html").status == 200
        assert v.page.locator(".md-header").is_visible() and "404" in v.page.locator(".md-content").inner_text()
    finally:
        v.close()

    outside = [url for url in requested if not url.startswith(("data:", "blob:", base))]
    assert not outside, f"requests outside {base}: {outside}"
    assert not failed, f"failed requests: {failed}"
    assert not v.foreign and not v.errors, (v.foreign, v.errors)
    served = server_log[first:]
    assert len(served) > 20 and all(path.startswith(PREFIX) and status < 400 for path, status in served), served


def test_site_url_sets_canonical_links_the_sitemap_and_the_install_cells(subpath_site, tmp_path):
    """Built with SITE_URL, the canonical links, the sitemap and the notebooks' install cells use that address."""
    base, _ = subpath_site
    forward = urllib.request.urlopen(base + "forward/").read().decode()
    assert f'<link rel="canonical" href="{base}forward/">' in forward
    sitemap = urllib.request.urlopen(base + "sitemap.xml").read().decode()
    assert f"{base}backprop/" in sitemap and ":8000" not in sitemap
    notebook = json.loads(urllib.request.urlopen(base + "forward/forward.ipynb").read())
    install = "".join(notebook["cells"][1]["source"])
    assert f'%pip install "snippets[keras] @ {base}downloads/snippets-0.1.0-py3-none-any.whl"' in install
    assert "without SITE_URL" not in install
