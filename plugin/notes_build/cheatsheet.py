"""cheatsheet/ and revise/: the essentials cut from the rendered pages they summarise.

docs/cheatsheet.md (one printed A4 page) and docs/revise.md (the revision path) mark where each piece goes with
`<!-- cheatsheet: PAGE PIECE -->`. Once every page has been rendered, this stage replaces each marker
with that piece of PAGE's rendered content, so they can never disagree with the pages. PAGE `lessons` stands for
every page of the nav's Lessons section, in order, each piece under a heading that links to its lesson:
- `box`: the page's "In one minute" box;
- `table`: its first table, in the scrolling box notes_build/wrap_tables.py puts it in;
- `tasks`: its first task list (the checklist);
- `math:ID`: the first display formula after the element with id ID;
- `list:ID`: the first bulleted list after the element with id ID (`steps:ID`: the first numbered list);
- `output:ID`: the first notebook cell output after the element with id ID (`output:ID:N`: the first N).
Ids inside a piece are dropped (they belong to the page they came from); links keep working because
cheatsheet/ sits at the same depth as every page.
"""

import html as html_text
import posixpath
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
    "steps": (r"<ol\b", "ol"),
    "output": (r'<div class="[^"]*\bjp-OutputArea-output\b', "div"),
}
_ANCHORED = ("math", "list", "steps", "output")
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
        raise ValueError(
            f"unknown piece {kind!r}: expected box, table, tasks, math:ID, list:ID, steps:ID or output:ID[:N]"
        )
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


def lessons(nav) -> list:
    """The pages of the nav's Lessons section, in order: the one list of lessons."""
    section = next((item for item in nav.items if item.is_section and item.title == "Lessons"), None)
    if section is None:
        raise PluginError("the nav has no Lessons section")
    return [item for item in section.children if item.is_page]


def on_page_context(context, page, config, nav):
    if "<!-- cheatsheet: " not in (page.content or ""):
        return context
    pages = {p.file.src_uri: p for p in nav.pages}
    here = posixpath.dirname(page.file.dest_uri) or "."

    def cut(source: str, kind: str) -> str:
        try:
            return piece(pages[source].content or "", kind)
        except ValueError as error:
            raise PluginError(f"{page.file.src_uri}: {source} {kind}: {error}") from None

    def each_lesson(kind: str) -> str:
        blocks = []
        for number, lesson in enumerate(lessons(nav), 1):
            href = html_text.escape(posixpath.relpath(lesson.file.dest_uri, here))
            title = html_text.escape(lesson.title)
            blocks.append(
                f'<section class="revise-lesson"><h2 id="{posixpath.splitext(lesson.file.src_uri)[0]}">'
                f'{number}. <a href="{href}">{title}</a></h2>{cut(lesson.file.src_uri, kind)}'
                f'<p class="revise-more"><a href="{href}">The lesson: {title}</a></p></section>'
            )
        return "".join(blocks)

    def replace(match: re.Match) -> str:
        source, kind = match.groups()
        if source == "lessons":
            return each_lesson(kind)
        if source not in pages:
            raise PluginError(f"{page.file.src_uri}: {source} is not a page in the nav")
        return cut(source, kind)

    page.content = MARKER.sub(replace, page.content)
    return context
