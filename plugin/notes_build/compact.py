"""The pages' HTML without the template's indentation: each run of whitespace that holds a line break becomes
one line break, outside the elements where whitespace shows (pre, code, kbd, textarea) and outside scripts
and styles, which are left exactly as they are.

In running text a line break and any run of spaces lay out the same, so the page looks the same; what goes
is Material's and mkdocs-jupyter's template indentation, about a quarter of a page's bytes. The API
reference was 150.2 KB and is 122.7 KB (the limit, tests/test_site.py, is 150 KB). After the stages that
rewrite a page (AFTER), so that they read the markup they expect.
"""

import re

AFTER = ("notebook_html", "cards", "typeset", "downloads", "markup")
_KEPT = re.compile(r"(<(pre|code|kbd|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_BREAK = re.compile(r"[ \t\r\f]*\n\s*")


def compact(html: str) -> str:
    """`html` with each whitespace run that holds a line break made one line break, outside `_KEPT` elements."""
    parts = _KEPT.split(html)
    # split() gives text, kept element, its tag name, text, ...: only the text parts are compacted.
    return "".join(_BREAK.sub("\n", part) if i % 3 == 0 else part for i, part in enumerate(parts) if i % 3 != 2)


def on_post_page(output, page, config):
    return compact(output)
