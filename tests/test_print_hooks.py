"""The cheatsheet and print_page stages: pieces cut from rendered pages, and pages gathered for print."""

from types import SimpleNamespace

import pytest
from notes_build import (
    cheatsheet,  # noqa: E402
    print_page,  # noqa: E402
)

PAGE = (
    '<h1 id="t">T</h1><div class="admonition abstract in-one-minute"><p>a</p><div>nested</div><p>b</p></div>'
    '<p>after</p><div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="notes-table">'
    '<tr><td id="c">1</td></tr></table></div></div><h2 id="unrolled">U</h2>'
    '<span class="notes-math"><math display="block"><mi>x</mi></math></span><ul class="task-list"><li>do</li></ul>'
)


def test_pieces_are_whole_elements_without_ids():
    box = cheatsheet.piece(PAGE, "box")
    assert box.startswith('<div class="admonition') and box.endswith("<p>b</p></div>") and "after" not in box
    table = '<table class="notes-table"><tr><td>1</td></tr></table>'  # in its box (notes_build/wrap_tables.py)
    assert (
        cheatsheet.piece(PAGE, "table")
        == f'<div class="md-typeset__scrollwrap"><div class="md-typeset__table">{table}</div></div>'
    )  # noqa: E501
    assert cheatsheet.piece(PAGE, "math:unrolled").startswith('<span class="notes-math"><math')
    assert cheatsheet.piece(PAGE, "tasks") == '<ul class="task-list"><li>do</li></ul>'


def test_list_and_output_pieces_follow_their_anchor():
    """list:ID is the first list after #ID; output:ID:N the first N notebook outputs after #ID, whole and in order."""
    html = (
        '<ul><li>before</li></ul><h2 id="b">B</h2><p>x</p><ul><li>one</li><li>two</li></ul>'
        '<div class="jp-RenderedHTMLCommon jp-OutputArea-output"><div class="highlight">A + B</div></div>'
        '<div class="jp-RenderedText jp-OutputArea-output" id="o"><pre>[[2 3 4]]</pre></div><div>tail</div>'
    )
    assert cheatsheet.piece(html, "list:b") == "<ul><li>one</li><li>two</li></ul>"
    both = cheatsheet.piece(html, "output:b:2")
    assert both.count("jp-OutputArea-output") == 2 and "A + B" in both and "[[2 3 4]]" in both
    assert "tail" not in both and 'id="o"' not in both
    assert "[[2 3 4]]" not in cheatsheet.piece(html, "output:b")
    with pytest.raises(ValueError, match=r"no output found after #b \(3 asked\)"):
        cheatsheet.piece(html, "output:b:3")


@pytest.mark.parametrize(
    ("kind", "message"),
    [("figure", "unknown piece"), ("math", "unknown piece"), ("math:nowhere", "no element with id"), ("box", "no box"),
     ("list", "unknown piece"), ("output:b:x", "unknown piece"), ("list:b:2", "unknown piece")],
)  # fmt: skip
def test_bad_pieces_say_what_was_expected(kind, message):
    html = PAGE if kind != "box" else "<p>no box here</p>"
    with pytest.raises(ValueError, match=message):
        cheatsheet.piece(html, kind)


def test_print_sections_namespace_ids_and_drop_download_links():
    page = SimpleNamespace(
        url="backprop/",
        content='<p class="notes-download"><a href="x.ipynb">Download</a></p><h2 id="a">A</h2><a href="#a">A</a>'
        '<input id="t1"><label for="t1">tab</label><div aria-labelledby="a t1"></div>',
    )
    html = print_page.section(page)
    assert html.startswith('<section class="print-page" id="backprop">')
    assert 'id="backprop--a"' in html and 'href="#backprop--a"' in html and "Download" not in html
    assert 'for="backprop--t1"' in html and 'aria-labelledby="backprop--a backprop--t1"' in html
