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
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

from .disk_cache import Memo, stage_source
from .html_spans import classes, drop, outermost, spans
from .project import page_memo

AFTER = ("cards", "typeset", "wrap_tables")  # checklist counts to drop, `notes-math` spans, tables in their box
MARKER = re.compile(r"<!-- cheatsheet: (\S+) (\S+) -->")
_SOURCE = stage_source(__file__)  # part of its memo keys
# What each piece is: a test on an element's tag and attributes (notes_build/html_spans.py finds the elements).
_PIECES = {
    "box": lambda tag, a: tag == "div" and {"admonition", "in-one-minute"} <= classes(a),
    "table": lambda tag, a: tag == "div" and "md-typeset__scrollwrap" in classes(a),  # a table in its box
    "tasks": lambda tag, a: tag == "ul" and "task-list" in classes(a),
    "math": lambda tag, a: tag == "span" and "notes-math" in classes(a),
    "list": lambda tag, a: tag == "ul",
    "steps": lambda tag, a: tag == "ol",
    "output": lambda tag, a: tag == "div" and "jp-OutputArea-output" in classes(a),
}
_ANCHORED = ("math", "list", "steps", "output")


def _practice_count(tag: str, attrs: dict) -> bool:  # the checklist's question counts (notes_build/cards.py)
    return tag == "span" and "checklist-questions" in classes(attrs)


def piece(html: str, kind: str) -> str:
    """The piece `kind` (box, table, tasks, math:ID, list:ID, output:ID[:N]) of a page's rendered `html`, no ids."""
    name, _, anchor = kind.partition(":")
    anchor, _, count = anchor.partition(":")
    counted = not count or (name == "output" and count.isdigit())
    if name not in _PIECES or (name in _ANCHORED) != bool(anchor) or not counted:
        raise ValueError(
            f"unknown piece {kind!r}: expected box, table, tasks, math:ID, list:ID, steps:ID or output:ID[:N]"
        )
    after = 0
    if anchor:
        found = spans(html, lambda tag, attrs: attrs.get("id") == anchor)
        if not found:
            raise ValueError(f"no element with id {anchor!r}")
        after = found[0][0] + 1  # inside the anchor's start tag: the piece may be the anchor's first child
    candidates = outermost([(start, end) for start, end in spans(html, _PIECES[name]) if start >= after])
    wanted = int(count or 1)
    if len(candidates) < wanted:
        where = f" after #{anchor}" if anchor else ""
        raise ValueError(f"no {name} found{where}" + (f" ({count} asked)" if count else ""))
    cut = "".join(html[start:end] for start, end in candidates[:wanted])
    # no ids (they belong to the page the piece came from), nor the checklist's practice counts (notes_build/cards.py),
    # which only the checklist page keeps up to date
    return re.sub(r'\s\bid="[^"]*"', "", drop(cut, _practice_count))


def lessons(nav) -> list:
    """The pages of the nav's Lessons section, in order: the one list of lessons."""
    section = next((item for item in nav.items if item.is_section and item.title == "Lessons"), None)
    if section is None:
        raise PluginError("the nav has no Lessons section")
    return [item for item in section.children if item.is_page]


@dataclass
class State:
    memo: Memo | None = None  # each piece by its page's content: cutting one parses the page (about 0.1 s)


def on_pre_build(config, build):
    build.cheatsheet.memo = page_memo(config, "cheatsheet", _SOURCE)


def on_page_context(context, page, config, nav, build):
    if "<!-- cheatsheet: " not in (page.content or ""):
        return context
    pages = {p.file.src_uri: p for p in nav.pages}
    here = posixpath.dirname(page.file.dest_uri) or "."

    def cut(source: str, kind: str) -> str:
        content = pages[source].content or ""
        try:
            return build.cheatsheet.memo.get(f"{kind}\0{content}", lambda: piece(content, kind))
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


def on_post_build(config, build):
    build.cheatsheet.memo.save()
