"""The built site: strict build, every page executed with real outputs, offline, light, downloadable, linked."""

import html as html_module
import json
import re
import unicodedata
from pathlib import Path

import nbformat
import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parents[1]
import site_nav  # noqa: E402
from notes_build import links  # noqa: E402  (the links stage, the post-build link checker)

NOTEBOOK_PAGES = sorted(p.stem for p in (ROOT / "docs").glob("*.py"))
FETCHING = re.compile(r"""<(?:script|img|source|iframe|audio|video|embed)\b[^>]*\bsrc=["']([^"']+)""", re.I)
LINK_TAG = re.compile(r"<link\b[^>]*>", re.I)
NOT_FETCHED = {"canonical", "alternate", "author", "license"}  # <link rel=...> values a browser does not load
CSS_URL = re.compile(r"""url\(\s*["']?([^"')]+)|@import\s+["']([^"']+)""", re.I)


def page_html(site, stem):
    return (site / ("index.html" if stem == "index" else f"{stem}/index.html")).read_text()


def test_every_page_built_in_nav_order(built_site):
    """Every page exists: the executed notebook pages (every lesson of the nav, key takeaways, the benchmark, the
    coding exercises and the mock exam among them), formulas, checklist, review cards, API reference, tests."""
    assert {*site_nav.lesson_stems(), "index", "takeaways", "benchmark", "exercises", "exam"} <= set(NOTEBOOK_PAGES)
    for stem in NOTEBOOK_PAGES + ["formulas", "checklist", "review", "reference", "tests"]:
        assert "md-content" in page_html(built_site, stem), stem


def test_page_sources_keep_text_out_of_code_cells():
    """No Markdown heading hides in a code cell of a page (a missing `# %% [markdown]` marker)."""
    import jupytext

    for stem in NOTEBOOK_PAGES:
        nb = jupytext.read(ROOT / "docs" / f"{stem}.py")
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not re.search(r"^# #+ ", cell.source, re.M), f"{stem}: heading in a code cell:\n{cell.source}"


def test_executed_pages_show_real_outputs(built_site):
    """Every notebook page has executed outputs; the home page reports accuracies on the 2,115 test digits."""
    for stem in NOTEBOOK_PAGES:
        html = page_html(built_site, stem)
        assert "jp-OutputArea-output" in html, f"{stem}: no outputs"
        assert "Traceback" not in html and 'class="ansi-red' not in html, f"{stem}: an error in the output"
    home = page_html(built_site, "index")
    # a table cell's content is in a <div class="notes-cell"> (notes_build/wrap_tables.py)
    assert re.search(r"99\.\d\d%</div></td>", home) and re.search(r">\d / 2,115<", home)


def test_no_request_to_third_party_hosts(built_site):
    """No HTML page or stylesheet loads anything from another host (fonts, CDNs, scripts, images)."""
    offenders = []
    for path in built_site.rglob("*"):
        if path.suffix == ".html":
            text = path.read_text(errors="replace")
            urls = FETCHING.findall(text)
            for tag in LINK_TAG.findall(text):
                rel = (re.search(r'rel="([^"]*)"', tag) or re.search("()", "")).group(1).lower()
                href = re.search(r'href="([^"]*)"', tag)
                if href and rel not in NOT_FETCHED:
                    urls.append(href.group(1))
        elif path.suffix == ".css":
            urls = [a or b for a, b in CSS_URL.findall(path.read_text(errors="replace"))]
        else:
            continue
        offenders += [f"{path.relative_to(built_site)}: {u}" for u in urls if re.match(r"(https?:)?//", u)]
    assert not offenders, offenders[:10]


def test_math_is_rendered_at_build(built_site, site_pages):
    """Math is MathML written at build: no page loads a math script, and the pages with math preload the
    site's own cut of Noto Sans Math, which holds every character their formulas use."""
    from fontTools.ttLib import TTFont

    font = built_site / "assets/math/NotoSansMath.woff2"
    cmap = TTFont(font).getBestCmap()
    assert "MATH" in TTFont(font) and font.stat().st_size < 60_000  # cut from 270 KB, layout table kept
    for path, has_math in site_pages.items():
        text = (built_site / path / "index.html").read_text()
        assert not re.search(r"mathjax|katex", text, re.I), f"{path}: loads a math script"
        assert ("<math" in text) == has_math, path
        assert ('rel="preload" href="' in text and "NotoSansMath.woff2" in text) == has_math, path
        for math in re.findall(r"<math\b.*?</math>", text, re.S):
            chars = html_module.unescape(re.sub(r"<[^>]+>", "", math))
            missing = {c for c in chars if unicodedata.category(c)[0] not in "ZC" and ord(c) not in cmap}
            assert not missing, f"{path}: the math font lacks {missing}"


def test_page_weight_and_shared_notebook_css(built_site):
    """Every page loads at most 400 KB of CSS and JavaScript and has at most 150 KB of HTML (uncompressed);
    the notebook CSS is one shared file, cut to the rules the pages use."""
    from page_weight import CSS_JS_LIMIT, HTML_LIMIT, weigh

    pages = weigh(built_site)
    assert len(pages) >= 18
    # print/ is every lesson on one page, by design: its HTML is theirs added up, and only it may pass 150 KB.
    printed = pages.pop("print/")
    assert printed["css_js"] <= CSS_JS_LIMIT and printed["html"] < sum(w["html"] for w in pages.values())
    over = {page: w for page, w in pages.items() if w["css_js"] > CSS_JS_LIMIT or w["html"] > HTML_LIMIT}
    assert not over, over
    css = (built_site / "assets/stylesheets/jupyter.css").read_text()
    assert 5_000 < len(css) < 60_000  # nbconvert's is 590 KB
    assert ".jupyter-wrapper .clipboard-copy-txt{display:none}" in css  # a rule the pages need survives


def test_every_figure_is_a_file_with_alt_text(built_site):
    """Each <img> in the content has alt text and its file exists; figures are PNG or SVG; the pages show one
    figure per plots.show call (print/ shows them all again and is checked too, but not counted)."""
    count = 0
    for html in built_site.rglob("index.html"):
        printed = html.parent.name == "print"
        for tag in re.findall(r"<img\b[^>]*>", html.read_text()):
            src = re.search(r'src="([^"]+)"', tag).group(1)
            if "fig-" not in src:
                continue
            assert re.search(r'alt="[^"]{20,}"', tag), f"{html}: figure without a real alt text: {tag[:120]}"
            assert (html.parent / src).is_file() and src.endswith((".png", ".svg"))
            count += not printed
    shown = sum(path.read_text().count("plots.show(") for path in (ROOT / "docs").glob("*.py"))
    assert count == shown, f"{count} figures in the site, {shown} plots.show calls in the pages"


def test_every_executed_page_offers_its_notebook(built_site):
    """Each notebook page links an .ipynb beside it that validates and holds the executed outputs."""
    for stem in NOTEBOOK_PAGES:
        html = page_html(built_site, stem)
        assert f'href="{stem}.ipynb"' in html, stem
        notebook = (built_site / ("" if stem == "index" else stem)) / f"{stem}.ipynb"
        nb = nbformat.read(notebook, as_version=4)
        nbformat.validate(nb)
        assert sum(bool(c.get("outputs")) for c in nb.cells if c.cell_type == "code") >= 1, stem


def test_internal_links_and_anchors_resolve(built_site):
    """The link checker finds nothing broken in the real site (notebook pages included)."""
    assert links.broken_links(built_site) == []


def test_link_checker_catches_broken_links_and_anchors(tmp_path):
    """A missing page, a missing image and a missing anchor are each reported."""
    (tmp_path / "a").mkdir()
    (tmp_path / "a/index.html").write_text(
        '<h2 id="here">x</h2><a href="../b/">b</a><img src="nope.png"><a href="#gone">g</a>'
    )
    (tmp_path / "index.html").write_text('<a href="a/#here">ok</a><a href="a/#missing">bad</a>')
    problems = "\n".join(links.broken_links(tmp_path))
    assert "../b/" in problems and "nope.png" in problems and "#gone" in problems and "'missing'" in problems
    assert "a/#here" not in problems


def test_search_index_has_the_notes(built_site):
    """The search index covers notebook pages: 'sigmoid' and 'broadcasting' are found."""
    index = json.loads((built_site / "search/search_index.json").read_text())
    text = " ".join(doc["text"].lower() for doc in index["docs"])
    assert "sigmoid" in text and "broadcasting" in text


def test_presentation_cells_show_no_code(built_site):
    """Cells tagged hide-input show their output only: no table, listing or figure call is visible as code."""
    call = r'<span class="n">{}</span><span class="o">\.</span><span class="n">{}</span>'
    # the highlighting this test reads: a visible cell of the gradient descent page calls results.headline
    assert re.search(call.format("results", "headline"), page_html(built_site, "gradient-descent"))
    hidden = re.compile(call.format("show", "(table|source|tabs|pre)") + "|" + call.format("plots", "show"))
    for stem in NOTEBOOK_PAGES:
        assert not hidden.search(page_html(built_site, stem)), f"{stem}: a presentation cell shows its code"


def test_link_checker_reuses_earlier_parses_by_content(tmp_path, monkeypatch):
    """An unchanged page is read back from the earlier build's memo (not parsed again); an edited one is parsed,
    so a link it breaks is still reported."""
    from notes_build import disk_cache

    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text('<h2 id="here">x</h2><a href="#here">ok</a>')

    def check():
        memo = disk_cache.Memo(tmp_path / "cache", "links", links._SOURCE)
        problems = links.broken_links(site, memo=memo)
        memo.save()
        return problems

    assert check() == []

    def no_parse(self, data):
        raise AssertionError("parsed again")

    with monkeypatch.context() as patch:
        patch.setattr(links._Page, "feed", no_parse)
        assert check() == []
    (site / "index.html").write_text('<h2 id="here">x</h2><a href="#gone">bad</a>')
    assert check() == ["index.html: <a> #gone -> no id 'gone' in index.html"]
    assert len(json.loads((tmp_path / "cache" / "links.json").read_text())) == 1  # this build's pages only


def test_compiled_templates_are_kept_for_the_next_build(built_site):
    """notes_build/templates.py gives the theme's and mkdocstrings' Jinja environments a bytecode cache: after a build
    it holds the compiled templates of both (the theme's main.html, mkdocstrings' function.html.jinja)."""
    import jinja2

    folder = ROOT / ".cache" / "jinja" / jinja2.__version__
    compiled = b"".join(path.read_bytes() for path in folder.glob("*.cache"))
    assert b"main.html" in compiled and b"function.html.jinja" in compiled


def test_print_page_names_no_hidden_control_or_data_file(built_site):
    """print/ hides the learning-rate explorer, so the text it prints neither asks to move its slider nor names the
    data file it would load; nor do the interactive pages' loading messages name their files."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page_html(built_site, "print"), "html.parser")
    for hidden in soup.select(".lr-explorer"):
        hidden.decompose()
    text = soup.select_one(".md-content").get_text(" ")
    assert "Move the slider" not in text and ".json" not in text
    for stem in ("gradient-descent", "try-it"):
        loading = BeautifulSoup(page_html(built_site, stem), "html.parser").select("#lr-readout, #digit-status")
        assert loading and not [el for el in loading if ".json" in el.get_text()], stem


def test_speed_table_says_what_its_ratio_measures(built_site):
    """NumPy vs TensorFlow: the ratio column is headed "times faster than plain fit", not a bare "vs plain fit"."""
    text = page_html(built_site, "numpy-vs-tensorflow")
    assert ">times faster than plain fit<" in text and ">vs plain fit<" not in text
