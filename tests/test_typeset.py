"""The typeset and math_font stages: TeX in the pages becomes MathML at build; code and SVG are left alone; bad TeX
fails loudly; the math font is cut to the characters used."""

from pathlib import Path

import pytest
from notes_build import disk_cache, math_font, plugin, typeset

ROOT = Path(__file__).parents[1]


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

    target = math_font.subset_font(set("σ∑∂ℒ=+−"), disk_cache.Store(tmp_path / "cache", keep=1))
    font = TTFont(target)
    cmap = font.getBestCmap()
    assert "MATH" in font and all(ord(c) in cmap for c in "σ∑∂ℒ=+−")
    assert ord("𝑥") in cmap  # the italic x a browser draws for <mi>x</mi>
    assert target.stat().st_size < math_font.FONT.stat().st_size / 5
    assert math_font.FONT_URL in (ROOT / "docs" / math_font.CSS_PATH).read_text()  # where the build puts it


def test_font_cuts_are_cached_by_their_characters(tmp_path):
    """The same characters reuse the cut kept in the cache; other characters make a new one."""
    store = disk_cache.Store(tmp_path / "cache", keep=4)
    cut = math_font.subset_font(set("σ="), store)
    stamp = cut.stat().st_mtime_ns
    assert math_font.subset_font(set("=σ"), store) == cut and cut.stat().st_mtime_ns == stamp
    math_font.subset_font(set("∑"), store)
    assert len(list((tmp_path / "cache").glob("*.woff2"))) == 2


def test_primes_are_set_inline_not_as_superscripts():
    """σ'(z) and g''(z): the prime marks follow their letter in an mrow, at full size, not inside an msup."""
    html = typeset.render_delimited("<p>$\\sigma'(z)$ and $g''(z)$ and $x^{2}$</p>")
    assert html.count("<msup>") == 1  # x^2 only
    assert '<mrow><mi>σ</mi><mo lspace="0em" rspace="0em" class="tml-prime">′</mo></mrow>' in html
    assert '<mrow><mi>g</mi><mrow class="tml-sml-pad"><mo lspace="0em" rspace="0em" class="tml-prime">′</mo>' in html


def test_inline_math_in_practice_questions_may_wrap_after_its_operators():
    """Inside a practice question an inline formula is cut into pieces after each top-level relation or operator
    (where it may wrap on a phone); each cut operator keeps its infix spacing, and the lone "=" of ":=" joins the
    piece before it. Outside, and for displays, a formula stays one piece."""
    chain = "$w := w - \\alpha dw = -0.1335$"
    page = f'<p>{chain}</p><form class="practice" data-id="q"><p>{chain}</p><p>$$a = b$$</p></form><p>{chain}</p>'
    before, inside, display, after = typeset._MATH_TEXT.findall(typeset.render_delimited(page))
    assert before == after and before.count("<mrow>") == 1 and display.count("<mrow>") == 1
    assert '<math><mrow><mi>w</mi><mo form="infix" lspace="0.2222em" rspace="0em">:</mo>' in inside
    assert '<mo form="infix" lspace="0em">=</mo></mrow><mrow><mi>w</mi><mo form="infix">−</mo></mrow>' in inside
    assert inside.endswith('<mrow><mo form="prefix" stretchy="false">−</mo><mn>0.1335</mn></mrow></math>')
    assert inside.count("<mrow>") == 4  # w := | w − | α dw = | −0.1335


def test_slanted_capitals_get_their_superscript_padded():
    """W^{[l]}: the superscript is padded off W's slanted side, as Temml pads Z's."""
    html = typeset.render("W^{[l]}", False)
    assert '<msup><mi>W</mi><mrow class="tml-med-pad">' in html


def test_a_square_root_keeps_the_radical_glyph_in_the_font_cut():
    """A page with √ written as \\sqrt adds U+221A to the characters kept: the browser draws msqrt's radical from it,
    though no formula's text contains it."""
    from types import SimpleNamespace

    page = SimpleNamespace(file=SimpleNamespace(src_uri="adam.md"))
    build = plugin.Build("build", {})
    typeset.on_page_content('<p><span class="arithmatex">\\(\\sqrt{S} + x\\)</span></p>', page, None, None, build)
    assert "√" in build.typeset.chars and "S" in build.typeset.chars
    build = plugin.Build("build", {})  # the next build starts with none
    typeset.on_page_content('<p><span class="arithmatex">\\(S + x\\)</span></p>', page, None, None, build)
    assert "√" not in build.typeset.chars
