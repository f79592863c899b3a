"""What revising with a built site costs a reader: words shown, print/'s pages, and where search sends them.

Usage: python scripts/revision_metrics.py SITE_DIR [--json OUT]

In Chromium at 390 px with nothing opened (folds, tabs and hints as they load):
- the words each lesson shows outside its practice questions (the nav's Lessons section, in order), and in all;
- the words of the revision path (revise/), when the site has one;
- print/'s A4 page count, printed as a reader's Print does;
- the first search result for the terms a learner types (at 1280 px, where the search box shows).
"""

import argparse
import functools
import http.server
import json
import sys
import tempfile
import threading
from pathlib import Path

from page_scripts import wait_for_scripts
from playwright.sync_api import sync_playwright
from site_nav import lesson_stems

ROOT = Path(__file__).resolve().parents[1]
TERMS = ("broadcasting", "sigmoid", "learning rate", "cross-entropy", "shape")
# The words a reader sees: the article's rendered text (closed <details> and hidden tabs are not rendered),
# less the practice questions (their block: progress line, questions, reset) and their printed key.
SHOWN_WORDS = """() => {
  const article = document.querySelector('article.md-content__inner');
  const all = article.innerText.split(/\\s+/).filter(Boolean).length;
  const practice = [...article.querySelectorAll('.practice-set, .practice-key')]
    .reduce((n, el) => n + el.innerText.split(/\\s+/).filter(Boolean).length, 0);
  return all - practice;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def lessons() -> list[str]:
    """The URL paths of the nav's Lessons section, in order (mkdocs.yml)."""
    return [f"{stem}/" for stem in lesson_stems()]


def first_result(page, base: str, term: str) -> str:
    page.goto(base)
    wait_for_scripts(page)
    search = page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(term, delay=20)
    page.wait_for_selector(".md-search-result__item .md-search-result__link", timeout=15000)
    page.wait_for_timeout(1500)  # the worker answers each keystroke: let the whole term's results arrive
    link = page.locator(".md-search-result__item .md-search-result__link").first
    title = link.locator("h1, h2").first.inner_text().strip()
    return f"{title} ({link.get_attribute('href').removeprefix(base).split('?')[0]})"


def measure(site: Path) -> dict:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    found: dict = {"words": {}}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 390, "height": 844})
        for path in lessons():
            page.goto(base + path)
            wait_for_scripts(page)
            found["words"][path.rstrip("/")] = page.evaluate(SHOWN_WORDS)
        found["lessons_total"] = sum(found["words"].values())
        if (site / "revise" / "index.html").exists():
            page.goto(base + "revise/")
            wait_for_scripts(page)
            found["revise_words"] = page.evaluate(SHOWN_WORDS)
        page.goto(base + "print/")
        wait_for_scripts(page)
        page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
        page.emulate_media(media="print")
        with tempfile.TemporaryDirectory() as tmp:
            pdf = Path(tmp) / "print.pdf"
            page.pdf(path=pdf, format="A4", prefer_css_page_size=True)
            import pypdf

            found["print_pages"] = len(pypdf.PdfReader(pdf).pages)
        wide = browser.new_page(viewport={"width": 1280, "height": 900})  # the search box is in the header there
        found["search"] = {term: first_result(wide, base, term) for term in TERMS}
        browser.close()
    server.shutdown()
    return found


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    found = measure(args.site)
    for lesson, words in found["words"].items():
        print(f"{lesson:22} {words:6,} words")
    print(f"{'all lessons':22} {found['lessons_total']:6,} words")
    if "revise_words" in found:
        print(f"{'revise/':22} {found['revise_words']:6,} words")
    print(f"{'print/':22} {found['print_pages']:6} A4 pages")
    for term, result in found["search"].items():
        print(f"search {term!r}: {result}")
    if args.json:
        args.json.write_text(json.dumps(found, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
