"""Math rendered when the site is built: readers load no math typesetting script.

Every formula is converted once, at build, by Temml (TeX to MathML; its JavaScript runs in-process in
V8 through the `mini-racer` wheel, so building needs no Node). Browsers draw MathML natively and screen
readers read it; it is text, so it is crisp and searchable in print, takes the text colour in both
schemes, and needs nothing redone after instant navigation. The font is Noto Sans Math (it has the
OpenType MATH table that MathML layout needs, and matches the theme's sans-serif text), cut at build to
the glyphs the site's formulas use (21 KB instead of 270 KB) by the math_font stage.

Measured on the lesson pages: KaTeX's HTML + MathML
made backprop/ 209 KB of HTML (the target is 150 KB); Temml's MathML makes it 91 KB.

Where the math is:
- Markdown pages: pymdownx.arithmatex (generic mode) wraps it as `<span class="arithmatex">\\(…\\)</span>`
  and `<div class="arithmatex">\\[…\\]</div>`.
- Notebook pages: nbconvert leaves it as `$…$` and `$$…$$` (HTML-escaped) in the text cells' HTML.

Text inside `pre`, `code`, `script`, `style`, `textarea`, inline SVG and existing MathML is never
touched, as MathJax never typeset it. A formula Temml cannot parse fails the build, naming the page and
the formula.

Vendored by `scripts/vendor_math.py`: `notes_build/vendor/` (build only: temml.min.js and the whole font)
and `docs/assets/math/temml.css` (served).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from functools import lru_cache

from mkdocs.exceptions import PluginError

from .project import VENDOR

AFTER = ("notebook_html", "cards")  # the notebooks' math is bare $…$ once their HTML is cleaned; cards wrap theirs
TEMML_JS = VENDOR / "temml.min.js"
TEMML_VERSION = "0.13.5"
_MATH_TEXT = re.compile(r"<math\b.*?</math>", re.S)

# Elements whose text is never math: code, scripts, existing math, inline SVG figures.
_SKIP = {"pre", "code", "script", "style", "textarea", "svg", "math", "kbd"}
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>", re.S)
_PRACTICE_FORM = re.compile(r'<form\b[^>]*\bclass="practice\b')
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

# arithmatex's wrappers on Markdown pages.
_ARITHMATEX = re.compile(
    r'<(span|div) class="arithmatex">\s*(?:\\\((?P<inline>.*?)\\\)|\\\[(?P<display>.*?)\\\])\s*</\1>', re.S
)
# TeX delimiters in notebook text: $$…$$ (may span lines), \[…\], \(…\), and $…$ on one line, where
# \$ is a literal dollar (MathJax's processEscapes, as the pages were written for).
_DELIMITED = re.compile(
    r"\$\$(?P<d1>.+?)\$\$|\\\[(?P<d2>.+?)\\\]|\\\((?P<i1>.+?)\\\)|(?<![\\$])\$(?P<i2>[^$\n]+?)(?<!\\)\$(?!\$)",
    re.S,
)


class _Temml:
    """One V8 context with Temml loaded, reused for every formula of every build of this process."""

    def __init__(self):
        try:
            from py_mini_racer import MiniRacer
        except ImportError as error:  # the docs extra installs it
            raise PluginError("the typeset stage needs the mini-racer package: pip install -e '.[docs]'") from error
        if not TEMML_JS.is_file():
            raise PluginError(f"{TEMML_JS} is missing: run scripts/vendor_math.py")
        self.context = MiniRacer()
        self.context.eval(TEMML_JS.read_text(encoding="utf-8"))
        version = self.context.eval("temml.version")
        if version != TEMML_VERSION:  # the served temml.css must match the JS that wrote the MathML
            raise PluginError(f"{TEMML_JS} is Temml {version}, expected {TEMML_VERSION}")

    def render(self, tex: str, display: bool, wrap: bool = False) -> str:
        # annotate=False: no TeX source inside the MathML (never shown, and it would print as raw TeX
        # in some PDF readers' text layer). wrap: see render().
        options = {"displayMode": display, "throwOnError": True, "annotate": False, "wrap": "tex" if wrap else "none"}
        return self.context.call("temml.renderToString", tex, options)


@lru_cache(maxsize=1)
def _temml() -> _Temml:
    return _Temml()


_PRIME_MO = r'<mo\b[^>]*class="tml-prime"[^>]*>[′″‴]+</mo>'
_PRIME = re.compile(rf"(?:{_PRIME_MO}|<mrow\b[^>]*>(?:{_PRIME_MO})+</mrow>)</msup>")
_MSUP = re.compile(r"</?msup\b[^>]*>")


# Temml pads the superscripts of some italic capitals (its tml-*-pad classes) but not of W, V, Y and T, whose
# slanted right side then touches the "[" of W^{[l]}: the same padding as Temml gives Z.
_SLANTED = re.compile(r"<msup><mi>([TVWY])</mi><(mrow|mi|mn|mo)>")


def pad_slanted(mathml: str) -> str:
    return _SLANTED.sub(r'<msup><mi>\1</mi><\2 class="tml-med-pad">', mathml)


# Temml marks every bracket fence="true". For a bracket that does not stretch, MathML Core gives `fence` no
# effect on layout; written 500 times on backprop/ (every W^{[l]}), it weighed 7 KB of its HTML.
_FIXED_FENCE = re.compile(r'<mo fence="true" (form="(?:prefix|postfix)" stretchy="false")>')


def drop_fixed_fences(mathml: str) -> str:
    return _FIXED_FENCE.sub(r"<mo \1>", mathml)


def inline_primes(mathml: str) -> str:
    """σ′ as text writes it: Temml makes the prime a superscript (<msup>), where Chromium draws the raised
    prime glyph at script size, raised again: a speck. The glyph is already a raised mark; set it inline."""
    while match := _PRIME.search(mathml):
        depth, start = 0, None
        for tag in reversed(list(_MSUP.finditer(mathml, 0, match.start()))):
            if tag.group().startswith("</"):
                depth += 1
            elif depth:
                depth -= 1
            else:
                start = tag
                break
        if start is None:  # cannot happen in Temml's output; leave the formula as Temml wrote it
            return mathml
        inner = mathml[start.end() : match.end() - len("</msup>")]
        mathml = f"{mathml[: start.start()]}<mrow>{inner}</mrow>{mathml[match.end() :]}"
    return mathml


_TAG = re.compile(r"<(/?)([a-z]+)\b[^>]*?(/?)>")
_LONE_MO = re.compile(r"<mo\b[^>]*>[^<]*</mo>")
_LAST_MO = re.compile(r"<mo(?![^>]*\bform=)([^>]*>[^<]*</mo>(?:<mspace\b[^>]*>(?:</mspace>)?)*)$")


def infix_breaks(mathml: str) -> str:
    """Keep the spacing of the operators Temml's wrap="tex" breaks after. It ends each piece of an inline formula
    with the operator it may break after. Last in its <mrow>, MathML Core reads that operator as postfix: it is
    marked infix, as it was before the cut. Alone in its <mrow> (the "=" of ":="), it is an embellished operator
    whose spacing its parent would set, and the parent is a flex box that sets none: it joins the piece before."""
    pieces, depth, start = [], 0, None
    for tag in _TAG.finditer(mathml):
        closing, name, empty = tag.groups()
        if name == "math" or empty:
            continue
        if not closing:
            depth += 1
            if depth == 1 and name == "mrow":
                start = tag.end()
        else:
            if depth == 1 and name == "mrow":
                pieces.append((start, tag.start()))
            depth -= 1
    out, position = [], 0
    for k, (begin, end) in enumerate(pieces[:-1]):  # the formula's last operator was last before the cut too
        piece = _LAST_MO.sub(r'<mo form="infix"\1', mathml[begin:end])
        lone = _LONE_MO.fullmatch(piece) and k > 0
        between = mathml[position:begin]  # "</mrow><mrow>" between two pieces
        out.append(between.removesuffix("</mrow><mrow>") if lone else between)
        out.append(piece)
        position = end
    return "".join(out) + mathml[position:]


@lru_cache(maxsize=4096)  # serve rebuilds re-render the same formulas: typeset each once per process
def render(tex: str, display: bool, wrap: bool = False) -> str:
    """The MathML for `tex` (plain TeX, not HTML-escaped); raises ValueError if it does not parse.

    wrap: an inline formula is cut into one <mrow> after each top-level relation or binary operator, where
    temml.css lets it wrap (it makes <math> a wrapping flex box), as TeX breaks a line. Asked for inside practice
    questions, whose worked answers hold long chains (tanh'z = 1 - tanh^2 z = ... = 1.0000) that would otherwise
    widen the question past a phone's screen. Elsewhere a formula stays whole: a table keeps its columns and no
    comma is left alone at the start of a line."""
    try:
        mathml = _temml().render(tex, display, wrap)
        rendered = drop_fixed_fences(pad_slanted(inline_primes(infix_breaks(mathml) if wrap else mathml)))
    except Exception as error:  # mini-racer's JSEvalException carries Temml's ParseError message
        message = str(error).splitlines()[0].removeprefix("<anonymous>:1: ")
        delimiter = "$$" if display else "$"
        raise ValueError(f"cannot typeset {delimiter}{tex}{delimiter}: {message}") from None
    if display:
        # A wide display scrolls inside its own box on a phone rather than shrinking or running off the page.
        # A span (display: block in notes.css): displays often sit inside a <p>, where a div is invalid.
        return f'<span class="notes-math">{rendered}</span>'
    return rendered


def _render_text(text: str, wrap: bool) -> str:
    """Typeset the TeX-delimited formulas in one HTML text segment (entities escaped)."""

    def replace(match: re.Match) -> str:
        display = match.group("d1") or match.group("d2")
        tex = display if display is not None else (match.group("i1") or match.group("i2"))
        return render(html.unescape(tex).strip(), display is not None, wrap)

    return _DELIMITED.sub(replace, text)


def render_delimited(page_html: str) -> str:
    """Typeset `$…$`, `$$…$$`, `\\(…\\)` and `\\[…\\]` in the text of `page_html`, outside code and SVG; inside a
    practice question (snippets/practice/quiz.py's <form class="practice">) a long inline formula may wrap."""
    out, position, skip_depth, skipping, practice = [], 0, 0, None, False
    for match in _TOKEN.finditer(page_html):
        text = page_html[position : match.start()]
        out.append(text if skipping else _render_text(text, practice))
        out.append(match.group(0))
        position = match.end()
        closing, name, self_closing = match.group(1), (match.group(2) or "").lower(), match.group(3)
        if name == "form":  # forms do not nest
            practice = not closing and bool(_PRACTICE_FORM.match(match.group(0)))
        if not name or name in _VOID or self_closing:
            continue
        if skipping is None and not closing and name in _SKIP:
            skipping, skip_depth = name, 1
        elif skipping == name:
            skip_depth += -1 if closing else 1
            if skip_depth == 0:
                skipping = None
    rest = page_html[position:]
    out.append(rest if skipping else _render_text(rest, practice))
    return "".join(out)


def render_arithmatex(page_html: str) -> str:
    """Typeset the formulas pymdownx.arithmatex wrapped on a Markdown page."""

    def replace(match: re.Match) -> str:
        display = match.group("display")
        tex = display if display is not None else match.group("inline")
        return render(html.unescape(tex).strip(), display is not None)

    return _ARITHMATEX.sub(replace, page_html)


@dataclass
class State:
    chars: set[str] = field(default_factory=set)  # the characters of this build's formulas, for math_font


def on_page_content(html_text, page, config, files, build):
    try:
        html_text = render_delimited(html_text) if page.file.src_uri.endswith(".py") else render_arithmatex(html_text)
    except ValueError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None
    for math in _MATH_TEXT.findall(html_text):
        build.typeset.chars.update(html.unescape(re.sub(r"<[^>]+>", "", math)))
        if "<msqrt" in math or "<mroot" in math:  # the browser draws the radical from the font's √ glyph,
            build.typeset.chars.add("√")  # which the formula's text does not contain
    return html_text
