"""notes_build/html_spans.py: elements found by the HTML tokenizer, cut out of the page's own text."""

from notes_build import html_spans


def is_box(tag, attrs):
    return tag == "div" and "box" in html_spans.classes(attrs)


def test_a_div_in_a_comment_a_script_or_an_attribute_is_not_an_element():
    """Counting `<div` with a regular expression closed the box early on each of these; the tokenizer does not."""
    html = (
        '<p>before</p><div class="box"><!-- <div> --><script>const s = "</div><div>";</script>'
        '<span title="<div>">x</span><div>inner</div></div><p>after</p>'
    )
    ((start, end),) = html_spans.spans(html, is_box)
    assert html[start:end].endswith("<div>inner</div></div>") and html[end:] == "<p>after</p>"


def test_spans_keep_the_pages_own_bytes_and_drop_cuts_whole_elements():
    html = '<div class="box" data-x=1><br><img src="a.png"><p>one<p>two</div>\n<div class="box">\nlast</div>tail'
    found = html_spans.spans(html, is_box)
    assert [html[a:b] for a, b in found] == [
        '<div class="box" data-x=1><br><img src="a.png"><p>one<p>two</div>',  # unclosed <p>s end with their div
        '<div class="box">\nlast</div>',
    ]
    assert html_spans.drop(html, is_box) == "\ntail"


def test_drop_takes_an_element_inside_a_dropped_one_with_it():
    html = '<div class="box">a<div class="box">b</div>c</div><div class="box">d</div>e'
    assert html_spans.outermost(html_spans.spans(html, is_box)) == [(0, 49), (49, 73)]
    assert html_spans.drop(html, is_box) == "e"


def test_void_and_self_closed_elements_are_spans_of_their_tag():
    html = '<p>x<input class="box" type="text"><mspace class="box"/></p>'
    wanted = lambda tag, attrs: "box" in html_spans.classes(attrs)  # noqa: E731
    assert [html[a:b] for a, b in html_spans.spans(html, wanted)] == [
        '<input class="box" type="text">',
        '<mspace class="box"/>',
    ]
