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


def test_font_cut_keeps_the_math_table_and_the_characters(tmp_path, monkeypatch):
    from fontTools.ttLib import TTFont

    monkeypatch.setattr(typeset, "CACHE", tmp_path / "cache")
    target = tmp_path / "math.woff2"
    typeset.subset_font(set("σ∑∂ℒ=+−"), target)
    font = TTFont(target)
    cmap = font.getBestCmap()
    assert "MATH" in font and all(ord(c) in cmap for c in "σ∑∂ℒ=+−")
    assert ord("𝑥") in cmap  # the italic x a browser draws for <mi>x</mi>
    assert target.stat().st_size < typeset.FONT.stat().st_size / 5
    assert typeset.FONT_URL in (typeset.ROOT / "docs" / typeset.CSS_PATH).read_text()  # where the build puts it


def test_font_cuts_are_cached_by_their_characters(tmp_path, monkeypatch):
    """The same characters reuse the cut kept in the cache; other characters make a new one."""
    monkeypatch.setattr(typeset, "CACHE", tmp_path / "cache")
    typeset.subset_font(set("σ="), tmp_path / "a.woff2")
    (cut,) = (tmp_path / "cache").glob("*.woff2")
    stamp = cut.stat().st_mtime_ns
    typeset.subset_font(set("=σ"), tmp_path / "b.woff2")
    assert (
        cut.stat().st_mtime_ns == stamp and (tmp_path / "a.woff2").read_bytes() == (tmp_path / "b.woff2").read_bytes()
    )
    typeset.subset_font(set("∑"), tmp_path / "c.woff2")
    assert len(list((tmp_path / "cache").glob("*.woff2"))) == 2


def test_primes_are_set_inline_not_as_superscripts():
    """σ'(z) and g''(z): the prime marks follow their letter in an mrow, at full size, not inside an msup."""
    html = typeset.render_delimited("<p>$\\sigma'(z)$ and $g''(z)$ and $x^{2}$</p>")
    assert html.count("<msup>") == 1  # x^2 only
    assert '<mrow><mi>σ</mi><mo lspace="0em" rspace="0em" class="tml-prime">′</mo></mrow>' in html
    assert '<mrow><mi>g</mi><mrow class="tml-sml-pad"><mo lspace="0em" rspace="0em" class="tml-prime">′</mo>' in html


def test_slanted_capitals_get_their_superscript_padded():
    """W^{[l]}: the superscript is padded off W's slanted side, as Temml pads Z's."""
    html = typeset.render("W^{[l]}", False)
    assert '<msup><mi>W</mi><mrow class="tml-med-pad">' in html


def _page(src_uri):
    from types import SimpleNamespace

    return SimpleNamespace(file=SimpleNamespace(src_uri=src_uri))


def test_typeset_pages_are_kept_by_content_and_pruned(tmp_path, monkeypatch):
    """A page typeset once is read back on the next build without Temml; an edited page is typeset again, and
    after the build only this build's pages and the KEEP_PAGES most recent others stay."""
    monkeypatch.setattr(typeset, "PAGES", tmp_path / "pages")
    monkeypatch.setattr(typeset, "KEEP_PAGES", 1)
    typeset.on_pre_build(None)
    first = typeset.on_page_content("<p>$a^2$</p>", _page("x.py"), None, None)
    assert "<math" in first and len(list((tmp_path / "pages").glob("*.html"))) == 1

    def no_temml(*args):
        raise AssertionError("typeset again")

    monkeypatch.setattr(typeset, "render_delimited", no_temml)
    assert typeset.on_page_content("<p>$a^2$</p>", _page("x.py"), None, None) == first
    with pytest.raises(AssertionError, match="typeset again"):
        typeset.on_page_content("<p>$b^2$</p>", _page("x.py"), None, None)
    monkeypatch.undo()
    monkeypatch.setattr(typeset, "PAGES", tmp_path / "pages")
    monkeypatch.setattr(typeset, "KEEP_PAGES", 1)
    for tex in ("b", "c", "d"):  # three more builds of an edited page
        typeset.on_pre_build(None)
        typeset.on_page_content(f"<p>${tex}^2$</p>", _page("x.py"), None, None)
        typeset._prune_pages()
    kept = sorted(path.read_text() for path in (tmp_path / "pages").glob("*.html"))
    assert len(kept) == 2 and any("<mi>d</mi>" in page for page in kept) and any("<mi>c</mi>" in page for page in kept)


def test_a_square_root_keeps_the_radical_glyph_in_the_font_cut(tmp_path, monkeypatch):
    """A page with √ written as \\sqrt adds U+221A to the characters kept: the browser draws msqrt's radical from it,
    though no formula's text contains it."""
    from types import SimpleNamespace

    monkeypatch.setattr(typeset, "PAGES", tmp_path / "pages")
    typeset.on_pre_build(None)
    page = SimpleNamespace(file=SimpleNamespace(src_uri="adam.md"))
    typeset.on_page_content('<p><span class="arithmatex">\\(\\sqrt{S} + x\\)</span></p>', page, None, None)
    assert "√" in typeset._chars and "S" in typeset._chars
    typeset.on_pre_build(None)
    typeset.on_page_content('<p><span class="arithmatex">\\(S + x\\)</span></p>', page, None, None)
    assert "√" not in typeset._chars
