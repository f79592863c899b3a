"""print/: every lesson and revision page in nav order on one page, for printing the whole notes.

docs/print.md holds the page's introduction and a `<!-- print: pages -->` marker. Once every page has
been rendered (math typeset, links resolved), this stage replaces the marker with the rendered content
of the nav's "Lessons" and "Revise" pages, each in its own section that starts a new printed page.
Ids are prefixed with the page's slug so that they stay unique, and in-page links follow them; links
to other pages keep working because print/ sits at the same depth as every lesson. The notebook
download links are dropped (a printout cannot download). Figures stay inline here and
notes_build/notebook_html.py moves them into files beside the page, as for every page.
"""

import functools
import re

from mkdocs.exceptions import PluginError

from .disk_cache import stage_source
from .html_spans import classes, drop
from .project import page_memo

# the pages as they will be shown: download links, folds, math, tables
AFTER = ("notebook_html", "folds", "typeset", "wrap_tables")

MARKER = "<!-- print: pages -->"
SECTIONS = ("Lessons", "Revise")
# Not printed: the sheets made for printing themselves, and the interactive page (a drawing pad on paper).
# review/ is a deck to practise with on screen; the exercises are notebooks to run.
# revise/ repeats the lessons' boxes, which print with their lessons.
SKIP = ("print.md", "cheatsheet.md", "revise.md", "try-it.py", "review.md", "exercises.py")
_ID = re.compile(r'(?<![\w-])id="([^"]+)"')  # not data-id=
_HREF_HASH = re.compile(r'\bhref="#([^"]+)"')
# attributes that name ids (tab labels' for=, ARIA references): they follow the renamed ids
_ID_REFS = re.compile(r'\b(for|aria-controls|aria-labelledby|aria-describedby)="([^"]+)"')
_SOURCE = stage_source(__file__)  # part of its memo keys


def printed_pages(nav) -> list:
    """The pages of the nav sections SECTIONS, in nav order."""
    pages = []
    for item in nav.items:
        if item.is_section and item.title in SECTIONS:
            stack = list(reversed(item.children))
            while stack:
                child = stack.pop()
                if child.is_page:
                    pages.append(child)
                elif child.is_section:
                    stack.extend(reversed(child.children))
    return [p for p in pages if p.file.src_uri not in SKIP]


def section(page) -> str:
    """One page's rendered content, with its ids namespaced by its slug."""
    slug = page.url.strip("/").replace("/", "-") or "home"
    html = _screen_only(page.content or "")
    html = _ID.sub(lambda m: f'id="{slug}--{m.group(1)}"', html)
    html = _HREF_HASH.sub(lambda m: f'href="#{slug}--{m.group(1)}"', html)
    html = _ID_REFS.sub(lambda m: f'{m.group(1)}="{" ".join(f"{slug}--{i}" for i in m.group(2).split())}"', html)
    return f'<section class="print-page" id="{slug}">{html}</section>'


def _screen_only_element(tag: str, attrs: dict) -> bool:
    """What only the screen uses: the notebook download link, practice questions' hints and other variants (the
    first prints, the answer key follows the page), and the folds (depth one click away), but those marked to
    print."""
    found = classes(attrs)
    return (
        (tag == "p" and bool(found & {"notes-download", "practice-hint", "practice-hint-text"}))
        or (tag == "div" and "practice-variant" in found and "hidden" in attrs)
        or (tag == "details" and "notes-fold" in found and "notes-fold-print" not in found)
    )


def _screen_only(html: str) -> str:
    """The page's HTML less what only the screen uses."""
    return drop(html, _screen_only_element)


def on_page_context(context, page, config, nav):
    if page.file.src_uri == "print.md":
        pages = printed_pages(nav)
        if not pages or MARKER not in page.content:
            raise PluginError(f"print.md needs the {MARKER} marker and a nav with sections {SECTIONS}")
        memo = page_memo(config, "print", _SOURCE)  # each section's rewrite, by its content
        sections = [memo.get(f"{p.url}\0{p.content}", functools.partial(section, p)) for p in pages]
        memo.save()
        page.content = page.content.replace(MARKER, "\n".join(sections))
    return context
