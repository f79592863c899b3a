"""The layout of the built site in a real browser: what fits at 1280 px, how wide tables read at 390 px, where the
try-it prediction lands on a phone, the checklist's click targets, and boxes lined up with the text.

Same needs as tests/test_browser.py (Debian's Chromium, Playwright), whose fixtures these tests reuse; without them
they skip and say so.
"""

import re

import pytest
from chromium import MARKS

pytestmark = MARKS
import test_browser  # noqa: E402
from site_nav import lesson_stems  # noqa: E402
from sweeps import DESKTOP, PHONE  # noqa: E402
from test_try_it import READY, draw_with_mouse, stroke_points  # noqa: E402

# its fixtures: a fresh page per test, and what each page showed at 1280 and at 390 px (tests/sweeps.py)
visit, desktop_sweep, phone_sweep = test_browser.visit, test_browser.desktop_sweep, test_browser.phone_sweep

# The lessons and revision pages: nothing of theirs but code listings may scroll sideways at 1280 px.
READING_PAGES = ["", *(f"{stem}/" for stem in lesson_stems()), "takeaways/", "formulas/", "checklist/", "cheatsheet/",
                 "benchmark/"]  # fmt: skip


def test_tables_show_every_column_at_1280px(desktop_sweep):
    """At 1280 px, on every page, every table fits its box: no column is hidden behind a sideways scroll."""
    problems = []
    for path, page in desktop_sweep["pages"].items():
        for table in page["tables"]:
            if not table["hidden"] and table["overflow"] > 0:
                problems.append(f"{path or 'index'}: a table {table['overflow']}px wider than its box: {table['text']}")
    assert not problems, "\n".join(problems)


def test_outputs_and_figures_fit_at_1280px(desktop_sweep):
    """At 1280 px, on the lessons and revision pages, no program output, figure or display formula scrolls sideways."""
    problems = []
    for path in READING_PAGES:
        problems += [f"{path or 'index'}: {item}" for item in desktop_sweep["pages"][path]["overflowing"]]
    assert not problems, "\n".join(problems)


SHADOWS = ["linear", "linear", "radial", "radial"]  # notes.css: the two covers, then the two shadows


def test_wide_tables_reflow_or_show_that_they_scroll_at_390px(phone_sweep):
    """At 390 px, every table either fits its box or shows that it scrolls: its box paints the scroll shadows (two
    covers that move with the content, two shadows that stay) through a transparent table. A table laid out as
    blocks (3 or more columns) shows each cell's header as its label, fits the screen's width, and hides its header
    row from sight."""
    problems, reflowed = [], 0
    for path, page in phone_sweep["pages"].items():
        for table in page["tables"]:
            where = f"{path or 'index'}: {table['text']}"
            if table["hidden"]:
                continue
            if table["overflow"] > 0:
                gradients = re.findall(r"\b(linear|radial)-gradient\(", table["background"])
                if gradients != SHADOWS or table["attachment"] != "local, local, scroll, scroll":
                    problems.append(f"{where}: scrolls {table['overflow']}px, no shadows: {table['background']}")
                elif table["tableBackground"] not in ("rgba(0, 0, 0, 0)", "transparent"):
                    problems.append(f"{where}: the table's background ({table['tableBackground']}) hides the shadows")
            if table["reflowed"]:
                reflowed += 1
                if table["headerShown"]:
                    problems.append(f"{where}: laid out as blocks, with its header row still shown")
                for cell in table["cells"]:
                    if cell["label"] and not cell["before"].startswith(f'"{cell["label"]}'):
                        problems.append(f"{where}: a cell labelled {cell['label']!r} shows {cell['before']!r}")
                    if not cell["inside"]:
                        problems.append(f"{where}: a cell ({cell['label']!r}) reaches past the table's box")
    assert not problems, "\n".join(problems)
    assert reflowed >= 10, f"only {reflowed} tables laid out as blocks at 390 px"


def test_try_it_prediction_is_on_screen_after_drawing_on_a_phone(visit):
    """On try-it/ at 390 px, a reader scrolls the pad into view and draws a 1 with the mouse: the prediction is then
    on screen, right under the pad (its buttons between them), without scrolling."""
    v = visit(viewport=PHONE)
    v.open("try-it/")
    v.page.wait_for_function(READY, timeout=15000)
    v.page.locator("#digit-canvas").scroll_into_view_if_needed()
    draw_with_mouse(v.page, stroke_points("1", 0.5, 0.5, 0.7))
    v.page.wait_for_function("() => document.querySelector('#digit-prediction').dataset.label !== ''", timeout=5000)
    pad = v.page.locator("#digit-canvas").bounding_box()
    said = v.page.locator("#digit-prediction").bounding_box()
    assert said["height"] > 0 and said["width"] > 0
    assert 0 <= said["y"] and said["y"] + said["height"] <= PHONE["height"], f"prediction at {said}, pad at {pad}"
    assert 0 <= said["x"] and said["x"] + said["width"] <= PHONE["width"], f"prediction at {said}"
    beside = said["x"] >= pad["x"] + pad["width"] and said["y"] < pad["y"] + pad["height"]
    under = 0 <= said["y"] - (pad["y"] + pad["height"]) <= 100
    assert beside or under, f"prediction at {said}, not beside or right under the pad at {pad}"
    assert not v.errors, v.errors


# A point on the text of the n-th checklist item (the start of its first words, after the box), not on its box,
# its label or a link.
ITEM_TEXT = """(n) => {
  const item = document.querySelectorAll('.md-content .task-list-item')[n];
  const text = [...item.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
  const range = document.createRange();
  range.setStart(text, text.textContent.search(/\\S/));
  range.setEnd(text, text.textContent.search(/\\S/) + 4);
  const r = range.getBoundingClientRect();
  return {x: r.left + r.width / 2, y: r.top + r.height / 2};
}"""


def test_checklist_ticks_when_its_text_is_clicked(visit):
    """On checklist/, a click on an item's text (not on its small box) ticks it, and the tick persists after a reload;
    a second click unticks it; a click on a link inside an item follows the link and ticks nothing."""
    v = visit(viewport=DESKTOP)
    v.open("checklist/")
    boxes = v.page.locator(".md-content .task-list-item input[type=checkbox]")
    status = v.page.locator(".checklist-progress [role=status]")
    total = boxes.count()
    assert status.inner_text() == f"0 of {total} ticked"
    item = v.page.locator(".md-content .task-list-item").nth(3)
    item.scroll_into_view_if_needed()
    point = v.page.evaluate(ITEM_TEXT, 3)
    v.page.mouse.click(point["x"], point["y"])
    assert boxes.nth(3).is_checked() and status.inner_text() == f"1 of {total} ticked"
    v.reload()
    assert v.page.locator(".md-content .task-list-item input[type=checkbox]").nth(3).is_checked()
    point = v.page.evaluate(ITEM_TEXT, 3)
    v.page.mouse.click(point["x"], point["y"])
    assert not boxes.nth(3).is_checked() and status.inner_text() == f"0 of {total} ticked"
    item.locator("a").first.click()
    v.page.wait_for_url(lambda url: "/checklist/" not in url)
    v.page.go_back()
    v.page.wait_for_function(
        "(expected) => location.pathname.endsWith('/checklist/') &&"
        " (document.querySelector('.checklist-progress [role=status]') || {}).textContent === expected",
        arg=f"0 of {total} ticked",
    )
    assert not v.errors, v.errors


# Left edges, in px, of what a notebook page shows: a paragraph of its text, the download link's text, and the first
# show.source listing (its title bar, its code box, and its <pre>'s own box, which must draw nothing), program
# output, a table's box and a figure.
EDGES = """() => {
  const left = (e) => e ? Math.round(e.getBoundingClientRect().left * 10) / 10 : null;
  // the code folds opened (their code lines up too); a lesson's own folds are boxes, measured apart
  document.querySelectorAll('details.notes-code-fold').forEach((d) => { d.open = true; });
  const first = (selector) => [...document.querySelectorAll(selector)].find((e) => !e.closest('details.notes-fold'));
  const listing = first('.md-content .jp-OutputArea-output .highlight');
  const pre = listing.querySelector('pre'), style = getComputedStyle(pre);
  const link = document.querySelector('.md-content .notes-download a');
  const column = document.querySelector('.md-content__inner').getBoundingClientRect();
  return {
    paragraph: left(first('.md-content .jp-RenderedMarkdown > p')),
    download: left(link), downloadInside: link.getBoundingClientRect().right <= column.right + 1,
    title: left(listing.querySelector('.filename')), code: left(pre.querySelector('code')),
    codeRight: Math.round(pre.querySelector('code').getBoundingClientRect().right),
    titleRight: Math.round(listing.querySelector('.filename').getBoundingClientRect().right),
    preBox: [style.backgroundColor, style.paddingLeft],
    output: left(first('.md-content .jp-RenderedText pre')),
    table: left(first('.md-content .md-typeset__table')),
    input: left(first('.md-content .jp-InputArea-editor')),
  };
}"""


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["1280px", "390px"])
@pytest.mark.parametrize("path", ["forward/", "gradient-descent/"])  # pages with a listing outside the folds
def test_listings_outputs_and_tables_line_up_with_the_text(visit, path, viewport):
    """On a notebook page, a show.source listing is one box (title bar and code the same width, its <pre> drawing no
    box of its own) whose left edge is the paragraphs' left edge (within 2 px), at 1280 and 390 px; so are the code
    cells' boxes, program output, tables' boxes and the notebook download link, which stays inside the text column."""
    v = visit(viewport=viewport)
    v.open(path)
    edges = v.page.evaluate(EDGES)
    text = edges["paragraph"]
    for name in ("download", "title", "code", "output", "table", "input"):
        assert edges[name] is not None and abs(edges[name] - text) <= 2, f"{path}: {name} at {edges[name]}, text {text}"
    assert abs(edges["codeRight"] - edges["titleRight"]) <= 2, f"{path}: listing title and code unequal: {edges}"
    assert edges["preBox"] == ["rgba(0, 0, 0, 0)", "0px"], f"{path}: the listing's <pre> draws a box: {edges['preBox']}"
    assert edges["downloadInside"], f"{path}: the download link reaches past the text column"
