"""Where elements are in a rendered page, found by Python's own HTML tokenizer (html.parser), for the stages that cut
pieces out of pages (folds, cheatsheet, print_page).

A stage asks for the spans (start, end) of the elements a test picks, and slices or drops those spans of the
page's own text: what is kept is byte for byte what the earlier stages wrote, with no re-serialisation (a parse
and rewrite by BeautifulSoup would change quoting and void tags on every page). Unlike counting `<div` with a
regular expression, the tokenizer skips comments, scripts, styles and attribute values, so a `<div>` written
inside one of them is not taken for an element.
"""

from collections.abc import Callable
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

Test = Callable[[str, dict], bool]  # (tag, {attribute: value}) -> whether the element is wanted


def classes(attrs: dict) -> set[str]:
    return set((attrs.get("class") or "").split())


class _Spans(HTMLParser):
    def __init__(self, html: str, wanted: Test):
        super().__init__(convert_charrefs=False)
        self.html, self.wanted = html, wanted
        self.line_starts = [0]
        for k, char in enumerate(html):
            if char == "\n":
                self.line_starts.append(k + 1)
        self.open: list[tuple[str, int, bool]] = []  # (tag, start, wanted) of the elements not yet closed
        self.found: list[tuple[int, int]] = []

    def position(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self.position()
        wanted = self.wanted(tag, dict(attrs))
        if tag in VOID:
            if wanted:
                self.found.append((start, start + len(self.get_starttag_text())))
        else:
            self.open.append((tag, start, wanted))

    def handle_startendtag(self, tag, attrs):  # <br/>, or a self-closed MathML element such as <mspace/>
        start = self.position()
        if self.wanted(tag, dict(attrs)):
            self.found.append((start, start + len(self.get_starttag_text())))

    def handle_endtag(self, tag):
        if not any(name == tag for name, _, _ in self.open):
            return  # a stray end tag: nothing to close
        end = self.html.index(">", self.position()) + 1
        while self.open:  # elements left open inside it (a <p> without </p>) end with it
            name, start, wanted = self.open.pop()
            if wanted:
                self.found.append((start, end))
            if name == tag:
                break


def spans(html: str, wanted: Test) -> list[tuple[int, int]]:
    """(start, end) offsets into `html` of every element `wanted` picks, start tag to end tag, in document order."""
    parser = _Spans(html, wanted)
    parser.feed(html)
    parser.close()
    return sorted(parser.found)


def outermost(found: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans not inside another of them."""
    kept: list[tuple[int, int]] = []
    for start, end in sorted(found):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end))
    return kept


def drop(html: str, wanted: Test) -> str:
    """`html` without the elements `wanted` picks (an element inside a dropped one goes with it)."""
    out, at = [], 0
    for start, end in outermost(spans(html, wanted)):
        out.append(html[at:start])
        at = end
    return "".join(out) + html[at:]
