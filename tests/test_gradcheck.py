"""Backprop gradients against central finite differences and TensorFlow's GradientTape."""

import numpy as np
import pytest

from snippets import gradcheck
from snippets.numpy_net import init_params


def test_backprop_matches_finite_differences(small):
    """Relative error below 1e-6 for every parameter array of a small float64 network."""
    X, Y, params = small
    errors = gradcheck.compare(gradcheck.numerical_grads(X, Y, params), gradcheck.backprop_grads(X, Y, params))
    assert set(errors) == {"dW1", "db1", "dW2", "db2", "dW3", "db3"}
    assert max(errors.values()) < 1e-6, errors


def test_backprop_matches_gradient_tape_small(small):
    """Relative error below 1e-6 against tf.GradientTape with Keras' BCE on the same weights."""
    X, Y, params = small
    errors = gradcheck.compare(gradcheck.tape_grads(X, Y, params), gradcheck.backprop_grads(X, Y, params))
    assert max(errors.values()) < 1e-6, errors


def test_backprop_matches_gradient_tape_course_network(digits):
    """Same on the 400-25-15-1 network with 200 real digits."""
    X, Y = digits
    params = init_params(seed=0)
    errors = gradcheck.compare(gradcheck.tape_grads(X, Y, params), gradcheck.backprop_grads(X, Y, params))
    assert max(errors.values()) < 1e-6, errors


def test_gradient_check_detects_a_wrong_gradient(small):
    """A gradient off by 1% in one entry shows a relative error far above the threshold."""
    X, Y, params = small
    grads = gradcheck.backprop_grads(X, Y, params)
    grads["dW2"][0, 0] *= 1.5
    errors = gradcheck.compare(gradcheck.numerical_grads(X, Y, params), grads)
    assert errors["dW2"] > 1e-3 and errors["dW1"] < 1e-6


def test_relative_error_basics():
    """0 for equal arrays (including both zero), 1 for opposite arrays."""
    assert gradcheck.relative_error(np.ones(3), np.ones(3)) == 0.0
    assert gradcheck.relative_error(np.zeros(3), np.zeros(3)) == 0.0
    assert gradcheck.relative_error(np.ones(3), -np.ones(3)) == pytest.approx(1.0)


def test_compare_rejects_missing_keys(small):
    """Comparing against grads without every key raises a ValueError naming the missing ones."""
    X, Y, params = small
    with pytest.raises(ValueError, match="dW1"):
        gradcheck.compare(gradcheck.backprop_grads(X, Y, params), {})
