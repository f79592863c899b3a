"""hooks/typeset.py: TeX in the pages becomes MathML at build; code and SVG are left alone; bad TeX fails loudly."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "hooks"))
import typeset  # noqa: E402


def test_inline_and_display_dollars_become_mathml():
    html = typeset.render_delimited("<p>The cost $J(w) = 1$ and</p>\n<p>$$\\sigma(z) = \\frac{1}{1 + e^{-z}}$$</p>")
    assert html.count("<math") == 2 and "$" not in html
    assert '<span class="notes-math"><math display="block"' in html  # displays scroll in their own box
    assert "<mfrac>" in html and "σ" in html


def test_html_escaped_tex_is_unescaped_first():
    html = typeset.render_delimited("<p>$a &lt; b$</p>")
    assert "<mo>&lt;</mo>" in html or "<mo>&#x3C;</mo>" in html or "<mo>&lt;" in html


def test_code_svg_and_literal_dollars_are_not_math():
    page = (
        "<pre><code>print('$x$')</code></pre><code>$y$</code>"
        "<svg><text>$z$</text></svg><p>costs \\$5 and \\$6</p><p>$w$</p>"
    )
    html = typeset.render_delimited(page)
    assert "print('$x$')" in html and "<code>$y$</code>" in html and "<text>$z$</text>" in html
    assert "\\$5 and \\$6" in html and html.count("<math") == 1


def test_arithmatex_wrappers_on_markdown_pages():
    html = typeset.render_arithmatex(
        '<p><span class="arithmatex">\\(W^{[l]}\\)</span></p><div class="arithmatex">\\[a &gt; b\\]</div>'
    )
    assert html.count("<math") == 2 and "arithmatex" not in html and "msup" in html


def test_bad_tex_names_the_formula():
    with pytest.raises(ValueError, match=r"cannot typeset \$\\frac\{1\$: .*"):
        typeset.render_delimited("<p>$\\frac{1$</p>")


def test_font_cut_keeps_the_math_table_and_the_characters(tmp_path):
    from fontTools.ttLib import TTFont

    target = tmp_path / "math.woff2"
    typeset.subset_font(set("σ∑∂ℒ=+−"), target)
    font = TTFont(target)
    cmap = font.getBestCmap()
    assert "MATH" in font and all(ord(c) in cmap for c in "σ∑∂ℒ=+−")
    assert ord("𝑥") in cmap  # the italic x a browser draws for <mi>x</mi>
    assert target.stat().st_size < typeset.FONT.stat().st_size / 5
    assert typeset.FONT_URL in (typeset.ROOT / "docs" / typeset.CSS_PATH).read_text()  # where the build puts it
