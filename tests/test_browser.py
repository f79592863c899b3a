"""The built site in a real browser (Playwright driving Debian's Chromium), page by page and across the site.

Needs /usr/bin/chromium (`apt-get install chromium`; .ci/run installs it) and, for the axe-core audit,
node_modules/axe-core (`npm ci`); without them these tests skip and say so.
"""

import json
import re
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

import nbformat
import pytest
import sweeps
from chromium import MARKS, RAW_MATH
from conftest import once_per_run
from page_scripts import wait_for_scripts  # scripts/, on sys.path from conftest.py
from sweeps import wait_for_math

AXE = Path(__file__).parents[1] / "node_modules" / "axe-core" / "axe.min.js"
pytestmark = MARKS


class Visit:
    """A fresh page that records console errors, page errors and any request leaving 127.0.0.1."""

    def __init__(self, browser, base_url, **context_options):
        self.context = browser.new_context(**context_options)
        self.errors, self.foreign = [], []
        self.context.route("**/*", self._route)
        self.page = self._watched(self.context.new_page())
        self.base_url = base_url

    def _watched(self, page):
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(msg.text))
        page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        # a console "Failed to load resource" does not say which: name the address
        page.on("response", lambda r: r.status >= 400 and self.errors.append(f"HTTP {r.status}: {r.url}"))
        return page

    def _route(self, route):
        host = urlparse(route.request.url).hostname
        if route.request.url.startswith(("data:", "blob:")) or host == "127.0.0.1":
            route.continue_()
        else:
            self.foreign.append(route.request.url)
            route.abort()

    def open(self, path):
        response = self.page.goto(self.base_url + path, wait_until="networkidle")
        # "networkidle" can come while a long page (print/, on a busy machine) is still being parsed, and the
        # theme and notes.js (tab stops on scrolling boxes, checklist labels) start after the first paint.
        wait_for_scripts(self.page)
        return response

    def open_each(self, paths, tabs=4):
        """Open each of `paths` as open() does, `tabs` at a time in tabs of this context, so that their loads (and
        the half second without requests that "networkidle" waits for) overlap; yields each path with its response
        once its page is ready, as self.page."""
        pages = [self.page, *(self._watched(self.context.new_page()) for _ in range(tabs - 1))]
        paths = list(paths)
        for start in range(0, len(paths), tabs):
            batch = list(zip(pages, paths[start : start + tabs], strict=False))
            responses = [page.goto(self.base_url + path, wait_until="commit") for page, path in batch]
            for (page, path), response in zip(batch, responses, strict=True):
                page.wait_for_load_state("networkidle")
                wait_for_scripts(page)
                self.page = page
                yield path, response
        self.page = pages[0]

    def reload(self):
        self.page.reload(wait_until="networkidle")
        wait_for_scripts(self.page)  # as in open()

    def close(self):
        self.context.close()


@pytest.fixture
def visit(browser, served_site):
    visits = []

    def make(**options):
        v = Visit(browser, served_site, **options)
        visits.append(v)
        return v

    yield make
    for v in visits:
        v.close()


def sweep(method, viewport, browser, served_site, site_pages, tmp_path_factory):
    """`method` (sweeps.desktop or sweeps.phone) over every page of the site at `viewport`, once per run: the
    workers share it."""

    def make():
        v = Visit(browser, served_site, viewport=viewport)
        try:
            return method(v, site_pages)
        finally:
            v.close()

    return once_per_run(tmp_path_factory, f"{method.__name__}-sweep", make)


@pytest.fixture(scope="module")
def desktop_sweep(browser, served_site, site_pages, tmp_path_factory):
    """What sweeps.desktop recorded at 1280 px: {"pages": {path: ...}, "errors": [...], "foreign": [...]}."""
    return sweep(sweeps.desktop, sweeps.DESKTOP, browser, served_site, site_pages, tmp_path_factory)


@pytest.fixture(scope="module")
def phone_sweep(browser, served_site, site_pages, tmp_path_factory):
    """What sweeps.phone recorded at 390 px: {"pages": {path: ...}, "errors": [...], "foreign": [...]}."""
    return sweep(sweeps.phone, sweeps.PHONE, browser, served_site, site_pages, tmp_path_factory)


def assert_math_typeset(state, has_math):
    """`state`, what sweeps.MATH_STATE found on a page: no TeX left in its text, and its math laid out in the math
    font."""
    raw = RAW_MATH.findall(state["text"])
    assert not raw, f"untypeset math left in the text: {raw[:3]}"
    if has_math:
        assert state["count"] + state["hidden"] > 0 and state["drawn"] == state["count"], f"math not laid out: {state}"
        assert state["font"] or not state["count"], "the math font (NotoSans Math) did not load"


def test_every_page_loads_clean(desktop_sweep, site_pages):
    """Each page: HTTP 200, no JS or console errors, images load with alt text, math typeset, no foreign request."""
    for path, has_math in site_pages.items():
        page = desktop_sweep["pages"][path]
        assert page["status"] == 200, path
        assert_math_typeset(page["math"], has_math)
        broken = [i for i in page["images"] if i["w"] == 0]
        no_alt = [i for i in page["images"] if not (i["alt"] or "").strip()]
        assert not broken, f"{path}: images that did not load: {broken}"
        assert not no_alt, f"{path}: images without alt text: {no_alt}"
    assert not desktop_sweep["errors"], f"console or page errors: {desktop_sweep['errors']}"
    assert not desktop_sweep["foreign"], f"requests that left 127.0.0.1: {desktop_sweep['foreign']}"


def test_math_typeset_after_instant_navigation(visit, site_pages):
    """Clicking in-site links (instant navigation) to each page still typesets its math."""
    v = visit()
    v.open("")
    for path, has_math in site_pages.items():
        if not path:
            continue
        link = v.page.locator(f'nav.md-nav--primary a.md-nav__link[href$="{path}"]').first
        if link.count() == 0 or not link.is_visible():
            v.page.evaluate(
                "(href) => { const a = document.createElement('a'); a.href = href; a.id = '__probe';"
                " a.textContent = 'probe'; document.querySelector('.md-content').prepend(a); }",
                v.base_url + path,
            )
            link = v.page.locator("#__probe")
        link.click()
        v.page.wait_for_url(re.compile(re.escape(path) + "$"))
        v.page.wait_for_load_state("networkidle")
        assert_math_typeset(v.page.evaluate(sweeps.MATH_STATE), has_math)
    assert not v.errors, f"console or page errors: {v.errors}"
    assert not v.foreign, f"requests that left 127.0.0.1: {v.foreign}"


def test_no_horizontal_scroll_at_390px(phone_sweep):
    """At 390 px wide the page itself never scrolls sideways (wide tables and code scroll inside)."""
    for path, page in phone_sweep["pages"].items():
        assert page["page_overflow"] <= 1, f"{path}: page scrolls sideways by {page['page_overflow']}px at 390px"


@pytest.mark.parametrize("query", ["sigmoid", "broadcasting"])
def test_search_finds_terms(visit, query):
    """The search dialog finds 'sigmoid' and 'broadcasting'."""
    v = visit()
    v.open("")
    search = v.page.locator("input.md-search__input")
    search.click()
    search.press_sequentially(query, delay=30)  # material listens to key events, not to fill()
    results = v.page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    assert results.count() > 0
    assert query in v.page.locator(".md-search-result").inner_text().lower()


def test_dark_light_toggle_switches_scheme(visit):
    """The palette toggle switches between the light and the dark scheme, and back."""
    v = visit()
    v.open("")
    scheme = lambda: v.page.evaluate("() => document.body.getAttribute('data-md-color-scheme')")  # noqa: E731
    first = scheme()
    v.page.locator("form[data-notes-palette] label:visible").first.click()
    second = scheme()
    assert {first, second} == {"default", "slate"}
    v.page.locator("form[data-notes-palette] label:visible").first.click()
    assert scheme() == first


# Records, from before the page's first script, every change to the root's class, the body's palette
# attributes and a stylesheet link's URL, and whether the body existed yet.
RESTYLE_LOG = """
window.__restyles = [];
new MutationObserver((records) => { for (const r of records) {
  const t = r.target, name = r.attributeName, value = t.getAttribute(name);
  if (r.oldValue === value) continue;
  if (t === document.documentElement || t === document.body || (t.tagName === "LINK" && t.rel === "stylesheet"))
    window.__restyles.push({tag: t.tagName, name, value, parsing: !document.body || !document.querySelector("footer")});
}}).observe(document, {subtree: true, attributes: true, attributeOldValue: true,
  attributeFilter: ["class", "href", "data-md-color-scheme", "data-md-color-primary", "data-md-color-accent",
                    "data-md-color-switching", "data-js-focus-visible"]});
"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_page_load_restyles_nothing_after_the_page_is_parsed(visit, site_pages, scheme):
    """Every change that restyles the whole page (the root's classes, the stylesheets' URLs, the body's palette)
    is made while the page is parsed, by overrides/main.html and overrides/partials/palette.html, not by the
    theme after the page is laid out; the theme's work is done all the same: the root is js and
    js-focus-visible, the stylesheets' URLs are absolute, and the palette is the system's."""
    path = next(p for p in site_pages if "backprop" in p)
    v = visit(color_scheme=scheme)
    v.context.add_init_script(RESTYLE_LOG)
    v.open(path)
    log = v.page.evaluate("window.__restyles")
    late = [entry for entry in log if not entry["parsing"]]
    assert not late, f"restyled the whole page after it was parsed: {late}"
    state = v.page.evaluate("""() => ({
      root: [...document.documentElement.classList],
      sheets: [...document.querySelectorAll('link[rel=stylesheet]')].map(l => l.getAttribute('href')),
      scheme: document.body.dataset.mdColorScheme,
      colorScheme: document.querySelector('meta[name=color-scheme]').content })""")
    assert {"js", "js-focus-visible"} <= set(state["root"]) and "no-js" not in state["root"]
    assert state["sheets"] and all(href.startswith(v.base_url) for href in state["sheets"]), state["sheets"]
    assert (state["scheme"], state["colorScheme"]) == {"light": ("default", "light"), "dark": ("slate", "dark")}[scheme]
    assert not v.errors, v.errors


# Whether the first contentful paint was on screen (its timing entry) when the theme's bundle exports
# `document$`, and how many times `document$` emits.
START_LOG = """
window.__start = {paintedBeforeBundle: null, emitted: 0};
let subject;
Object.defineProperty(window, "document$", {configurable: true, get: () => subject, set(value) {
  subject = value;
  window.__start.paintedBeforeBundle = performance.getEntriesByName("first-contentful-paint").length > 0;
  value.subscribe(() => { window.__start.emitted++; });
}});
"""


def test_theme_starts_once_after_the_first_paint(visit, site_pages, built_site):
    """The theme's bundle and the site's scripts are inert in the page as parsed (overrides/main.html), run after
    the first contentful paint is shown, and the theme starts once: `document$` emits the page one time, after which
    notes.js has given the scrolling boxes their tab stops, at 390 px, those inside the folds once opened too."""
    path = next(p for p in site_pages if "backprop" in p)
    html = (built_site / path / "index.html").read_text()
    template = re.search(r'<template id="__scripts">(.*?)</template>', html, re.S)
    assert template and re.search(r'<script src="[^"]*/bundle\.[0-9a-f]+\.min\.js">', template.group(1))
    assert 'src="../assets/javascripts/notes.js"' in template.group(1)
    outside = re.sub(r"<template.*?</template>", "", html, flags=re.S)
    assert not re.search(r"<script[^>]*\bsrc=", outside.split("<body", 1)[1]), "a script the parser would run"
    v = visit(viewport={"width": 390, "height": 844})
    v.context.add_init_script(START_LOG)
    v.open(path)
    v.page.wait_for_timeout(500)  # time for a second start, if there were one
    start = v.page.evaluate("window.__start")
    assert start["paintedBeforeBundle"] is True and start["emitted"] == 1, start
    assert v.page.locator(".md-content [aria-label='scrollable region'][tabindex='0']").count() > 0
    for summary in v.page.locator("details.notes-fold > summary").all():
        summary.click()
    unreachable = v.page.evaluate(
        "() => [...document.querySelectorAll('.md-content :is(pre, .md-typeset__table, .notes-math)')]"
        ".filter(e => e.scrollWidth > e.clientWidth + 1 && !e.closest('[tabindex]') && !e.querySelector('[tabindex]'))"
        ".map(e => e.textContent.slice(0, 40))"
    )
    assert not unreachable, f"boxes that scroll without a tab stop: {unreachable}"
    assert not v.errors, v.errors


def test_palette_choice_is_kept_across_pages_and_reloads(visit):
    """Switching to light in a dark system keeps light on reload and on the next page; Enter on the focused
    option switches back; the browser's colour scheme follows."""
    v = visit(color_scheme="dark")
    v.open("")

    def scheme():
        return v.page.evaluate(
            "() => [document.body.dataset.mdColorScheme, document.querySelector('meta[name=color-scheme]').content]"
        )  # noqa: E501

    assert scheme() == ["slate", "dark"]
    v.page.locator("form[data-notes-palette] label:visible").first.click()
    assert scheme() == ["default", "light"]
    v.reload()
    assert scheme() == ["default", "light"]
    v.open("loss/")
    assert scheme() == ["default", "light"]
    v.page.locator("form[data-notes-palette] input:checked").focus()
    v.page.keyboard.press("Enter")
    assert scheme() == ["slate", "dark"]
    assert not v.errors, v.errors


def test_linked_tabs_switch_together(visit, site_pages):
    """On the comparison page, with the fold of listings opened, choosing TensorFlow in one tab set switches every
    set on the page."""
    path = next(p for p in site_pages if "numpy-vs-tensorflow" in p)
    v = visit()
    v.open(path)
    v.page.locator("details.notes-fold:has(.tabbed-set) > summary").click()
    sets = v.page.locator(".tabbed-set")
    assert sets.count() >= 4
    sets.nth(1).locator("label", has_text="TensorFlow").click()
    checked = v.page.evaluate(
        "() => [...document.querySelectorAll('.tabbed-set')].map(s => {"
        " const i = s.querySelector('input:checked');"
        " return s.querySelector(`label[for='${i.id}']`).innerText.trim(); })"
    )
    assert set(checked) == {"TensorFlow"}, checked


def test_notebook_downloads_are_valid_notebooks(desktop_sweep, served_site):
    """Each executed page links a .ipynb download that parses and validates as a notebook with outputs (an
    exercise's notebook, with its cell to fill in)."""
    found = 0
    for path in sorted({link for page in desktop_sweep["pages"].values() for link in page["notebooks"]}):
        with urllib.request.urlopen(served_site + path) as response:
            assert response.status == 200, path
            nb = nbformat.reads(response.read().decode(), as_version=4)
        nbformat.validate(nb)
        if path.startswith("downloads/exercises/"):  # an exercise: a cell to fill in, not yet run
            assert "raise NotImplementedError" in nb.cells[-2].source, path
            continue
        assert any(c.get("outputs") for c in nb.cells if c.cell_type == "code"), f"{path} has no outputs"
        found += 1
    assert found >= 10, f"only {found} notebook downloads found"


# WCAG 2.2 AA (target-size, 2.5.8, is in wcag22aa only, off in axe's defaults) and axe's best practices,
# which its defaults ran before.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]


@pytest.mark.skipif(not AXE.exists(), reason="axe-core audit needs node_modules/axe-core: run npm ci")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_no_serious_or_critical_violations(visit, site_pages, scheme):
    """axe-core, with the WCAG 2.2 AA rules (target size included), finds no serious or critical accessibility
    violation on any page, in either colour scheme."""
    v = visit(color_scheme=scheme)
    problems = []
    for path, _ in v.open_each(site_pages):
        v.page.add_script_tag(path=str(AXE))
        result = v.page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags},"
            " resultTypes: ['violations']})",
            AXE_TAGS,
        )
        ran = {rule["id"] for kind in ("violations", "passes", "incomplete") for rule in result[kind]}
        assert "target-size" in ran, f"{path}: axe did not check target sizes (ran {sorted(ran)})"
        for violation in result["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [n["target"] for n in violation["nodes"][:3]]
                problems.append(f"{scheme} {path or 'index'}: {violation['id']} ({violation['impact']}) {targets}")
    assert not problems, json.dumps(problems, indent=1)


def test_checklist_ticks_persist_after_reload(visit, site_pages):
    """Ticking a checklist box (by keyboard) updates the count; the tick survives a reload; Reset clears every box."""
    v = visit()
    v.open("checklist/")
    boxes = v.page.locator(".task-list-item input[type=checkbox]")
    total = boxes.count()
    assert total >= 12
    status = v.page.locator(".checklist-progress [role=status]")
    assert status.inner_text() == f"0 of {total} ticked"
    boxes.nth(2).focus()  # by keyboard, as a reader without a mouse would
    v.page.keyboard.press("Space")
    assert boxes.nth(2).is_checked() and status.inner_text() == f"1 of {total} ticked"
    v.reload()
    assert v.page.locator(".task-list-item input[type=checkbox]").nth(2).is_checked()
    assert v.page.locator(".checklist-progress [role=status]").inner_text() == f"1 of {total} ticked"
    v.page.locator(".checklist-progress button", has_text="Reset").click()
    assert not any(v.page.locator(".task-list-item input[type=checkbox]").nth(i).is_checked() for i in range(total))
    v.reload()
    assert v.page.locator(".checklist-progress [role=status]").inner_text() == f"0 of {total} ticked"
    assert not v.errors, v.errors


def test_phone_keeps_text_sizes_and_scrolls_instead(phone_sweep):
    """At 390 px: display math and table text are at least body size, wide ones scroll in their own box;
    figure text renders at 10 px or more; code keeps its lines, program output wraps at spaces, and neither
    breaks inside a word (measured with every fold opened, as a reader sees them)."""
    problems = []
    for path, page in phone_sweep["pages"].items():
        sizes = page["sizes"]
        body = sizes["body"]
        for m in sizes["math"]:
            if m["font"] < body - 0.1 or m["overflowX"] not in ("auto", "scroll") or m["capped"] != "none":
                problems.append(f"{path}: display math {m} in body text of {body}px")
        problems += [f"{path}: table text {c}px < body {body}px" for c in sizes["cells"] if c < body - 0.1][:1]
        small = [f for f in sizes["figures"] if f["text"] < 9.95]
        problems += [f"{path}: figure {f['src']} text at {f['text']:.1f}px" for f in small]
        if sizes["wrapping"]:
            problems.append(f"{path}: {sizes['wrapping']} code or output blocks wrap inside words")
    assert not problems, "\n".join(problems)


PRINTED = {  # page: texts its A4 printout must hold (from the text, the code, a self-check question, a tab panel)
    "forward/": ["Forward propagation", "In one minute", "Z1 = np.dot(W1, X) + b1", "Why does an untrained sigmoid"],
    "backprop/": ["Unrolled for this network", "def backward_pass(Y, params, cache, L,", "Where does the 1/m come"],
    "numpy-vs-tensorflow/": [
        "Model definition",
        "snippets/keras_net.py",
        "def build_model(",
        "Which three things does Keras do for you",
    ],
    "generalization/": ["Overfitting, on 100 digits", "def early_stopping(", "What does early stopping with patience"],
    "checklist/": ["Revision checklist", "Recite every formula"],
}


@pytest.mark.parametrize("path", PRINTED)
def test_pages_print_whole(visit, path, tmp_path):
    """Printed to A4 PDF by Chromium (print media): headings, prose, code, every tab panel and every self-check
    question are in the PDF's text, the self-check answers stay folded, and the site's header and navigation are
    not."""
    pypdf = pytest.importorskip("pypdf")
    v = visit()
    v.open(path)
    wait_for_math(v.page)
    v.page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")  # what a browser's Print does first
    v.page.emulate_media(media="print")
    pdf = tmp_path / "page.pdf"
    v.page.pdf(path=pdf, format="A4", print_background=True)
    reader = pypdf.PdfReader(pdf)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    missing = [t for t in PRINTED[path] if " ".join(t.split()) not in text]
    assert not missing, f"{path}: missing from the {len(reader.pages)}-page printout: {missing}"
    folded = {"forward/": "z3 sums positive hidden", "backprop/": "J is the mean of the m",
              "numpy-vs-tensorflow/": "Differentiation (backprop)"}.get(path)  # fmt: skip
    assert not folded or folded not in text, f"{path}: a self-check answer printed open"
    assert "Download this page as a Jupyter notebook" not in text and "executable revision notes" not in text
    assert 1 <= len(reader.pages) <= 30


def print_to_pdf(v, path, tmp_path, name):
    """Print `path` as a reader's Print does (beforeprint, print media, A4 as the page asks); the PDF's pages' text."""
    pypdf = pytest.importorskip("pypdf")
    v.open(path)
    wait_for_math(v.page)
    v.page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    v.page.emulate_media(media="print")
    pdf = tmp_path / f"{name}.pdf"
    v.page.pdf(path=pdf, format="A4", prefer_css_page_size=True, print_background=True)
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(pdf).pages]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_cheatsheet_prints_on_one_a4_page(visit, scheme, tmp_path):
    """The cheat sheet prints on exactly one A4 page in either colour scheme, with every block of it, its math
    as text (no raw TeX), and its print button works."""
    v = visit(color_scheme=scheme)
    pages = print_to_pdf(v, "cheatsheet/", tmp_path, scheme)
    assert len(pages) == 1, f"the cheat sheet printed on {len(pages)} pages in the {scheme} scheme"
    text = pages[0]
    headings = ["Formulas and shapes", "NumPy vs TensorFlow", "Forward propagation", "Keras in three calls",
                "Backpropagation", "Baselines", "Gradient descent", "Learning rate", "Broadcasting",
                "Validation and overfitting"]  # fmt: skip
    for heading in headings:
        assert heading in text, heading
    assert "Sequential([Input(shape=(400,))" in text and "Recite every formula" not in text  # no checklist on paper
    assert "Model definition" in text and "Use case" in text and "majority class" in text and "Too large" in text
    assert "Glorot" in text and "Adam" in text and "Early stopping" in text  # what an interviewer asks next
    assert "[4, 5, 6]" in text  # broadcasting's result, beside A + B
    # MathML prints as text (spaces aside: the PDF's text layer spaces small print differently)
    assert "𝜎(𝑧)=" in text.replace(" ", "") and "𝑑𝑍[3]=𝐴[3]−𝑌" in text.replace(" ", "")
    assert not RAW_MATH.search(text) and "\\frac" not in text and "\\sigma" not in text
    v.page.emulate_media(media="screen")
    v.page.evaluate("() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; }")
    v.page.get_by_role("button", name="Print / save as PDF").click()
    assert v.page.evaluate("() => window.__printed") == 1
    assert not v.errors, v.errors


def test_print_page_has_every_lesson_in_order(visit, site_pages, tmp_path):
    """print/ prints every lesson and revision page in nav order on at most 40 A4 pages, with no raw TeX, no
    download links, no screen-only instructions, the folds left out but those marked to print, and room to write
    under the questions; its ids stay unique."""
    v = visit()
    pages = print_to_pdf(v, "print/", tmp_path, "print")
    titles = [
        "Data: MNIST zeros and ones",
        "Architecture: layers, units and shapes",
        "Activation: the sigmoid",
        "Loss: binary cross-entropy",
        "Forward propagation",
        "Backpropagation",
        "Gradient descent and the learning rate",
        "Revision checklist",
    ]
    text = " ".join(pages)
    starts = []  # each lesson's title after the one before it (a title also appears in links before its lesson)
    for title in titles:
        starts.append(text.find(title, starts[-1] + 1 if starts else 0))
        assert starts[-1] >= 0, f"{title!r} missing after {titles[len(starts) - 2]!r}"
    assert not RAW_MATH.search(text) and "\\frac" not in text
    assert "Download this page as a Jupyter notebook" not in text and "In one minute" in text
    assert 10 <= len(pages) <= 40, len(pages)
    for screen_only in ("Another one", "press Check", "Move the slider", "Ctrl+P"):
        assert screen_only not in text, screen_only
    assert "Handed probabilities" not in text  # a fold of Loss (Keras' internals), left out
    assert "The hidden-layer step, derived" in text  # a fold marked to print
    assert "Answer key" in text
    room = v.page.evaluate(
        "() => getComputedStyle(document.querySelector('.print-page form.practice:has(.practice-input)')).paddingBottom"
    )
    assert float(room.removesuffix("px")) >= 30, room  # two handwritten lines, about
    # The ids the build wrote (material's copy buttons add their own at run time, per code block)
    served = v.page.evaluate("async () => (await fetch(location.href)).text()")
    ids = re.findall(r'\bid="([^"]+)"', served)
    duplicates = {i for i in ids if ids.count(i) > 1}
    assert len(ids) > 200 and not duplicates, f"duplicate ids on print/: {sorted(duplicates)[:5]}"
    assert v.page.evaluate("() => document.querySelectorAll('.md-content img').length") >= 10
    assert v.page.evaluate("() => [...document.querySelectorAll('.md-content img')].every(i => i.naturalWidth > 0)")
