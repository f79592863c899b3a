"""notes_build/styles.py: the notebook CSS keeps exactly the rules and custom properties the pages can use."""

import re

from notes_build import styles  # noqa: E402

CSS = """
:root { --used: red; --via: var(--used); --unused: blue; }
.a .b { color: var(--via); }
.a .missing, .a { margin: 0; }
.gone { color: var(--unused); }
:is(.a:hover, .b.c) .d { display: none; }
#here p { padding: 1px; }
#away p { padding: 2px; }
@media print { .a { color: black; } .gone { color: white; } }
@media screen { .gone { color: green; } }
@keyframes spin { to { transform: rotate(1turn); } }
p { line-height: 1.5; }
"""


def prune(classes, ids=frozenset()):
    return re.sub(r":\s+", ":", styles.prune(CSS, classes=set(classes), ids=set(ids)))


def test_prune_keeps_rules_whose_classes_and_ids_occur():
    out = prune({"a", "b"}, {"here"})
    assert ".a .b{color:var(--via)}" in out
    assert ".a{margin:0}" in out and ".missing" not in out
    assert ".gone" not in out and "#away" not in out and "#here p{padding:1px}" in out
    assert "@media print {.a{color:black}}" in out
    assert "@media screen" not in out  # nothing left inside it
    assert "@keyframes spin" in out and "p{line-height:1.5}" in out


def test_prune_splits_selectors_only_at_top_level_commas():
    assert ".d" not in prune({"a", "b"})  # :is(.a:hover, .b.c) .d needs .c and .d
    assert ":is(.a:hover, .b.c) .d{display:none}" in prune({"a", "b", "c", "d"})


def test_prune_keeps_only_custom_properties_that_are_read():
    out = prune({"a", "b"})
    assert "--used:red" in out and "--via:var(--used)" in out and "--unused" not in out


def test_restyle_drops_selection_rules_and_hoists_wrapper_variables():
    """::selection rules go (alone or in a list); custom-property blocks on .jupyter-wrapper move to the root and
    to the dark scheme's body, inside @media too; other rules are kept as they were."""
    css = """.jupyter-wrapper ::selection { background: blue; }
    .jupyter-wrapper ::-moz-selection, .jupyter-wrapper .kept { color: red; }
    .jupyter-wrapper { --jp-a: 1px; --jp-b: var(--jp-a); }
    [data-md-color-scheme=slate] .jupyter-wrapper { --jp-a: 2px; }
    .jupyter-wrapper { --jp-c: 3px; padding: var(--jp-c); }
    @media screen { .jupyter-wrapper :root { --md-x: red; } }
    @font-face { font-family: x; }"""
    out = re.sub(r"\s+", " ", styles.restyle(css))
    assert "selection" not in out and ".jupyter-wrapper .kept{ color: red; }" in out
    assert ":root{ --jp-a: 1px; --jp-b: var(--jp-a); }" in out
    assert "[data-md-color-scheme=slate]{ --jp-a: 2px; }" in out
    assert ".jupyter-wrapper{ --jp-c: 3px; padding: var(--jp-c); }" in out  # not variables only: stays
    assert "@media screen {:root{ --md-x: red; }}" in out and "@font-face" in out


def test_notebook_cell_anchors_do_not_count_as_used_ids():
    """nbconvert's random `cell-id=…` anchors change with every text edit and no selector can name them: they
    stay out of the names that key the cut, so a text edit reuses it."""
    html = '<div id="cell-id=0ce0ade7" class="jp-Cell jp-Notebook"></div><h2 id="summary">'
    assert styles.names(html) == [["jp-Cell", "jp-Notebook"], ["summary"]]
