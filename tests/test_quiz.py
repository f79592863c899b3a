"""The practice questions: every answer against an independent computation, their HTML contract, and the bank's size."""

import json
import math
import re

import pytest

from snippets.practice import kinds, questions, quiz

LESSONS = list(questions.pages())


def sig(z):
    return 1 / (1 + math.exp(-z))


def bce(p, y):
    return -(y * math.log(p) + (1 - y) * math.log(1 - p))


def params_of(sizes):
    return sum(a * b + b for a, b in zip(sizes[:-1], sizes[1:], strict=False))


def early(losses, patience):
    best = 0
    for e in range(1, len(losses)):
        if losses[e] < losses[best]:
            best = e
        elif e - best >= patience:
            return best + 1, e + 1
    return best + 1, len(losses)


# Each number and shape question's answer, recomputed from the numbers its prompt gives (g), with plain math.
INDEPENDENT = {
    "data-x-shape": lambda g: (400, g["m"]),
    "data-pixels": lambda g: g["side"] ** 2,
    "data-y-shape": lambda g: (1, g["m"]),
    "architecture-parameter-count": lambda g: params_of(g["sizes"]),
    "architecture-w-shape": lambda g: (15, 25),
    "architecture-b-shape": lambda g: (25, 1),
    "architecture-z-shape": lambda g: (15, g["m"]),
    "activation-sigma-of": lambda g: sig(g["z"]),
    "activation-sigma-prime-of": lambda g: sig(g["z"]) * (1 - sig(g["z"])),
    "activation-sigma-prime-from-a": lambda g: g["a"] * (1 - g["a"]),
    "loss-one-loss": lambda g: bce(g["y_hat"], g["y"]),
    "loss-batch-cost": lambda g: sum(bce(p, y) for p, y in zip(g["Y_hat"][0], g["Y"][0], strict=True)) / 2,
    "loss-logit-loss": lambda g: math.log1p(math.exp(-abs(g["z"]))) + max(g["z"], 0) - g["z"] * g["y"],
    "forward-a1-shape": lambda g: (25, g["m"]),
    "forward-broadcast-bias": lambda g: (25, g["m"]),
    "forward-one-unit": lambda g: sig(sum(w * x for w, x in zip(g["w"], g["x"], strict=True)) + g["b"]),
    "forward-y-hat-shape": lambda g: (1, g["m"]),
    "backprop-output-error": lambda g: sig(g["z"]) - g["y"],
    "backprop-dw-shape": lambda g: (15, 25),
    "backprop-tiny-dw": lambda g: sum((0.5 - y) * x for x, y in zip(g["x"], g["y"], strict=True)) / 2,
    "gradient-descent-gd-step": lambda g: g["w"] - g["alpha"] * g["dw"],
    "gradient-descent-steps-per-epoch": lambda g: math.ceil(g["m"] / g["B"]),
    # ε aside, Adam's first step is α times the gradient's sign
    "gradient-descent-adam-first-step": lambda g: g["theta"] - g["alpha"] * math.copysign(1, g["d"]),
    "tf-keras-kernel-shape": lambda g: (g["inputs"], g["units"]),
    "tf-keras-keras-bias": lambda g: (g["units"],),
    "tf-keras-fit-input": lambda g: (g["m"], 400),
    "tf-keras-dense-parameters": lambda g: g["n_in"] * g["units"] + g["units"],
    "numpy-vs-tensorflow-predict-shape": lambda g: (g["m"], 1),
    "numpy-vs-tensorflow-keras-steps": lambda g: g["epochs"] * math.ceil(g["m"] / g["B"]),
    "vectorization-broadcast-shape": lambda g: (3, 3),
    "vectorization-broadcast-entry": lambda g: g["row"][0][g["j"]] + g["col"][g["i"]][0],
    "vectorization-rank-one": lambda g: (25, 25),
    "vectorization-loop-count": lambda g: g["n_out"] * g["m"],
    "initialization-glorot": lambda g: math.sqrt(6 / (g["n_in"] + g["n_out"])),
    "initialization-zero-output": lambda g: sig(g["c"]),
    "initialization-saturated-start": lambda g: sig(g["z"]) * (1 - sig(g["z"])),
    "hidden-activations-tanh-prime-of": lambda g: 1 - math.tanh(g["z"]) ** 2,
    "hidden-activations-relu-prime-of": lambda g: float(g["z"] > 0),
    "hidden-activations-shrink": lambda g: 0.25 ** g["k"],
    "generalization-stop-epoch": lambda g: early(g["losses"], g["patience"])[1],
    "generalization-best-epoch": lambda g: min(range(len(g["losses"])), key=lambda e: g["losses"][e]) + 1,
    "generalization-fit-size": lambda g: g["m"] - g["n_val"],
    "try-it-resample": lambda g: (g["n_out"], g["n_in"]),
    "try-it-multiply-adds": lambda g: sum(a * b for a, b in zip(g["sizes"][:-1], g["sizes"][1:], strict=False)),
    "try-it-drawing-shape": lambda g: (400, 1),
    "try-it-probability": lambda g: sig(g["z"]),
}


@pytest.fixture(scope="module")
def bank():
    return {page: questions.for_page(page) for page in LESSONS}


def test_every_lesson_has_three_questions_and_the_bank_is_large(bank):
    """Every lesson page has at least 3 practice questions (CONTRIBUTING.md), at least 45 in all, and pages() lists
    exactly them."""
    few = {page: len(qs) for page, qs in bank.items() if len(qs) < 3}
    assert not few, f"lessons with fewer than 3 practice questions: {few}"
    assert sum(len(qs) for qs in bank.values()) >= 45
    assert questions.pages() == {p: [q.id for q in qs] for p, qs in bank.items()}


def test_every_lesson_of_the_nav_has_questions():
    """The lessons with questions are exactly the nav's Lessons: a new lesson without questions fails here."""
    site_nav = pytest.importorskip("site_nav", reason="the site's nav needs PyYAML, which the package does not")
    assert sorted(questions.pages()) == sorted(site_nav.lesson_stems())


def test_every_answer_matches_an_independent_computation(bank):
    """Each variant of every number and shape question equals the answer recomputed from its prompt's numbers."""
    for q in (q for qs in bank.values() for q in qs if q.kind != "choice"):
        assert q.id in INDEPENDENT, f"{q.id}: add an independent computation of its answer"
        for v in q.variants:
            expected = INDEPENDENT[q.id](v.given)
            if q.kind == "shape":
                assert tuple(v.answer) == tuple(expected), q.id
            else:
                assert abs(v.answer - expected) <= max(v.tol / 10, 1e-9), (q.id, v.given, v.answer, expected)


def test_the_required_questions_are_asked(bank):
    """Total parameters, W/b/dW/Z shapes, σ(0), one loss, dZ[L], a step, a broadcast's shape are all asked."""
    first = {q.id: q.variants[0] for qs in bank.values() for q in qs}
    assert first["architecture-parameter-count"].answer == 10431
    assert first["activation-sigma-of"].given == {"z": 0.0} and first["activation-sigma-of"].answer == 0.5
    shapes = ("architecture-w-shape", "architecture-b-shape", "backprop-dw-shape", "architecture-z-shape")
    assert {first[k].answer for k in shapes} == {(15, 25), (25, 1), (15, 32)}
    numbers = ("loss-one-loss", "backprop-output-error", "gradient-descent-gd-step")
    assert {first[k].kind for k in numbers} == {"number"}
    assert first["vectorization-broadcast-shape"].answer == (3, 3)


def test_number_questions_offer_fresh_distinct_variants_and_mistakes_differ_from_answers(bank):
    """Number questions have several variants with different answers; no mistake's value is accepted as right."""
    for q in (q for qs in bank.values() for q in qs):
        v0 = q.variants[0]
        if q.kind == "number":
            assert len(q.variants) == kinds.VARIANTS and len({v.prompt for v in q.variants}) == kinds.VARIANTS, q.id
            for v in q.variants:
                assert v.tol > 0 and math.isfinite(v.answer), q.id
        if q.kind == "choice":
            assert any(o.correct for o in v0.options) and not all(o.correct for o in v0.options), q.id
        if q.kind == "shape":
            assert all(tuple(s) != tuple(v0.answer) for s, _ in v0.mistakes), q.id


def test_html_contract_kinds_inputs_buttons_feedback(bank):
    """Each question is a form.practice with data-kind, inputs, a submit button, Show answer, .practice-answer and
    feedback."""
    html = quiz.questions("architecture")
    forms = re.findall(r'<form class="practice" data-kind="(\w+)" data-id="([\w-]+)"', html)
    assert [k for k, _ in forms] == [q.kind for q in bank["architecture"]]
    assert html.count('type="submit"') == html.count('class="practice-show"') == len(forms)
    assert html.count('class="practice-feedback" aria-live="polite" data-result=""') == len(forms)
    assert html.count('class="practice-answer"') == sum(len(q.variants) for q in bank["architecture"])
    labelled = re.findall(r'<label class="practice-label" for="(practice-[\w-]+)">', html)
    assert labelled == re.findall(r'<input class="practice-input" id="(practice-[\w-]+)"', html)
    shape = re.search(r'data-kind="shape".*?data-answer="([^"]+)"', html).group(1)
    assert json.loads(shape.replace("&quot;", '"')) == [15, 25]


def test_answer_key_lists_every_question(bank):
    """The printed answer key has one item per question, with its first variant's answer."""
    key = quiz.key("loss")
    assert key.count("<li>") == len(bank["loss"])
    assert kinds.answer_text(bank["loss"][0].variants[0]) in key


def test_ids_follow_the_questions_not_their_places(monkeypatch):
    """A question's id is its page and name: inserting, removing or reordering questions leaves every other id
    alone; a taken id, or one of the old "page-k" ids, is refused with what to do."""

    def fresh_registry():  # the registry both modules read, emptied for this test
        monkeypatch.setattr(kinds, "BUILDERS", {})
        monkeypatch.setattr(questions, "BUILDERS", kinds.BUILDERS)

    fresh_registry()

    def build(v):
        return kinds.Number("?", 1.0, 0.5, "why")

    def named(name):
        def f(v):
            return build(v)

        f.__name__ = f.__qualname__ = name
        return f

    for name in ("first_one", "second_one"):
        kinds.question("page", name)(named(name))
    before = questions.pages()["page"]
    fresh_registry()
    for name in ("inserted", "second_one", "first_one"):  # one inserted, the two swapped
        kinds.question("page", name)(named(name))
    after = questions.pages()["page"]
    assert before == ["page-first-one", "page-second-one"] and set(before) < set(after)
    with pytest.raises(ValueError, match="is taken: give `question"):
        kinds.question("page", "again", name="inserted")(named("other"))
    with pytest.raises(ValueError, match="is taken"):
        kinds.question("data", "old", name="1")(named("old"))  # "data-1" named another question before


def test_unknown_page_is_a_clear_error():
    """A page without questions names the pages that have some."""
    with pytest.raises(ValueError, match="no practice questions for page 'nope'.*loss"):
        questions.for_page("nope")


@pytest.mark.parametrize(("value", "text"), [(10431, "10,431"), (0.10536, "0.1054"), (2.1e-5, "2.1e-05"), (0.5, "0.5")])
def test_number_text(value, text):
    """Answers print as 10,431 for whole numbers and 4 significant digits otherwise."""
    assert kinds.number_text(value) == text


def test_a_page_showing_questions_depends_on_every_question_module():
    """A page calling quiz.questions is re-executed when any question module changes (the build's cache keys)."""
    from snippets.course import cache

    names = cache.dependencies(source="from snippets.practice import quiz\nquiz.questions('loss')")
    lessons = {f"practice/questions/{p.stem}" for p in (cache.PACKAGE / "practice" / "questions").glob("[!_]*.py")}
    assert {"practice/quiz", "practice/kinds"} | lessons <= set(names) and len(lessons) == len(questions.pages())
