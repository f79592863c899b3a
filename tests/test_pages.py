"""The page standard, checked on the page sources: what a lesson opens with, shows and closes with."""

import ast
import importlib
import importlib.util
import inspect
import re
from pathlib import Path

import jupytext
import pytest
import site_nav
import yaml

from snippets.course import show

ROOT = Path(__file__).parents[1]
DOCS = ROOT / "docs"
LESSONS = site_nav.lesson_stems()  # the nav's Lessons section: a lesson added there is checked here
PRESENTING = re.compile(r"\b(show\.(table|source|tabs|pre|code)|plots\.show)\(")
LONGEST_LISTING = 22  # "about 20 lines at most"


def cells(stem):
    return jupytext.read(DOCS / f"{stem}.py").cells


@pytest.mark.parametrize("stem", LESSONS)
def test_lesson_opens_with_in_one_minute_and_closes_with_summary_and_self_check(stem):
    """The first cell holds the "In one minute" box with 3 to 6 items; the page ends with Summary, then Self-check."""
    first = cells(stem)[0]
    assert first.cell_type == "markdown" and 'class="admonition abstract in-one-minute"' in first.source, stem
    box = first.source.split("in-one-minute", 1)[1].split("</div>", 1)[0]
    items = re.findall(r"^- ", box, re.M)
    assert 3 <= len(items) <= 6, f"{stem}: {len(items)} items in the In one minute box"
    text = "\n".join(c.source for c in cells(stem) if c.cell_type == "markdown")
    assert text.index("## Summary") < text.index("## Self-check"), stem
    assert text.count('<details class="question">') >= 3, f"{stem}: fewer than 3 self-check questions"


@pytest.mark.parametrize("stem", LESSONS + ["index"])
def test_presentation_cells_show_only_their_output(stem):
    """A code cell that formats a table, shows a listing or a figure is tagged hide-input."""
    for cell in cells(stem):
        if cell.cell_type == "code" and PRESENTING.search(cell.source):
            assert "hide-input" in cell.metadata.get("tags", []), f"{stem}: untagged presentation cell:\n{cell.source}"


def _snippets_module(name):
    """The snippets module a page imports as `name`, from whichever room holds it (snippets, course, practice)."""
    for room in ("snippets", "snippets.course", "snippets.practice"):
        if importlib.util.find_spec(f"{room}.{name}") is not None:
            return importlib.import_module(f"{room}.{name}")
    raise LookupError(f"no snippets module {name!r}")


def listings(stem):
    """(description, source text) of every listing a page shows with show.source."""
    found = []
    for cell in cells(stem):
        for call in ast.walk(ast.parse(cell.source)) if cell.cell_type == "code" else []:
            if not (isinstance(call, ast.Call) and ast.unparse(call.func) == "show.source"):
                continue
            kwargs = {k.arg: ast.literal_eval(k.value) for k in call.keywords}
            if "section" in kwargs:
                module, section = kwargs["module"], kwargs["section"]
                found.append((f"{module}:{section}", show.section_text(module, section)))
            else:
                module, _, name = ast.unparse(call.args[0]).partition(".")
                obj = getattr(_snippets_module(module), name)
                found.append((ast.unparse(call.args[0]), inspect.getsource(obj)))
    return found


@pytest.mark.parametrize("stem", LESSONS)
def test_listings_are_short(stem):
    """Every listing a lesson shows is about 20 lines at most: the algorithm, not its plumbing."""
    for name, text in listings(stem):
        lines = [line for line in text.strip().splitlines() if line.strip()]
        assert len(lines) <= LONGEST_LISTING, f"{stem} shows {name}: {len(lines)} lines"


def test_notes_snippets_are_shown_on_their_pages():
    """The notes' forward pass, loop, broadcasting and Keras code appear as listings on their pages."""
    shown = {stem: {name for name, _ in listings(stem)} for stem in ("forward", "vectorization", "tf-keras")}
    assert "course/notes.py:forward" in shown["forward"]
    assert {"course/notes.py:loop", "course/notes.py:broadcasting"} <= shown["vectorization"]
    assert "course/notes.py:keras" in shown["tf-keras"]


def test_comparison_table_has_the_notes_five_rows():
    """The NumPy vs TensorFlow table has the notes' rows: definition, forward, training, activation & loss, use case."""
    source = (DOCS / "numpy-vs-tensorflow.py").read_text()
    for row in ("Model definition", "Forward propagation", "Training", "Activation & loss", "Use case"):
        assert re.search(rf"^# \| \*\*{re.escape(row)}\*\* \|", source, re.M), row


def test_key_takeaways_has_six_linked_takeaways():
    """Key takeaways lists the notes' six takeaways, each linking to a lesson page."""
    text = cells("takeaways")[0].source.split("## Baselines")[0]
    items = re.findall(r"^\d\. \*\*(.+?)\*\*(.*?)(?=^\d\. |\Z)", text, re.M | re.S)
    assert len(items) == 6
    for title, body in items:
        assert re.search(r"\]\((\w[\w-]*)\.(py|md)", body), f"no link in takeaway {title!r}"


def test_navigation_puts_lessons_first_and_contributors_last():
    """Nav: Home, the lessons in order (Try it last), then the revision path first, the review cards, the checklist,
    the cheat sheet, the coding exercises, Key takeaways, Formula summary and print/; the mock exam; contributors'
    pages last."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text().replace("!ENV ", ""), Loader=yaml.BaseLoader)
    nav = config["nav"]
    titles = [next(iter(entry)) for entry in nav]
    assert titles == ["Home", "Lessons", "Revise", "Mock exam", "Benchmark", "Downloads", "For contributors"]
    lessons = [Path(next(iter(e.values()))).stem for e in nav[1]["Lessons"]]
    assert lessons[0] == "data" and lessons[-1] == "try-it"  # Try it (draw a digit) uses everything before it
    assert [next(iter(e)) for e in nav[2]["Revise"]] == [
        "Revise in 20 minutes",
        "Review cards",
        "Revision checklist",
        "Cheat sheet (one page)",
        "Coding exercises",
        "Key takeaways",
        "Formula summary",
        "Print the whole notes",
    ]
    assert [next(iter(e)) for e in nav[6]["For contributors"]] == [
        "API reference",
        "API of the tools",
        "Tests",
        "Tests of the site",
    ]


def test_checklist_is_a_task_list_linking_each_item():
    """Every checklist line is a task-list item with a link to its section."""
    items = re.findall(r"^- \[ \] (.*)$", (DOCS / "checklist.md").read_text(), re.M)
    assert len(items) >= 12
    assert all("](" in item for item in items)


def test_y_hat_is_the_probability_everywhere():
    """One meaning of ŷ on every page: the probability a[L]; the label is 1[ŷ >= 0.5], never "ŷ = 1 if ..."."""
    sources = {path.name: path.read_text() for path in sorted(DOCS.glob("*.py")) + sorted(DOCS.glob("*.md"))}
    wrong = re.compile(r"\\hat y\$? = 1\$? if|ŷ = 1 if|ŷ = 0 or 1 is the prediction")
    assert not [name for name, text in sources.items() if wrong.search(text)]
    assert "predicted label $\\mathbb{1}[\\hat y \\ge 0.5]$" in sources["formulas.md"]
