"""snippets.course.show, snippets.course.plots and snippets.course.architecture: what the pages display is real
source and real shapes."""

import base64
import html
import re

import numpy as np
import pytest

from snippets import activations, keras_net, numpy_net
from snippets.course import architecture, plots, show


def test_source_of_section_is_the_running_code():
    """A marked section's text is exactly the lines between its markers in the module file."""
    text = show.section_text("numpy_net.py", "forward")
    assert text.startswith("def forward_pass(X, params, L, g=stable_sigmoid):")
    assert text in (show.PACKAGE / "numpy_net.py").read_text()
    html = show.source(module="numpy_net.py", section="forward")
    assert 'class="highlight"' in html and "snippets/numpy_net.py" in html and "forward_pass" in html


def test_source_of_function_and_missing_section():
    """source(obj) shows the function; an unknown section raises a ValueError naming it."""
    assert "def sigmoid" in re.sub("<[^>]+>", "", show.source(activations.sigmoid))
    with pytest.raises(ValueError, match="no section 'nope'"):
        show.section_text("numpy_net.py", "nope")


def test_table_escapes_text_and_tabs_link_by_label():
    """Cells are escaped; tabs carry one radio input per label, the first checked."""
    html = show.table(["a", "b"], [["<x>", show.HTML("<b>y</b>")]])
    assert "&lt;x&gt;" in html and "<b>y</b>" in html
    tabs = show.tabs({"NumPy": "one", "TensorFlow": "two"})
    assert tabs.count('type="radio"') == 2 and tabs.count("checked") == 1
    assert ">NumPy</label>" in tabs and ">TensorFlow</label>" in tabs


def test_figure_html_has_alt_text_and_decodes():
    """to_html embeds a decodable PNG or SVG with the given alt text."""
    for fmt, magic in (("png", b"\x89PNG"), ("svg", b"<?xml")):
        html = plots.to_html(
            plots.curves([0, 1], {"y": [0, 1]}, xlabel="x", ylabel="y", title="t"), 'a "line"', fmt=fmt
        )
        data = re.search(r'base64,([^"]+)"', html).group(1)
        assert base64.b64decode(data).startswith(magic)
        assert 'alt="a &quot;line&quot;"' in html


def test_figures_are_byte_identical_across_runs():
    """The same plot gives the same bytes twice (no dates in the files): builds are reproducible."""
    X = np.linspace(0, 1, 400 * 3).reshape(400, 3)
    first = plots.to_html(plots.digit_grid(X, ["a", "b", "c"]), "x")
    second = plots.to_html(plots.digit_grid(X, ["a", "b", "c"]), "x")
    assert first == second


def test_layer_table_shapes_and_counts():
    """Per-layer shapes and parameter counts of 400-25-15-1 for m examples."""
    rows = architecture.layer_table(numpy_net.init_params(), m=32)
    assert [r["W"] for r in rows[1:]] == ["(25, 400)", "(15, 25)", "(1, 15)"]
    assert [r["Z, A"] for r in rows] == ["(400, 32)", "(25, 32)", "(15, 32)", "(1, 32)"]
    assert sum(r["parameters"] for r in rows) == 10431


def test_count_puts_the_noun_in_the_right_number():
    """1 error, 2 errors, 0 errors, 12,665 digits; an irregular plural when given."""
    assert show.count(1, "error") == "1 error"
    assert show.count(2, "error") == "2 errors"
    assert show.count(0, "error") == "0 errors"
    assert show.count(12665, "digit") == "12,665 digits"
    assert show.count(3, "matrix", "matrices") == "3 matrices"


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_figure_never_renders_its_smallest_text_below_10px(fmt):
    """to_html gives a min-width at which the smallest text is 10 px, and refuses text below 10 px at natural size."""
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(4, 2))
    ax.plot([0, 1], [0, 1])
    ax.set_title("small", fontsize=9)
    tag = plots.to_html(fig, "A line from the origin to one, one, titled small.", fmt=fmt)
    width = int(re.search(r'width="(\d+)"', tag).group(1))
    font_px = float(re.search(r'data-font-px="([\d.]+)"', tag).group(1))
    min_width = int(re.search(r"min-width: (\d+)px", tag).group(1))
    assert font_px == pytest.approx(9 * (96 if fmt == "svg" else 100) / 72, rel=0.01)
    assert min_width * font_px / width >= 10 > (min_width - 2) * font_px / width
    assert 350 <= width <= 450  # about 4 in, trimmed to the drawing

    fig, ax = plt.subplots(figsize=(4, 2))
    ax.set_title("tiny", fontsize=6)
    with pytest.raises(ValueError, match=r"figure text of 6 pt is .* expected at least 10 px"):
        plots.to_html(fig, "An empty plot titled tiny.", fmt=fmt)


def test_code_never_shows_comments_meant_for_the_tools():
    """Shown code loses `# fmt: skip`, `# fmt: off`/`on` lines and `# noqa` comments; a reader's comment stays."""
    shown = show.code("a = 1  # fmt: skip\n\n# fmt: off\nimport x  # noqa: E402\nb = 2  # W is (n_out, n_in)\n")
    text = re.sub(r"<[^>]+>", "", html.unescape(shown))
    assert "fmt" not in text and "noqa" not in text
    assert "a = 1\n\nimport x\nb = 2  # W is (n_out, n_in)" in text
    for listing in (show.source(keras_net.build_model), show.source(module="numpy_net.py", section="forward")):
        assert "fmt: skip" not in listing and "noqa" not in listing
