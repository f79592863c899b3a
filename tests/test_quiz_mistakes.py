"""The practice questions' likely mistakes: every number question hints its likeliest slips in every variant, each
slip on its own value, and the slips learners make get the hint that names them, not the generic one."""

import math
import re

import pytest

from snippets.practice import kinds, questions


@pytest.fixture(scope="module")
def bank():
    return {q.id: q for page in questions.pages() for q in questions.for_page(page)}


def of_kind(bank, kind):
    return [q for q in bank.values() if q.kind == kind]


def hint_for(variant, value):
    """The hint practice.js shows for a wrong `value`: the first mistake within tol of it, else the generic hint."""
    return next((hint for x, hint in variant.mistakes if abs(value - x) <= variant.tol), variant.hint)


def test_every_number_variant_hints_three_mistakes_each_on_its_own_value(bank):
    """Each variant of a number question lists 3 or more mistakes: finite, with a hint, more than tol from the
    answer and from one another, so each value earns its own hint."""
    for q in of_kind(bank, "number"):
        for k, v in enumerate(q.variants):
            where = (q.id, k, v.given)
            assert len(v.mistakes) >= 3, where
            values = [x for x, _ in v.mistakes]
            for x, hint in v.mistakes:
                assert math.isfinite(x) and hint.strip() and hint != v.hint, where
                assert abs(x - v.answer) > v.tol, (where, x)
            assert all(abs(a - b) > v.tol for i, a in enumerate(values) for b in values[i + 1 :]), (where, values)


def test_no_hint_gives_the_answer_away(bank):
    """No hint prints its variant's answer: a number to 3 or 4 significant figures, or a shape."""
    for q in of_kind(bank, "number"):
        for v in q.variants:
            texts = {kinds.number_text(v.answer), f"{v.answer:.3g}", f"{v.answer:.4g}"}
            texts = {t for t in texts if len(t.strip("-0.")) >= 2}  # "1" or "0.5" stand in formulas too
            for _, hint in v.mistakes:
                assert not any(re.search(rf"(?<![\d.]){re.escape(t)}(?!\d)", hint) for t in texts), (q.id, hint)
    for q in of_kind(bank, "shape"):
        v = q.variants[0]
        assert all(kinds.shape_text(v.answer) not in hint for _, hint in v.mistakes), q.id


def test_shape_questions_hint_the_transpose_and_distinct_wrong_shapes(bank):
    """A non-square 2-D shape's transpose has its own hint; no wrong shape is the answer or listed twice."""
    for q in of_kind(bank, "shape"):
        v = q.variants[0]
        shapes = [tuple(s) for s, _ in v.mistakes]
        assert tuple(v.answer) not in shapes and len(set(shapes)) == len(shapes), q.id
        assert len(shapes) >= 2 and all(hint.strip() for _, hint in v.mistakes), q.id
        if len(v.answer) == 2 and v.answer[0] != v.answer[1]:
            assert tuple(v.answer[::-1]) in shapes, q.id


def test_pixels_hint_the_other_image_size(bank):
    """784 for a 20×20 image names MNIST's 28×28; 400 for a 28×28 one names the notes' 20×20."""
    variants = bank["data-pixels"].variants
    assert variants[0].given == {"side": 20}
    for v in variants:
        other = 20 if v.given["side"] == 28 else 28
        hint = hint_for(v, other * other)
        assert f"{other}×{other}" in hint and ("MNIST" in hint) == (other == 28), (v.given, hint)
        assert "added the sides" in hint_for(v, 2 * v.given["side"]), v.given


def test_parameter_count_hints_a_forgotten_layer(bank):
    """10,415 for 400-25-15-1 is the output layer forgotten; in every variant, so is each layer's own slip."""
    variants = bank["architecture-parameter-count"].variants
    assert variants[0].given["sizes"] == (400, 25, 15, 1) and "output layer" in hint_for(variants[0], 10415)
    for v in variants:
        sizes, total = v.given["sizes"], v.answer
        assert "first layer" in hint_for(v, total - sizes[0] * sizes[1] - sizes[1]), sizes
        weights = total - sum(sizes[1:])
        assert "biases" in hint_for(v, weights), sizes
        without_output = total - sizes[-2] * sizes[-1] - sizes[-1]
        if abs(without_output - weights) > v.tol:  # (400, 64, 1): the same number as the weights alone
            assert "output layer" in hint_for(v, without_output), sizes


def test_dw_slips_hint_db_the_sum_and_the_sign(bank):
    """0 for dw in the first variant is db; in every variant db, the sum and the sign slip each get their hint."""
    variants = bank["backprop-tiny-dw"].variants
    assert "$db" in hint_for(variants[0], 0.0)
    for v in variants:
        db = sum(0.5 - y for y in v.given["y"]) / 2  # ŷ = 0.5 for every x
        assert "$db" in hint_for(v, db), v.given
        assert "sum" in hint_for(v, 2 * v.answer) and "sign" in hint_for(v, -v.answer), v.given


def test_step_counts_hint_rounding_and_epochs(bank):
    """Steps: m // B rounds down; for a Keras run, 3,958 (rounding the whole run once), 3,950 and one epoch's count
    each get their own hint, computed from each variant's m, B and epochs."""
    for v in bank["gradient-descent-steps-per-epoch"].variants:
        m, B = v.given["m"], v.given["B"]
        assert "rounded down" in hint_for(v, m // B) and "full-batch" in hint_for(v, 1), v.given
    variants = bank["numpy-vs-tensorflow-keras-steps"].variants
    assert variants[0].given == {"m": 12665, "B": 32, "epochs": 10} and "once" in hint_for(variants[0], 3958)
    for v in variants:
        m, B, epochs = v.given["m"], v.given["B"], v.given["epochs"]
        assert "rounded down" in hint_for(v, epochs * (m // B)), v.given
        assert "one epoch" in hint_for(v, v.answer // epochs), v.given
        assert "once" in hint_for(v, round(epochs * m / B)), v.given


def test_logit_loss_hints_fit_their_values(bank):
    """z = −50, y = 1: −50 is the sign slip and 16.12, the clipping ceiling, is named as such; in every variant the
    sign hint goes with a negative value only."""
    v = bank["loss-logit-loss"].variants[3]
    assert v.given == {"z": -50.0, "y": 1}
    assert "sign" in hint_for(v, -50.0)
    assert "clipped" in hint_for(v, 16.12) and "sign" not in hint_for(v, 16.12)
    for v in bank["loss-logit-loss"].variants:
        assert "sign" in hint_for(v, -v.answer), v.given
        assert all(x < 0 for x, hint in v.mistakes if "sign" in hint), v.given
        assert "base-10" in hint_for(v, v.answer / math.log(10)), v.given


@pytest.mark.parametrize(("qid", "slip", "words"), [
    ("activation-sigma-prime-of", lambda g, a: g["z"] * (1 - g["z"]), "not $z$"),
    ("activation-sigma-prime-from-a", lambda g, a: 1 - g["a"], "alone"),
    ("loss-one-loss", lambda g, a: -a, "sign"),
    ("loss-batch-cost", lambda g, a: 2 * a, "sum"),
    ("gradient-descent-gd-step", lambda g, a: g["w"] + g["alpha"] * g["dw"], "sign"),
    ("tf-keras-dense-parameters", lambda g, a: g["n_in"] * g["units"], "bias"),
    ("vectorization-loop-count", lambda g, a: g["n_out"] + g["m"], "multiply"),
    ("initialization-glorot", lambda g, a: 6 / (g["n_in"] + g["n_out"]), "square root"),
    ("hidden-activations-shrink", lambda g, a: 0.25 * g["k"], "multiply"),
    ("generalization-fit-size", lambda g, a: g["n_val"], "validation part"),
    ("try-it-multiply-adds", lambda g, a: a + sum(g["sizes"][1:]), "biases"),
])  # fmt: skip
def test_a_slip_from_each_variants_own_numbers_gets_its_hint(bank, qid, slip, words):
    """A slip worked from each variant's own given numbers earns the hint that names it in every variant."""
    for v in bank[qid].variants:
        value = slip(v.given, v.answer)
        if abs(value - v.answer) > v.tol:
            assert words in hint_for(v, value), (qid, v.given, value)
