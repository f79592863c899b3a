"""Math rendered when the site is built: readers load no math typesetting script.

Every formula is converted once, at build, by Temml (TeX to MathML; its JavaScript runs in-process in
V8 through the `mini-racer` wheel, so building needs no Node). Browsers draw MathML natively and screen
readers read it; it is text, so it is crisp and searchable in print, takes the text colour in both
schemes, and needs nothing redone after instant navigation. The font is Noto Sans Math (it has the
OpenType MATH table that MathML layout needs, and matches the theme's sans-serif text), cut at build to
the glyphs the site's formulas use (21 KB instead of 270 KB) and preloaded on pages with math, so
formulas are drawn once, in their own font (no layout shift); the offline build inlines it into the
stylesheet, since pages opened from the file system cannot fetch fonts from other files.

Measured on the lesson pages before choosing (see the closing note of issue 9): KaTeX's HTML + MathML
made backprop/ 209 KB of HTML (the target is 150 KB); Temml's MathML makes it 91 KB.

Where the math is:
- Markdown pages: pymdownx.arithmatex (generic mode) wraps it as `<span class="arithmatex">\\(…\\)</span>`
  and `<div class="arithmatex">\\[…\\]</div>`.
- Notebook pages: nbconvert leaves it as `$…$` and `$$…$$` (HTML-escaped) in the text cells' HTML.

Text inside `pre`, `code`, `script`, `style`, `textarea`, inline SVG and existing MathML is never
touched, as MathJax never typeset it. A formula Temml cannot parse fails the build, naming the page and
the formula.

Vendored by `scripts/vendor_math.py`: `hooks/vendor/` (build only: temml.min.js and the whole font) and
`docs/assets/math/temml.css` (served).
"""

from __future__ import annotations

import base64
import hashlib
import html
import os
import re
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path

from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parents[1]
VENDOR = ROOT / "hooks" / "vendor"
TEMML_JS = VENDOR / "temml.min.js"
TEMML_VERSION = "0.13.5"
FONT = VENDOR / "NotoSansMath-Regular.woff2"
CACHE = ROOT / ".cache" / "math"  # cut fonts, by content
KEEP = 4  # cuts kept, newest first: editing a formula and undoing it costs nothing
# Typeset pages, by a hash of this hook, Temml and the page's HTML: a rebuild typesets only the pages that
# changed (each page takes V8 and a scan of its HTML, about 0.4 s for the site on the 2-core machine).
PAGES = CACHE / "pages"
KEEP_PAGES = 60  # besides this build's pages: earlier versions, so that undoing an edit costs nothing
_SOURCE = hashlib.sha256(Path(__file__).read_bytes() + TEMML_JS.read_bytes()).digest() if TEMML_JS.is_file() else b""
_used_pages: set[Path] = set()
CSS_PATH = "assets/math/temml.css"  # its @font-face loads the cut font
FONT_PATH = "assets/math/NotoSansMath.woff2"  # beside it, on a served site
FONT_URL = 'url("NotoSansMath.woff2")'  # as scripts/vendor_math.py writes it into temml.css
_MATH_TEXT = re.compile(r"<math\b.*?</math>", re.S)
_chars: set[str] = set()
# Browsers draw a one-letter <mi>x</mi> in italic by mapping it to U+1D465 (MathML's math-auto
# text-transform), so the cut font keeps the italic Latin and Greek letters too.
MATH_ITALIC = {chr(c) for c in [*range(0x1D434, 0x1D468), 0x210E, *range(0x1D6E2, 0x1D71C)]}

# Elements whose text is never math: code, scripts, existing math, inline SVG figures.
_SKIP = {"pre", "code", "script", "style", "textarea", "svg", "math", "kbd"}
_TOKEN = re.compile(r"<!--.*?-->|<(/?)([a-zA-Z][a-zA-Z0-9-]*)\b[^>]*?(/?)>", re.S)
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
            raise PluginError("hooks/typeset.py needs the mini-racer package: pip install -e '.[docs]'") from error
        if not TEMML_JS.is_file():
            raise PluginError(f"{TEMML_JS} is missing: run scripts/vendor_math.py")
        self.context = MiniRacer()
        self.context.eval(TEMML_JS.read_text(encoding="utf-8"))
        version = self.context.eval("temml.version")
        if version != TEMML_VERSION:  # the served temml.css must match the JS that wrote the MathML
            raise PluginError(f"{TEMML_JS} is Temml {version}, expected {TEMML_VERSION}")

    def render(self, tex: str, display: bool) -> str:
        # annotate=False: no TeX source inside the MathML (never shown, and it would print as raw TeX
        # in some PDF readers' text layer).
        options = {"displayMode": display, "throwOnError": True, "annotate": False}
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


@lru_cache(maxsize=4096)  # serve rebuilds re-render the same formulas: typeset each once per process
def render(tex: str, display: bool) -> str:
    """The MathML for `tex` (plain TeX, not HTML-escaped); raises ValueError if it does not parse."""
    try:
        rendered = pad_slanted(inline_primes(_temml().render(tex, display)))
    except Exception as error:  # mini-racer's JSEvalException carries Temml's ParseError message
        message = str(error).splitlines()[0].removeprefix("<anonymous>:1: ")
        delimiter = "$$" if display else "$"
        raise ValueError(f"cannot typeset {delimiter}{tex}{delimiter}: {message}") from None
    if display:
        # A wide display scrolls inside its own box on a phone rather than shrinking or running off the page.
        # A span (display: block in notes.css): displays often sit inside a <p>, where a div is invalid.
        return f'<span class="notes-math">{rendered}</span>'
    return rendered


def _render_text(text: str) -> str:
    """Typeset the TeX-delimited formulas in one HTML text segment (entities escaped)."""

    def replace(match: re.Match) -> str:
        display = match.group("d1") or match.group("d2")
        tex = display if display is not None else (match.group("i1") or match.group("i2"))
        return render(html.unescape(tex).strip(), display is not None)

    return _DELIMITED.sub(replace, text)


def render_delimited(page_html: str) -> str:
    """Typeset `$…$`, `$$…$$`, `\\(…\\)` and `\\[…\\]` in the text of `page_html`, outside code and SVG."""
    out, position, skip_depth, skipping = [], 0, 0, None
    for match in _TOKEN.finditer(page_html):
        text = page_html[position : match.start()]
        out.append(text if skipping else _render_text(text))
        out.append(match.group(0))
        position = match.end()
        closing, name, self_closing = match.group(1), (match.group(2) or "").lower(), match.group(3)
        if not name or name in _VOID or self_closing:
            continue
        if skipping is None and not closing and name in _SKIP:
            skipping, skip_depth = name, 1
        elif skipping == name:
            skip_depth += -1 if closing else 1
            if skip_depth == 0:
                skipping = None
    rest = page_html[position:]
    out.append(rest if skipping else _render_text(rest))
    return "".join(out)


def render_arithmatex(page_html: str) -> str:
    """Typeset the formulas pymdownx.arithmatex wrapped on a Markdown page."""

    def replace(match: re.Match) -> str:
        display = match.group("display")
        tex = display if display is not None else match.group("inline")
        return render(html.unescape(tex).strip(), display is not None)

    return _ARITHMATEX.sub(replace, page_html)


def on_pre_build(config):
    _chars.clear()
    _used_pages.clear()


def on_page_content(html_text, page, config, files):
    notebook = page.file.src_uri.endswith(".py")
    key = hashlib.sha256(_SOURCE + bytes([notebook]) + html_text.encode()).hexdigest()[:32]
    stored = PAGES / f"{key}.html"
    _used_pages.add(stored)
    if stored.is_file():
        html_text = stored.read_text(encoding="utf-8")
    else:
        try:
            html_text = render_delimited(html_text) if notebook else render_arithmatex(html_text)
        except ValueError as error:
            raise PluginError(f"{page.file.src_uri}: {error}") from None
        PAGES.mkdir(parents=True, exist_ok=True)
        partial = stored.with_suffix(f".{os.getpid()}.tmp")
        partial.write_text(html_text, encoding="utf-8")
        partial.replace(stored)
    for math in _MATH_TEXT.findall(html_text):
        _chars.update(html.unescape(re.sub(r"<[^>]+>", "", math)))
        if "<msqrt" in math or "<mroot" in math:  # the browser draws the radical from the font's √ glyph,
            _chars.add("√")  # which the formula's text does not contain
    return html_text


def subset_font(chars: set[str], target: Path) -> None:
    """Write Noto Sans Math cut to `chars` (and the size variants and parts MathML stretches them with).

    Cutting takes seconds (the woff2 is decompressed glyph by glyph), so each cut is kept in .cache/math,
    named by the font and the characters: a rebuild with the same formulas copies it."""
    key = hashlib.sha256(FONT.read_bytes() + "".join(sorted(chars | MATH_ITALIC)).encode()).hexdigest()[:20]
    cached = CACHE / f"NotoSansMath-{key}.woff2"
    if not cached.is_file():
        from fontTools import subset  # matplotlib's dependency; woff2 needs brotli (docs extra)

        options = subset.Options()
        options.flavor = "woff2"
        options.layout_features = ["*"]  # ssty (script-size glyphs), ss01 (\\mathcal) and the rest
        options.notdef_outline = True
        font = subset.load_font(str(FONT), options)
        subsetter = subset.Subsetter(options)
        subsetter.populate(text="".join(sorted(chars | MATH_ITALIC)))
        subsetter.subset(font)  # keeps the MATH table, with the variants of the glyphs kept
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".tmp")
        subset.save_font(font, str(partial), options)
        partial.replace(cached)
        for old in sorted(CACHE.glob("NotoSansMath-*.woff2"), key=lambda p: p.stat().st_mtime)[:-KEEP]:
            old.unlink()
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)


def _offline(config) -> bool:
    """Whether this is the offline build (`make offline`: Material's offline plugin on)."""
    offline = config.plugins.get("material/offline")
    return offline is not None and bool(offline.config.enabled)


def on_post_page(output, page, config):
    """On a served site, preload the math font on pages with math, so formulas are drawn once, in their own font."""
    if "<math" not in output or _offline(config):
        return output
    base = "../" * page.file.dest_uri.count("/")  # from the page's folder back to the site root
    link = f'<link rel="preload" href="{base}{FONT_PATH}" as="font" type="font/woff2" crossorigin>'
    # Before the stylesheets: the font is fetched as early as they are (and the head script in overrides/main.html,
    # which makes head URLs absolute for instant navigation, sees it).
    return output.replace('<link rel="stylesheet"', link + '<link rel="stylesheet"', 1)


def _prune_pages() -> None:
    for path in _used_pages:
        if path.is_file():
            path.touch()  # in use: the most recent
    others = []
    for path in PAGES.glob("*.html"):
        try:
            others.append((path.stat().st_mtime, path))
        except FileNotFoundError:  # pruned by another build at the same moment
            pass
    for _, path in sorted((entry for entry in others if entry[1] not in _used_pages), reverse=True)[KEEP_PAGES:]:
        path.unlink(missing_ok=True)


def on_post_build(config):
    """Write the cut font beside temml.css. The offline build puts it into temml.css as a data URL
    instead: Chromium refuses fonts fetched from another file by a page opened from file://."""
    _prune_pages()
    site = Path(config["site_dir"])
    if not _offline(config):
        subset_font(_chars, site / FONT_PATH)
        return
    css_path = site / CSS_PATH
    css = css_path.read_text(encoding="utf-8")
    if FONT_URL not in css:
        raise PluginError(f"{CSS_PATH} has no {FONT_URL} to fill: run scripts/vendor_math.py")
    with tempfile.TemporaryDirectory() as tmp:
        font = Path(tmp) / "math.woff2"
        subset_font(_chars, font)
        data = base64.b64encode(font.read_bytes()).decode()
    css_path.write_text(css.replace(FONT_URL, f'url("data:font/woff2;base64,{data}")'), encoding="utf-8")
