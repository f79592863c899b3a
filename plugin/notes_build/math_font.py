"""The math font cut to the glyphs of the site's formulas, and preloaded where there is math.

Noto Sans Math (it has the OpenType MATH table MathML layout needs) is 270 KB whole; cut to the characters
the typeset stage found in this build's formulas it is about 21 KB. It is preloaded on pages with math, so
formulas are drawn once, in their own font (no layout shift). The offline build inlines it into temml.css
as a data URL instead: Chromium refuses fonts fetched from another file by a page opened from file://.
"""

import base64
from pathlib import Path

from mkdocs.exceptions import PluginError

from . import disk_cache
from .project import VENDOR, cache_folder, offline_build

AFTER = ("typeset",)  # which collects the formulas' characters
FONT = VENDOR / "NotoSansMath-Regular.woff2"
KEEP = 4  # cuts kept besides the current one: editing a formula and undoing it costs nothing
CSS_PATH = "assets/math/temml.css"  # its @font-face loads the cut font
FONT_PATH = "assets/math/NotoSansMath.woff2"  # beside it, on a served site
FONT_URL = 'url("NotoSansMath.woff2")'  # as scripts/vendor_math.py writes it into temml.css
# Browsers draw a one-letter <mi>x</mi> in italic by mapping it to U+1D465 (MathML's math-auto
# text-transform), so the cut font keeps the italic Latin and Greek letters too.
MATH_ITALIC = {chr(c) for c in [*range(0x1D434, 0x1D468), 0x210E, *range(0x1D6E2, 0x1D71C)]}


def _cut(text: str, target: Path) -> None:
    from fontTools import subset  # matplotlib's dependency; woff2 needs brotli (docs extra)

    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]  # ssty (script-size glyphs), ss01 (\\mathcal) and the rest
    options.notdef_outline = True
    font = subset.load_font(str(FONT), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)  # keeps the MATH table, with the variants of the glyphs kept
    subset.save_font(font, str(target), options)


def subset_font(chars: set[str], store: disk_cache.Store) -> Path:
    """Noto Sans Math cut to `chars` (and the size variants and parts MathML stretches them with), in `store`.

    Cutting takes seconds (the woff2 is decompressed glyph by glyph), so each cut is kept, named by the font
    and the characters: a rebuild with the same formulas reuses it."""
    text = "".join(sorted(chars | MATH_ITALIC))
    return store.get(f"NotoSansMath-{disk_cache.key(FONT.read_bytes(), text)[:20]}.woff2", lambda t: _cut(text, t))


def on_post_page(output, page, config):
    """On a served site, preload the math font on pages with math, so formulas are drawn once, in their own font."""
    if "<math" not in output or offline_build(config):
        return output
    base = "../" * page.file.dest_uri.count("/")  # from the page's folder back to the site root
    link = f'<link rel="preload" href="{base}{FONT_PATH}" as="font" type="font/woff2" crossorigin>'
    # Before the stylesheets: the font is fetched as early as they are (and the head script in overrides/main.html,
    # which makes head URLs absolute for instant navigation, sees it).
    return output.replace('<link rel="stylesheet"', link + '<link rel="stylesheet"', 1)


def on_post_build(config, build):
    """The cut font beside temml.css, or, in the offline build, inside it."""
    store = disk_cache.Store(cache_folder(config) / "math", KEEP)
    font = subset_font(build.typeset.chars, store)
    store.prune()
    site = Path(config["site_dir"])
    if not offline_build(config):
        (site / FONT_PATH).parent.mkdir(parents=True, exist_ok=True)
        (site / FONT_PATH).write_bytes(font.read_bytes())
        return
    css_path = site / CSS_PATH
    css = css_path.read_text(encoding="utf-8")
    if FONT_URL not in css:
        raise PluginError(f"{CSS_PATH} has no {FONT_URL} to fill: run scripts/vendor_math.py")
    data = base64.b64encode(font.read_bytes()).decode()
    css_path.write_text(css.replace(FONT_URL, f'url("data:font/woff2;base64,{data}")'), encoding="utf-8")
