"""snippets.losses: binary cross-entropy against Keras, stability at 0 and 1, and bad input."""

import keras
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from snippets import losses
from snippets.activations import sigmoid
from snippets.losses import binary_cross_entropy, binary_cross_entropy_from_logits


def keras_bce(P, Y, from_logits=False):
    """Keras' BinaryCrossentropy on the same values, examples as rows."""
    loss = keras.losses.BinaryCrossentropy(from_logits=from_logits, dtype="float64")
    return float(loss(Y.T.astype("float64"), P.T.astype("float64")))


def test_bce_matches_keras_on_random_inputs():
    """Probabilities (exact 0s and 1s included) and logits agree with Keras' float64 BinaryCrossentropy to 1e-12."""
    rng = np.random.default_rng(0)
    for m in (1, 7, 1000):
        Y = rng.integers(0, 2, size=(1, m)).astype(float)
        Z = rng.normal(scale=4.0, size=(1, m))
        P = sigmoid(Z)
        P_edge = np.where(rng.random((1, m)) < 0.3, np.round(P), P)  # some exactly 0 or 1: clipped
        assert abs(binary_cross_entropy(P, Y) - keras_bce(P, Y)) < 1e-12
        assert abs(binary_cross_entropy(P_edge, Y) - keras_bce(P_edge, Y)) < 1e-12
        assert abs(binary_cross_entropy_from_logits(Z, Y) - keras_bce(Z, Y, from_logits=True)) < 1e-12


def test_bce_known_value():
    """J for ŷ = (0.9, 0.2) and y = (1, 0) is -(log 0.9 + log 0.8)/2."""
    J = binary_cross_entropy(np.array([[0.9, 0.2]]), np.array([[1, 0]]))
    assert J == pytest.approx(-(np.log(0.9) + np.log(0.8)) / 2, rel=1e-12)


def test_bce_finite_at_exact_zero_and_one():
    """ŷ exactly 0 or 1 gives a finite J, small when right and large when wrong."""
    right = binary_cross_entropy(np.array([[1.0, 0.0]]), np.array([[1, 0]]))
    wrong = binary_cross_entropy(np.array([[0.0, 1.0]]), np.array([[1, 0]]))
    assert np.isfinite(right) and np.isfinite(wrong)
    assert right < 1e-6 < 15 < wrong < 17  # -log(1e-7) = 16.1


@settings(max_examples=200)
@given(
    hnp.arrays(np.float64, st.integers(1, 50), elements=st.floats(-1e4, 1e4, allow_nan=False)),
    st.randoms(use_true_random=False),
)
def test_bce_from_logits_stable_and_equals_probability_form(z, rnd):
    """For any logits up to ±1e4: finite, non-negative, and equal to the probability form where no clipping."""
    Z = z.reshape(1, -1)
    Y = np.array([[rnd.randint(0, 1) for _ in range(Z.shape[1])]], dtype=float)
    with np.errstate(over="raise", invalid="raise"):
        J = binary_cross_entropy_from_logits(Z, Y)
    assert np.isfinite(J) and J >= 0
    if np.all(np.abs(Z) < 15):  # σ(z) stays inside [1e-7, 1 - 1e-7]: no clipping
        assert J == pytest.approx(binary_cross_entropy(sigmoid(Z), Y), rel=1e-9, abs=1e-12)


@pytest.mark.parametrize(
    ("Y_hat", "Y", "message"),
    [
        ([[0.5, 0.5]], [[1, 2]], "labels 0 or 1"),
        ([[0.5, 0.5]], [1, 0], r"shape \(1, m\)"),
        ([[0.5]], [[1, 0]], "shape of Y"),
        ([[1.5, 0.5]], [[1, 0]], r"probabilities in \[0, 1\]"),
        ([[np.nan, 0.5]], [[1, 0]], "NaN"),
        (np.empty((1, 0)), np.empty((1, 0)), "empty"),
    ],
)
def test_bce_rejects_bad_input(Y_hat, Y, message):
    """Wrong labels, shapes, out-of-range probabilities, NaN and empty batches raise ValueError."""
    with pytest.raises(ValueError, match=message):
        binary_cross_entropy(np.asarray(Y_hat, dtype=float), Y)


def test_cross_entropy_is_the_bernoulli_negative_log_likelihood():
    """-(1/m) log Π ŷ^y (1 - ŷ)^(1 - y) equals binary cross-entropy; ŷ of exactly 0 or 1 is refused, by name."""
    rng = np.random.default_rng(3)
    Y, Y_hat = rng.integers(0, 2, size=(1, 20)), rng.uniform(0.01, 0.99, size=(1, 20))
    assert losses.negative_log_likelihood(Y_hat, Y) == pytest.approx(losses.binary_cross_entropy(Y_hat, Y), rel=1e-12)
    with pytest.raises(ValueError, match="strictly between 0 and 1"):
        losses.negative_log_likelihood(np.array([[0.0, 0.5]]), np.array([[0, 1]]))
    with pytest.raises(ValueError, match="shape of Y"):
        losses.negative_log_likelihood(np.array([[0.5, 0.5]]), np.array([[0, 1, 1]]))
