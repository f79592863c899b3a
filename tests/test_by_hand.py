"""snippets.course.by_hand: the 2-2-1 example worked by hand agrees with the library and with finite differences."""

import numpy as np
import pytest

from snippets import gradcheck, numpy_net
from snippets.course import by_hand
from snippets.losses import binary_cross_entropy


def test_every_step_by_hand_is_what_the_library_computes():
    """Forward (Z, A), the loss, every gradient and the update equal numpy_net's forward, backward and update."""
    s = by_hand.steps()
    A2, cache = numpy_net.forward(by_hand.X, by_hand.PARAMS)
    grads = numpy_net.backward(by_hand.Y, by_hand.PARAMS, cache)
    new = numpy_net.update(by_hand.PARAMS, grads, by_hand.ALPHA)
    assert np.allclose(s["A1"], cache["A1"]) and np.allclose(s["A2"], A2)
    assert float(s["J"]) == pytest.approx(binary_cross_entropy(A2, by_hand.Y))
    for key in ("W1", "b1", "W2", "b2"):
        assert s[f"d{key}"].shape == by_hand.PARAMS[key].shape
        assert np.allclose(s[f"d{key}"], grads[f"d{key}"]) and np.allclose(s[f"new {key}"], new[key])


def test_by_hand_gradients_match_finite_differences():
    """Each dW, db of the worked example is within 1e-7 (relative) of central finite differences of J."""
    s = by_hand.steps()
    numeric = gradcheck.numerical_grads(by_hand.X, by_hand.Y, by_hand.PARAMS)
    for key, value in numeric.items():
        assert gradcheck.relative_error(value, s[key]) < 1e-7, key


def test_hidden_step_dA_is_the_derivative_of_the_loss_with_respect_to_A():
    """dA[1] = W[2]^T dZ[2] equals ∂L/∂A[1] by central differences (one example: L = J), and dZ[1] = dA[1] * σ'(Z[1])
    equals ∂L/∂Z[1]; on the 400-25-15-1 network, the compact form gives the backward pass's own dW[2]."""
    s, p, eps = by_hand.steps(), by_hand.PARAMS, 1e-6

    def loss_from(A1):
        return binary_cross_entropy(1 / (1 + np.exp(-(p["W2"] @ A1 + p["b2"]))), by_hand.Y)

    numeric = np.zeros_like(s["A1"])
    for k in range(numeric.shape[0]):
        up, down = s["A1"].copy(), s["A1"].copy()
        up[k] += eps
        down[k] -= eps
        numeric[k] = (loss_from(up) - loss_from(down)) / (2 * eps)
    assert np.allclose(s["dA1"], numeric, atol=1e-8)
    assert np.allclose(s["dZ1"], numeric * s["A1"] * (1 - s["A1"]), atol=1e-8)

    rng = np.random.default_rng(0)
    X, Y = rng.random((400, 6)), rng.integers(0, 2, (1, 6)).astype(float)
    params = numpy_net.init_params(seed=1)
    A3, cache = numpy_net.forward(X, params)
    dA2, dZ2 = by_hand.hidden_step(params["W3"], A3 - Y, cache["A2"])
    assert dA2.shape == dZ2.shape == cache["A2"].shape == (15, 6)
    assert np.allclose(dZ2 @ cache["A1"].T / 6, numpy_net.backward(Y, params, cache)["dW2"])
