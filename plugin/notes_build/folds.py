"""Stage: folds in the notebook pages, closed by default, opened with one click (`<details>`).

A lesson keeps what to remember in view and folds the depth revision does not need (library internals, long
listings, the detail of a derivation). mkdocs-jupyter renders notebook Markdown with nbconvert, where Material's
`???` blocks do nothing, and a `<details>` written in one Markdown cell cannot hold the code cells after it. So an
author marks a fold's first and last cells, and this stage wraps the rendered cells between in one `<details>`:

    # %% [markdown]
    # <!-- fold: Keras' internals: to_keras and from_keras -->
    # ...                          (this cell, and every cell after it, up to the end marker, is folded)
    # %%
    # show.source(keras_net.to_keras)
    # %% [markdown]
    # <!-- end fold -->            (alone in its cell, or the last line of the fold's last Markdown cell)

The title says what is inside, so a reader knows whether to open it. `<!-- fold print: TITLE -->` marks a fold
that print/ keeps; print/ leaves the others out (print_page stage).

The code of a code cell whose input shows (the code that computes an output, not a listing of the algorithm,
which `show.source` prints as an output) is folded too, as Quarto's `code-fold` does: the output and the sentence
about it stay in view, the code that produced it is one click away. A cell tagged `keep-code` keeps it open.
"""

import html
import re
from dataclasses import dataclass

from mkdocs.exceptions import PluginError

from .disk_cache import Memo, stage_source
from .html_spans import classes, outermost, spans
from .project import page_memo

AFTER = ("notebook_html",)  # the notebook's rendered cells
_SOURCE = stage_source(__file__)  # part of its memo keys
START = re.compile(r"<!-- fold( print)?: (.+?) -->")
END = "<!-- end fold -->"
INPUT = '<div class="jp-Cell-inputWrapper"'
CODE_SUMMARY = "Code"  # what is inside; the output below it says what it computed


def _cell(tag: str, attrs: dict) -> bool:
    return tag == "div" and "jp-Cell" in classes(attrs)


def cells(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each top-level notebook cell in the rendered page."""
    return outermost(spans(text, _cell))


def _only_marker(cell: str) -> bool:
    """Whether a rendered cell holds a fold marker and nothing else but its wrappers (it is then dropped: an empty
    cell is ~0.5 KB). A figure, a formula or any text keeps it."""
    if not (START.search(cell) or END in cell):
        return False
    return not re.sub(r"</?div\b[^>]*>|\s", "", START.sub("", cell).replace(END, ""))


def fold(text: str, page: str = "") -> str:
    """The rendered page with each marked run of cells wrapped in a closed <details> titled by its marker; a cell
    that holds only a marker is left out."""
    spans, opened, out, at = cells(text), None, [], 0
    for start, end in spans:
        cell = text[start:end]
        marker = START.search(cell)
        if marker and opened is not None:
            raise PluginError(f"{page}: a fold starts ({marker.group(2)!r}) inside the fold {opened[1]!r}")
        if marker:
            opened = (start, marker.group(2), bool(marker.group(1)))
            out.append(text[at:start])
            at = start
        if END in cell:
            if opened is None:
                raise PluginError(f"{page}: <!-- end fold --> without a fold to end")
            if re.sub(r"<[^>]+>|\s", "", cell[cell.index(END) + len(END) :]):
                raise PluginError(
                    f"{page}: text follows <!-- end fold --> in its cell, and would be folded: end the cell there"
                )
            first, title, printed = opened
            kind = "notes-fold notes-fold-print" if printed else "notes-fold"
            inside = [text[a:b] for a, b in spans if first <= a < end and not _only_marker(text[a:b])]
            out.append(f'<details class="{kind}"><summary>{html.escape(title)}</summary>{"".join(inside)}</details>')
            opened, at = None, end
    if opened is not None:
        raise PluginError(f"{page}: the fold {opened[1]!r} has no <!-- end fold -->")
    out.append(text[at:])
    return "".join(out)


def _shown_code(tag: str, attrs: dict) -> bool:
    """A code cell whose code the page shows (not hidden, nor kept unfolded), or a cell's input."""
    found = classes(attrs)
    if tag != "div":
        return False
    shown = {"jp-Cell", "jp-CodeCell"} <= found and not found & {"celltag_hide-input", "celltag_keep-code"}
    return shown or "jp-Cell-inputWrapper" in found


def fold_code(text: str) -> str:
    """The rendered page with the input of each code cell that shows one in a closed <details>."""
    out, at, cell_end = [], 0, -1
    for start, end in spans(text, _shown_code):
        if not text.startswith(INPUT, start):  # a shown code cell: its input is the next span inside it
            cell_end = end
            continue
        if start > cell_end:  # the input of a cell that hides its code, or keeps it unfolded
            continue
        out += [text[at:start], f'<details class="notes-code-fold"><summary>{CODE_SUMMARY}</summary>']
        out += [text[start:end], "</details>"]
        at, cell_end = end, -1
    out.append(text[at:])
    return "".join(out)


@dataclass
class State:
    memo: Memo | None = None  # each page's folded HTML by its rendered HTML: folding parses the page (0.1 s)


def on_pre_build(config, build):
    build.folds.memo = page_memo(config, "folds", _SOURCE)


def on_page_content(text, page, config, files, build):
    if not page.file.src_uri.endswith(".py"):
        return text
    uri = page.file.src_uri
    return build.folds.memo.get(f"{uri}\0{text}", lambda: fold_code(fold(text, uri) if "<!-- fold" in text else text))


def on_post_build(config, build):
    build.folds.memo.save()
