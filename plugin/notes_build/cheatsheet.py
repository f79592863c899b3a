"""cheatsheet/: one printed A4 page of the essentials, cut from the rendered pages it summarises.

docs/cheatsheet.md lays the sheet out and marks where each piece goes with
`<!-- cheatsheet: PAGE PIECE -->`. Once every page has been rendered, this stage replaces each marker
with that piece of PAGE's rendered content, so the sheet can never disagree with the pages:
- `box`: the page's "In one minute" box;
- `table`: its first table, in the scrolling box notes_build/wrap_tables.py puts it in;
- `tasks`: its first task list (the checklist);
- `math:ID`: the first display formula after the element with id ID;
- `list:ID`: the first bulleted list after the element with id ID;
- `output:ID`: the first notebook cell output after the element with id ID (`output:ID:N`: the first N).
Ids inside a piece are dropped (they belong to the page they came from); links keep working because
cheatsheet/ sits at the same depth as every page.
"""

import re

from mkdocs.exceptions import PluginError

AFTER = ("cards", "typeset", "wrap_tables")  # checklist counts to drop, `notes-math` spans, tables in their box
MARKER = re.compile(r"<!-- cheatsheet: (\S+) (\S+) -->")
_STARTS = {
    "box": (r'<div class="admonition abstract in-one-minute"', "div"),
    "table": (r'<div class="md-typeset__scrollwrap"', "div"),  # a table in its box (notes_build/wrap_tables.py)
    "tasks": (r'<ul class="task-list"', "ul"),
    "math": (r'<span class="notes-math"', "span"),
    "list": (r"<ul\b", "ul"),
    "output": (r'<div class="[^"]*\bjp-OutputArea-output\b', "div"),
}
_ANCHORED = ("math", "list", "output")
_COUNTS = re.compile(r'\s*<span class="checklist-questions"[^>]*>[^<]*</span>')


def element(html: str, start: int, tag: str) -> str:
    """The element whose start tag begins at `start`, through its matching end tag (nesting counted)."""
    depth = 0
    for match in re.compile(rf"<(/?){tag}\b[^>]*>").finditer(html, start):
        depth += -1 if match.group(1) else 1
        if depth == 0:
            return html[start : match.end()]
    raise ValueError(f"unclosed <{tag}> at {start}")


def piece(html: str, kind: str) -> str:
    """The piece `kind` (box, table, tasks, math:ID, list:ID, output:ID[:N]) of a page's rendered `html`, no ids."""
    name, _, anchor = kind.partition(":")
    anchor, _, count = anchor.partition(":")
    counted = not count or (name == "output" and count.isdigit())
    if name not in _STARTS or (name in _ANCHORED) != bool(anchor) or not counted:
        raise ValueError(f"unknown piece {kind!r}: expected box, table, tasks, math:ID, list:ID or output:ID[:N]")
    pattern, tag = _STARTS[name]
    after = 0
    if anchor:
        found = re.search(rf'\bid="{re.escape(anchor)}"', html)
        if not found:
            raise ValueError(f"no element with id {anchor!r}")
        after = found.end()
    pieces = []
    for _ in range(int(count or 1)):
        start = re.compile(pattern).search(html, after)
        if not start:
            where = f" after #{anchor}" if anchor else ""
            raise ValueError(f"no {name} found{where}" + (f" ({count} asked)" if count else ""))
        pieces.append(element(html, start.start(), tag))
        after = start.start() + len(pieces[-1])
    # no ids (they belong to the page the piece came from), nor the checklist's practice counts (notes_build/cards.py),
    # which only the checklist page keeps up to date
    return _COUNTS.sub("", re.sub(r'\s\bid="[^"]*"', "", "".join(pieces)))


def on_page_context(context, page, config, nav):
    if page.file.src_uri != "cheatsheet.md":
        return context
    pages = {p.file.src_uri: p for p in nav.pages}

    def replace(match: re.Match) -> str:
        source, kind = match.groups()
        if source not in pages:
            raise PluginError(f"cheatsheet.md: {source} is not a page in the nav")
        try:
            return piece(pages[source].content or "", kind)
        except ValueError as error:
            raise PluginError(f"cheatsheet.md: {source} {kind}: {error}") from None

    page.content = MARKER.sub(replace, page.content)
    return context
