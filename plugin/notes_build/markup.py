"""Valid HTML from third-party markup that the pages carry (checked by tests/test_html_valid.py).

mkdocs-jupyter puts a copy button on each notebook code cell, written by its template as
`<clipboard-copy for="cell-1", aria-label="Copy to Clipboard">`: a stray comma, which becomes an
attribute named ",", and an aria-label on an element with no role, which the HTML standard does not
allow (Nu HTML checker error). The element's script adds role="button" and tabindex="0" only once it
runs; written into the markup, they make it a named, focusable button before any script runs too.
A stage of its own, after notebook_html (whose rendering carries the buttons).
"""

import re

from mkdocs.exceptions import PluginError

AFTER = ("notebook_html",)

COPY_BUTTON = re.compile(r"<clipboard-copy\b([^>]*)>")
COPY_TARGET = re.compile(r'\bfor="([^"]+)"')


def copy_buttons(output: str) -> str:
    """Every `<clipboard-copy ...>` start tag rewritten as a named button copying the same cell."""

    def replace(match):
        target = COPY_TARGET.search(match.group(1))
        if target is None:
            raise PluginError(f"a notebook copy button names no cell to copy: {match.group(0)}")
        return f'<clipboard-copy for="{target.group(1)}" role="button" tabindex="0" aria-label="Copy to clipboard">'

    return COPY_BUTTON.sub(replace, output)


def on_post_page(output, page, config):
    return copy_buttons(output)
