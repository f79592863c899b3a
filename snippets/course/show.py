"""Helpers the pages use to show real source and results as HTML (tables, tabs, code), never copies.

`source` reads the code that runs, a whole function or a section between `# --8<-- [start:name]` and
`# --8<-- [end:name]` markers; `tabs` builds mkdocs-material's linked content tabs.
"""

import html
import inspect
import itertools
import re
from pathlib import Path

from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

PACKAGE = Path(__file__).parents[1]  # snippets/
_tab_sets = itertools.count(1)
# Comments for the tools (the formatter, the linter, the type checker), not for a reader: never shown.
TOOLING_COMMENT = re.compile(
    r"[ \t]*#[ \t]*(?:fmt:[ \t]*(?:skip|off|on)|noqa\b[^#\n]*|type:[ \t]*ignore\b[^#\n]*)[ \t]*$", re.M
)


class HTML(str):
    """A string Jupyter displays as HTML (so a cell can end with one)."""

    def _repr_html_(self):
        return str(self)


def code(text: str, title: str | None = None) -> HTML:
    """Python source highlighted the way mkdocs-material styles code blocks (copy button included), without the
    comments that only the tools read (`# fmt: skip`, `# noqa`)."""
    kept = [(line, TOOLING_COMMENT.sub("", line)) for line in text.splitlines()]
    text = "\n".join(new for line, new in kept if new.strip() or not line.strip())  # a tooling-only line goes
    body = highlight(text.rstrip() + "\n", PythonLexer(), HtmlFormatter(cssclass="highlight", wrapcode=True))
    if title:
        body = body.replace(
            '<div class="highlight">', f'<div class="highlight"><span class="filename">{html.escape(title)}</span>', 1
        )
    return HTML(body)


def section_text(module: str, name: str) -> str:
    """The lines between the `[start:name]` and `[end:name]` markers of `snippets/<module>.py`."""
    lines = (PACKAGE / module).read_text().splitlines()
    try:
        start = next(i for i, line in enumerate(lines) if line.strip() == f"# --8<-- [start:{name}]")
        end = next(i for i, line in enumerate(lines) if line.strip() == f"# --8<-- [end:{name}]")
    except StopIteration:
        raise ValueError(
            f"snippets/{module} has no section {name!r} (markers # --8<-- [start:{name}] ... [end:{name}])"
        ) from None
    return "\n".join(lines[start + 1 : end])


def source(obj=None, *, module: str | None = None, section: str | None = None) -> HTML:
    """Highlighted source of a function or class, or of a marked section.

    Examples: source(numpy_net.dense) or source(module="numpy_net.py", section="forward").
    """
    if obj is not None:
        where = f"snippets/{Path(inspect.getsourcefile(obj)).relative_to(PACKAGE).as_posix()}"
        return code(inspect.getsource(obj), title=where)
    if module is None or section is None:
        raise ValueError("source needs a function or class, or module= and section=")
    return code(section_text(module, section), title=f"snippets/{module}")


def table(headers, rows, *, align=None) -> HTML:
    """An HTML table; cells are escaped unless they are HTML instances.

    On the site, notes_build/wrap_tables.py puts it in the theme's scrolling box, as a Markdown table.
    """

    def cell(value):
        return str(value) if isinstance(value, HTML) else html.escape(str(value))

    align = align or ["left"] * len(headers)
    head = "".join(f'<th style="text-align:{a}">{cell(h)}</th>' for h, a in zip(headers, align, strict=True))
    body = "".join(
        "<tr>"
        + "".join(f'<td style="text-align:{a}">{cell(v)}</td>' for v, a in zip(row, align, strict=True))
        + "</tr>"
        for row in rows
    )
    return HTML(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")


def tabs(blocks: dict) -> HTML:
    """mkdocs-material content tabs {label: HTML}; tabs with the same label switch together site-wide."""
    n = next(_tab_sets)
    inputs = "".join(
        f'<input {"checked " if i == 1 else ""}id="__tabbed_nb{n}_{i}" name="__tabbed_nb{n}" type="radio">'
        for i in range(1, len(blocks) + 1)
    )
    labels = "".join(
        f'<label for="__tabbed_nb{n}_{i}">{html.escape(label)}</label>' for i, label in enumerate(blocks, 1)
    )
    contents = "".join(f'<div class="tabbed-block">{block}</div>' for block in blocks.values())
    return HTML(
        f'<div class="tabbed-set tabbed-alternate" data-tabs="{n}:{len(blocks)}">{inputs}'
        f'<div class="tabbed-labels">{labels}</div><div class="tabbed-content">{contents}</div></div>'
    )


def pre(text: str) -> HTML:
    """Plain program output (e.g. model.summary()) in a `<pre>` block."""
    return HTML(f"<pre><code>{html.escape(text)}</code></pre>")


def count(n: int, noun: str, plural: str | None = None) -> str:
    """'1 error', '2 errors', '0 errors': a number with its noun in the right number."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
