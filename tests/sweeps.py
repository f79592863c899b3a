"""Every page of the built site opened once at a desktop width and once at a phone's, recording what the
site-wide browser tests check on each page.

Loading a page and starting its scripts is most of a browser test's time: each page is loaded once per width,
and each test (tests/test_browser.py, tests/test_layout.py) asserts one behaviour on what the sweep recorded.
"""

from urllib.parse import urlparse

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}

# Math is MathML written at build (notes_build/typeset.py): laid out by the browser, in the site's math font.
MATH_STATE = """async () => {
  await document.fonts.ready;
  // math in what is hidden until asked for (a question's other variants and hints, the printed answer key,
  // the review cards not shown, a closed fold) has no box yet
  const all = [...document.querySelectorAll('.md-content math')];
  const maths = all.filter(m => !m.closest('[hidden], .practice-key, details:not([open])'));
  const drawn = maths.filter(m => m.getBoundingClientRect().width > 0).length;
  const clone = document.querySelector('.md-content').cloneNode(true);
  clone.querySelectorAll('pre, code, math, script').forEach(e => e.remove());
  const font = [...document.fonts].some(f => f.family.replace(/"/g, '') === 'NotoSans Math' && f.status === 'loaded');
  return {count: maths.length, hidden: all.length - maths.length, drawn, font, text: clone.innerText};
}"""

IMAGES = """() => [...document.querySelectorAll('.md-content img')]
  .map(i => ({src: i.src.slice(0, 80), w: i.naturalWidth, alt: i.getAttribute('alt')}))"""

# Each table's box (notes_build/wrap_tables.py) and the table in it: how much wider its content is than the box, whether
# it is laid out as blocks (notes-reflow on a phone), the box's background layers (the scroll shadows), and each
# body cell's label as shown (its ::before) against its data-label.
TABLES = """() => [...document.querySelectorAll('.md-content table')].map((table) => {
  const box = table.closest('.md-typeset__table') || table;
  const style = getComputedStyle(box);
  const shown = (e) => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
  const cells = [...table.querySelectorAll('tbody td')].filter(shown).map((td) => {
    const before = getComputedStyle(td, '::before');
    const r = td.getBoundingClientRect(), b = box.getBoundingClientRect();
    return {label: td.dataset.label, before: before.display === 'none' ? 'none' : before.content,
            inside: r.left >= b.left - 1 && r.right <= b.right + 1};
  });
  return {
    text: table.innerText.replace(/\\s+/g, ' ').slice(0, 60),
    hidden: !shown(table),
    overflow: Math.max(box.scrollWidth - box.clientWidth, table.scrollWidth - table.clientWidth),
    reflowed: getComputedStyle(table).display === 'block',
    headerShown: table.tHead ? table.tHead.getBoundingClientRect().height > 1 : false,
    background: style.backgroundImage, attachment: style.backgroundAttachment,
    tableBackground: getComputedStyle(table).backgroundColor,
    cells,
  };
})"""

# What overflows its box sideways among the program outputs (text a cell printed or returned), figures and display
# math of a page; code listings may scroll.
OVERFLOWING = """() => [...document.querySelectorAll(['.jp-RenderedText pre', '.jp-OutputArea-output',
  '.notes-figure-box', '.notes-math'].map((s) => `.md-content ${s}`).join())]
  .filter((e) => !e.querySelector('.highlight') && e.getClientRects().length && e.scrollWidth > e.clientWidth + 1)
  .map((e) => `${e.className || e.tagName} ${e.scrollWidth}px in ${e.clientWidth}px: ${e.textContent.slice(0, 50)}`)"""

NOTEBOOK_LINKS = "() => [...new Set([...document.querySelectorAll('a[href$=\".ipynb\"]')].map(a => a.href))]"

PAGE_OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"

PHONE_SIZES = """() => {
  const px = (e) => parseFloat(getComputedStyle(e).fontSize);
  const body = px(document.querySelector('.md-content .md-typeset p, .md-content p'));
  const math = [...document.querySelectorAll('.md-content .notes-math')].map(m => {
    const overflowX = getComputedStyle(m).overflowX;
    return {font: px(m.querySelector('math')), capped: 'none', overflowX};
  });
  const cells = [...document.querySelectorAll('.md-content table td')].map(px);
  const figures = [...document.querySelectorAll('.md-content img.notes-figure')].map(i =>
    ({src: i.getAttribute('src'), text: i.getBoundingClientRect().width / i.width * parseFloat(i.dataset.fontPx)}));
  // code keeps its lines; program output (notes.css) wraps at spaces; neither breaks inside a word
  const wrapping = [...document.querySelectorAll('.md-content pre')]
    .map(e => [getComputedStyle(e), e.closest('.jupyter-wrapper .jp-RenderedText') ? 'pre-wrap' : 'pre'])
    .filter(([s, ws]) => s.whiteSpace !== ws || s.wordBreak === 'break-all' || s.overflowWrap !== 'normal').length;
  return {body, math, cells, figures, wrapping};
}"""


def wait_for_math(page):
    """Wait until the page's fonts (the math font among them) have loaded."""
    page.evaluate("async () => { await document.fonts.ready; }")


def _each_page(visit, pages, record):
    """{"pages": {path: record(visit, response)}, "errors", "foreign"}: each page opened a few at a time in tabs of
    one context (Visit.open_each), and the console and page errors and requests leaving 127.0.0.1 of them all."""
    found = {path: record(visit, response) for path, response in visit.open_each(pages)}
    return {"pages": found, "errors": visit.errors, "foreign": visit.foreign}


def desktop(visit, pages):
    """At 1280 px, per page: its HTTP status, math, images, tables, what overflows its box, and the notebooks it
    links (their paths below the site's root)."""

    def record(v, response):
        root = urlparse(v.base_url).path
        links = [urlparse(href).path.removeprefix(root) for href in v.page.evaluate(NOTEBOOK_LINKS)]
        probes = {"math": MATH_STATE, "images": IMAGES, "tables": TABLES, "overflowing": OVERFLOWING}
        return {"status": response.status, "notebooks": links} | {k: v.page.evaluate(js) for k, js in probes.items()}

    return _each_page(visit, pages, record)


def phone(visit, pages):
    """At 390 px, per page: how far the page scrolls sideways and its tables, as it opens; then, with every fold
    opened as a reader would, its text, math, figure and code sizes (a closed fold's content has no size)."""

    def record(v, response):
        found = {"page_overflow": v.page.evaluate(PAGE_OVERFLOW), "tables": v.page.evaluate(TABLES)}
        wait_for_math(v.page)
        v.page.evaluate("() => document.querySelectorAll('.md-content details').forEach((d) => { d.open = true; })")
        return found | {"sizes": v.page.evaluate(PHONE_SIZES)}

    return _each_page(visit, pages, record)
