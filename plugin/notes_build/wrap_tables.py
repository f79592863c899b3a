"""Tables wrapped at build as Material's bundle would wrap them in the reader's browser.

Material's bundle puts every `table:not([class])` of a page in `<div class="md-typeset__scrollwrap"><div
class="md-typeset__table">` (so that a wide table scrolls in its own box). It does so by taking each table
out of the laid-out page and putting it back: the browser then restyles and lays out the whole table again,
its MathML included. On the cheat sheet and the formula summary, whose tables are mostly formulas, that was
the bundle's second long task (about 230 ms of style on this machine, 600-700 ms in Lighthouse's phone).

Here the same wrappers are written into the HTML, and the table gets the class `notes-table` so that the
bundle, which looks for tables without a class, leaves it where it is. So that the theme's table styles,
written for `table:not([class])`, still apply, `on_post_build` widens those selectors in the theme's
stylesheet to `table:is(:not([class]),.notes-table)`, of the same specificity. This edits the built CSS
of Material 9.8.1 (pinned in pyproject.toml); it fails the build if the theme's selectors are not found.
The notes' own stylesheet (docs/assets/stylesheets/notes.css) names `table.notes-table` directly.

For phones, each data cell also gets its column's
header as `data-label` and its content in a `<div class="notes-cell">`. A short table (3 or more columns, at most
4 rows) is marked `notes-reflow`: on a narrow screen notes.css lays each of its rows out as "header: value" lines.
A longer one is marked `notes-long` and stays a table, which scrolls sideways in its box with its first column
kept in view, so that its columns can still be read down (a table of 2 columns scrolls in its box).
"""

import html as _html
import re
from pathlib import Path

from mkdocs.exceptions import PluginError

CLASS = "notes-table"
REFLOW = "notes-reflow"  # tables of REFLOW_COLUMNS or more columns, laid out as blocks on phones (notes.css)
REFLOW_COLUMNS = 3
REFLOW_ROWS = 4  # more rows than this: a table to read by column, kept a table that scrolls (notes-long)
LONG = "notes-long"
THEME_SELECTOR = "table:not([class])"
WIDENED = f"table:is(:not([class]),.{CLASS})"
_TAG = re.compile(r"<table\b[^>]*>|</table>")
# a marked table without a table inside it (a nested table is left unlabelled)
_MARKED = re.compile(rf'<table class="{CLASS}">((?:(?!<table\b).)*?)</table>', re.S)
_HEAD = re.compile(r"<thead\b[^>]*>(.*?)</thead>", re.S)
_TH = re.compile(r"<th\b[^>]*>(.*?)</th>", re.S)
_ROW = re.compile(r"<tr\b[^>]*>.*?</tr>", re.S)
_TD = re.compile(r"<td\b([^>]*)>(.*?)</td>", re.S)
_TAGS = re.compile(r"<[^>]+>")


def wrap(html: str) -> str:
    """`html` with each `<table>` that has no attributes wrapped as the theme does, marked `notes-table`, and its
    cells labelled with their column's header (`label`)."""
    out, open_tables, last = [], [], 0
    for match in _TAG.finditer(html):
        out.append(html[last : match.start()])
        tag = match.group(0)
        if tag == "</table>":
            out.append("</table></div></div>" if open_tables and open_tables.pop() else tag)
        else:
            plain = tag == "<table>"
            open_tables.append(plain)
            out.append(f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="{CLASS}">'
                       if plain else tag)  # fmt: skip
        last = match.end()
    return _MARKED.sub(label, "".join(out) + html[last:])


def label(match: re.Match) -> str:
    """A marked table (`<table class="notes-table">...</table>`) whose body cells carry their column's header text
    as `data-label` and their content in a `<div class="notes-cell">`; a table of REFLOW_COLUMNS or more columns
    is also marked REFLOW. A table without a header row, or with merged cells, is left as it is."""
    inner = match.group(1)
    head = _HEAD.search(inner)
    if not head or "colspan" in inner or "rowspan" in inner:
        return match.group(0)
    headers = [_html.escape(" ".join(_html.unescape(_TAGS.sub("", th)).split())) for th in _TH.findall(head.group(1))]

    def cells(row: re.Match) -> str:
        column = iter(headers)

        def cell(td: re.Match) -> str:
            return f'<td{td.group(1)} data-label="{next(column, "")}"><div class="notes-cell">{td.group(2)}</div></td>'

        return _TD.sub(cell, row.group(0))

    body = inner[: head.start()] + head.group(0) + _ROW.sub(cells, inner[head.end() :])
    rows = len(_ROW.findall(inner[head.end() :]))
    wide = len(headers) >= REFLOW_COLUMNS
    classes = f"{CLASS} {REFLOW}" if wide and rows <= REFLOW_ROWS else f"{CLASS} {LONG}" if wide else CLASS
    return f'<table class="{classes}">{body}</table>'


def widen(css: str) -> str:
    """The theme's stylesheet with its `table:not([class])` selectors also matching `table.notes-table`; a
    stylesheet already widened (a rebuild that did not copy the theme's file again) is returned as it is."""
    if THEME_SELECTOR not in css and WIDENED in css:
        return css
    if THEME_SELECTOR not in css:
        raise PluginError(f"the theme's stylesheet has no {THEME_SELECTOR!r} to widen: see notes_build/wrap_tables.py")
    return css.replace(THEME_SELECTOR, WIDENED)


def on_page_content(html, page, config, files):
    return wrap(html)


def on_post_build(config):
    sheets = sorted(Path(config["site_dir"]).glob("assets/stylesheets/main.*.min.css"))
    if len(sheets) != 1:
        raise PluginError(f"expected the theme's one main.*.min.css, found {[s.name for s in sheets]}")
    sheets[0].write_text(widen(sheets[0].read_text(encoding="utf-8")), encoding="utf-8")
