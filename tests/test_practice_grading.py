"""practice.js grades as a teacher would, on every variant of every lesson's questions, in a real browser.

Each case types an answer into a built page's form and grades it with the page's own practice.js
(window.notesPractice.grade, what Check calls): both roundings of each number at the precision asked are right,
its edge included; a count's unrounded quotient is told to round; each foreseen mistake earns its own hint; a
rounding slip is told "close"; a shape is read in every written form, and its transpose earns a hint.
"""

import json
from decimal import ROUND_HALF_DOWN, ROUND_HALF_UP, Decimal

import pytest
from chromium import MARKS
from site_nav import lesson_stems
from test_browser import Visit

from snippets.practice import kinds, legacy_ids, questions

pytestmark = MARKS

LESSONS = lesson_stems()

# grade(form, variant) for `text` typed into the form's field, with `variant` shown: {result, said}.
GRADE = """([id, v, text]) => {
  const form = document.querySelector(`form.practice[data-id="${id}"]`);
  const variant = form.querySelectorAll(".practice-variant")[v];
  form.querySelector(".practice-input").value = text;
  const verdict = window.notesPractice.grade(form, variant);
  const said = window.notesPractice.feedback(verdict, variant);
  const hint = verdict.hint && !verdict.hint.classList.contains("practice-default") ? verdict.hint.dataset.value : null;
  return {result: verdict.form ? "form" : said.result, said: said.html.replace(/<[^>]+>/g, ""), hint};
}"""


def roundings(answer: float, tol: float) -> set[str]:
    """The answer rounded half up and half down at the unit the tolerance is half of (0.001 for ±0.0005)."""
    unit = Decimal(repr(2 * tol)).normalize()
    return {str(Decimal(repr(answer)).quantize(unit, rounding=r)) for r in (ROUND_HALF_UP, ROUND_HALF_DOWN)}


def cases(page: str) -> list[tuple]:
    """(id, variant, text typed, expected result, what the feedback must be) for one page: a phrase it holds, or
    ("hint", value) for the hint of the mistake `value` (which may share its value with another mistake)."""
    out = []
    for q in questions.for_page(page):
        for v, variant in enumerate(q.variants):
            if variant.kind == "number":
                answer, tol = variant.answer, variant.tol
                for text in roundings(answer, tol):
                    out.append((q.id, v, text, "correct", "Right."))
                if variant.whole:
                    said = "A count is a whole number" if variant.counts else "The answer is a whole number"
                    out.append((q.id, v, f"{answer - 0.22:.2f}", "wrong", said))
                for value, _hint in variant.mistakes:
                    if abs(value - answer) > tol:
                        out.append((q.id, v, repr(float(value)), "wrong", ("hint", value)))
                if variant.digits and abs(answer) >= 1e-3:
                    slip = f"{answer:.2g}"
                    if abs(float(slip) - answer) > tol and all(abs(float(slip) - x) > tol for x, _ in variant.mistakes):
                        out.append((q.id, v, slip, "wrong", "Close: give 3 significant figures"))
                out.append((q.id, v, "1e400", "form", "not a finite number"))
            elif variant.kind == "shape":
                shape = tuple(variant.answer)
                out.append((q.id, v, " ".join(map(str, shape)), "correct", "Right."))
                out.append((q.id, v, "(" + ", ".join(f"{n:,}" for n in shape) + ")", "correct", "Right."))
                if len(shape) == 1:
                    out.append((q.id, v, f"({shape[0]},)", "correct", "Right."))
                if len(shape) == 2 and shape[0] != shape[1]:
                    out.append((q.id, v, f"({shape[1]}, {shape[0]})", "wrong", ("hint", list(shape[::-1]))))
                for wrong, _ in variant.mistakes:  # each foreseen wrong shape, as a learner writes it
                    out.append((q.id, v, kinds.shape_text(wrong), "wrong", ("hint", list(wrong))))
    return out


@pytest.fixture(scope="module")
def page_of(browser, served_site):
    visits = {}

    def open_page(page):
        if page not in visits:
            visits[page] = Visit(browser, served_site, viewport={"width": 390, "height": 844})
            visits[page].open(f"{page}/")
        return visits[page]

    yield open_page
    for visit in visits.values():
        assert not visit.errors, visit.errors
        visit.close()


@pytest.mark.parametrize("page", LESSONS)
def test_every_variant_grades_as_a_teacher_would(page_of, page):
    """Every variant of the page's number and shape questions: roundings right, slips named, forms read."""
    visit = page_of(page)
    failures = []
    for qid, v, text, expected, phrase in cases(page):
        got = visit.page.evaluate(GRADE, [qid, v, text])
        plain = " ".join(got["said"].split())
        if isinstance(phrase, tuple):
            value = phrase[1]
            hinted = (
                got["hint"] is not None and json.loads(got["hint"]) == value
                if isinstance(value, list)
                else (got["hint"] is not None and abs(float(got["hint"]) - value) <= 1e-9 + abs(value) * 1e-12)
            )
            wrong = got["result"] != expected or not hinted
        else:
            wrong = got["result"] != expected or phrase not in plain
        if wrong:
            failures.append(f"{qid} v{v}: {text!r} -> {got['result']}: {plain[:110]} (wanted {expected}: {phrase!r})")
    assert not failures, "\n".join(failures)


@pytest.mark.parametrize(
    ("qid", "text", "expected", "phrase"),
    [
        ("gradient-descent-steps-per-epoch", "395.78", "wrong", "A count is a whole number"),
        ("architecture-parameter-count", "10,431", "correct", "Right."),
        ("architecture-parameter-count", "10 431", "correct", "Right."),
        ("activation-sigma-prime-of", "0,25", "form", "Did you mean 0.25?"),
        ("loss-one-loss", "2,127", "form", "Did you mean 2.127, or 2127?"),
        ("gradient-descent-steps-per-epoch", "3,958", "wrong", "Not yet."),  # a count: the comma is thousands
        ("activation-sigma-of", "Infinity", "form", "not a finite number"),
        ("activation-sigma-of", "NaN", "form", "not a finite number"),
        ("activation-sigma-of", "-1e400", "form", "not a finite number"),
        ("data-x-shape", "400 12665", "correct", "Right."),
        ("data-x-shape", "(400, 12,665)", "correct", "Right."),
        ("data-x-shape", "(12,665, 400)", "wrong", "Keras"),
    ],
)
def test_the_issue_s_inputs(page_of, qid, text, expected, phrase):
    page = next(p for p, ids in questions.pages().items() if qid in ids)
    got = page_of(page).page.evaluate(GRADE, [qid, 0, text])
    assert got["result"] == expected and phrase in got["said"], got


def test_a_false_box_alone_is_called_false(page_of):
    """Ticking only a false option of a multi-select question says a choice is not true, not that some are
    missing."""
    visit = page_of("data")
    said = visit.page.evaluate("""() => {
      const form = document.querySelector('form.practice[data-id="data-flattening"]');
      const variant = form.querySelector(".practice-variant");
      const boxes = [...variant.querySelectorAll("input")];
      boxes.forEach((box) => { box.checked = false; });
      boxes.find((box) => box.dataset.correct !== "1").checked = true;
      return window.notesPractice.grade(form, variant).text;
    }""")
    assert said.startswith("One of your choices is not true"), said


def test_progress_saved_under_the_old_ids_moves_once_to_its_question(page_of):
    """Progress saved under "page-k" (the ids before they were named) lands on the question that id named then,
    once; the old key is gone, and a key no question had is left alone."""
    visit = page_of("backprop")
    old = {old: True for old, new in legacy_ids.LEGACY_IDS.items() if new.startswith("backprop-")}
    saved = visit.page.evaluate(
        """(old) => {
          localStorage.setItem("notes-practice", JSON.stringify({...old, "backprop-9": true}));
          return window.notesPractice.saved();
        }""",
        old,
    )
    moved = {legacy_ids.LEGACY_IDS[k] for k in old}
    assert moved <= {k for k, right in saved.items() if right is True}
    assert not set(old) & set(saved) and saved.get("backprop-9") is True
    assert json.loads(visit.page.evaluate("localStorage.getItem('notes-practice')")) == saved
