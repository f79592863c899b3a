"""The wrap_tables stage: tables wrapped at build as the theme's bundle would, and the theme's table styles kept."""

import pytest
from mkdocs.exceptions import PluginError
from notes_build import wrap_tables as tables  # noqa: E402

WRAPPED = '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="notes-table">'


def test_wrap_wraps_plain_tables_and_leaves_classed_ones():
    """A <table> with no attributes is wrapped and marked; a classed table, even nested, is left as it is."""
    html = "<p>a</p><table><tr><td><table class='x'><tr><td>1</td></tr></table></td></tr></table><table></table>"
    out = tables.wrap(html)
    assert out == (
        f"<p>a</p>{WRAPPED}<tr><td><table class='x'><tr><td>1</td></tr></table></td></tr></table></div></div>"
        f"{WRAPPED}</table></div></div>"
    )
    assert tables.wrap("<p>no table</p>") == "<p>no table</p>"


def test_wrap_labels_cells_and_marks_wide_tables_for_phones():
    """Each body cell gets its column's header text as data-label (tags dropped, escaped) and its content in a div;
    a table of 3 or more columns is marked notes-reflow, one of 2 is not; show.table's table gets one box."""
    head = "<thead><tr><th>a &amp; b</th><th>W<sup>[l]</sup></th><th></th></tr></thead>"
    html = f'<table>{head}<tbody><tr><td align="right">1</td><td><code>x</code></td>'
    html += "<td>z</td></tr></tbody></table>"
    out = tables.wrap(html)
    assert out.startswith(WRAPPED.replace('notes-table">', "notes-table notes-reflow"))
    assert out.count("md-typeset__table") == 1
    assert '<td align="right" data-label="a &amp; b"><div class="notes-cell">1</div></td>' in out
    assert '<td data-label="W[l]"><div class="notes-cell"><code>x</code></div></td>' in out
    assert '<td data-label=""><div class="notes-cell">z</div></td>' in out
    two = tables.wrap("<table><thead><tr><th>k</th><th>v</th></tr></thead><tr><td>1</td><td>2</td></tr></table>")
    assert '<table class="notes-table">' in two and 'data-label="v"' in two
    merged = "<table><thead><tr><th>a</th><th>b</th><th>c</th></tr></thead><tr><td colspan=3>1</td></tr></table>"
    assert "data-label" not in tables.wrap(merged) and "notes-reflow" not in tables.wrap(merged)


def test_widen_keeps_the_theme_selectors_and_adds_the_class():
    """Each table:not([class]) selector of the theme also matches table.notes-table."""
    css = ".md-typeset table:not([class]){font-size:.64rem}.md-typeset table:not([class]) th{padding:1em}"
    out = tables.widen(css)
    assert out.count("table:is(:not([class]),.notes-table)") == 2 and "th{padding:1em}" in out
    assert tables.widen(out) == out  # widening twice changes nothing


def test_widen_fails_when_the_theme_changed():
    """A theme stylesheet without the selector stops the build with a message naming the hook."""
    with pytest.raises(PluginError, match="notes_build/wrap_tables.py"):
        tables.widen(".md-typeset table{color:red}")


def test_a_long_table_stays_a_table_and_a_short_one_reflows():
    """A table of 3 or more columns and more than 4 rows is marked notes-long (a table that scrolls, its first column
    kept in view), not notes-reflow; with 4 rows or fewer it is notes-reflow."""
    head = "<thead><tr><th>epoch</th><th>loss</th><th>accuracy</th></tr></thead>"

    def table(rows):
        return f"<table>{head}<tbody>" + "<tr><td>1</td><td>0.5</td><td>90%</td></tr>" * rows + "</tbody></table>"

    assert 'class="notes-table notes-reflow"' in tables.wrap(table(4))
    long = tables.wrap(table(5))
    assert 'class="notes-table notes-long"' in long and "notes-reflow" not in long and 'data-label="loss"' in long
