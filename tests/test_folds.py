"""The folds stage: marked runs of cells in one closed <details>, and the code behind each output folded."""

import pytest
from mkdocs.exceptions import PluginError
from notes_build import folds


def cell(body: str, kind: str = "jp-MarkdownCell") -> str:
    return f'<div class="jp-Cell {kind} jp-Notebook-cell"><div class="jp-Cell-inputWrapper">{body}</div></div>'


def test_a_marked_run_of_cells_becomes_one_closed_details_titled_by_its_marker():
    """The cells from the fold marker to the end marker are wrapped, in order; cells holding only a marker are left
    out, a figure's cell is kept; the cells around stay where they were; `fold print` marks it for print/."""
    html = cell("before") + cell("<!-- fold: Keras' internals -->") + cell('<img src="fig.png">')
    html += cell("text<!-- end fold -->") + cell("after")
    out = folds.fold(html)
    assert out.startswith(cell("before") + '<details class="notes-fold"><summary>Keras&#x27; internals</summary>')
    assert out.endswith("</details>" + cell("after"))
    assert '<img src="fig.png">' in out and "text<!-- end fold -->" in out
    assert "<!-- fold: Keras" not in out  # its marker-only cell is dropped
    printed = folds.fold(cell("<!-- fold print: Derived -->x") + cell("<!-- end fold -->"))
    assert printed.startswith('<details class="notes-fold notes-fold-print"><summary>Derived</summary>')


@pytest.mark.parametrize(
    "html, message",
    [
        (cell("<!-- fold: a -->") + cell("x"), "has no <!-- end fold -->"),
        (cell("<!-- end fold -->"), "without a fold to end"),
        (cell("<!-- fold: a -->") + cell("<!-- fold: b -->"), "starts .* inside the fold"),
        (cell("<!-- fold: a -->") + cell("<!-- end fold --><h2>Next</h2>"), "text follows <!-- end fold -->"),
    ],
)
def test_a_misplaced_marker_stops_the_build_saying_why(html, message):
    with pytest.raises(PluginError, match=message):
        folds.fold(html, "docs/page.py")


def test_the_code_of_a_code_cell_is_folded_unless_hidden_or_kept():
    """A code cell's input goes into a closed <details> summarised 'Code', its output stays; hide-input cells
    (no input shown) and cells tagged keep-code are left as they are."""
    code = '<div class="jp-Cell jp-CodeCell jp-Notebook-cell"><div class="jp-Cell-inputWrapper">x = 1</div>'
    code += '<div class="out">1</div></div>'
    kept = code.replace("jp-CodeCell", "jp-CodeCell celltag_keep-code")
    hidden = code.replace("jp-CodeCell", "jp-CodeCell celltag_hide-input")
    out = folds.fold_code(code + kept + hidden)
    folded = '<details class="notes-code-fold"><summary>Code</summary><div class="jp-Cell-inputWrapper">x = 1</div>'
    assert out.count("notes-code-fold") == 1 and folded + '</details><div class="out">1</div>' in out
    assert out.endswith(kept + hidden)
