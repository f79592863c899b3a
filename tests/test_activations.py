"""snippets.activations: the sigmoid and its derivative, stable everywhere."""

import warnings

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from snippets.activations import relu, relu_prime, sigmoid, sigmoid_prime, tanh, tanh_prime

finite = st.floats(allow_nan=False, allow_infinity=False, width=64)


def test_sigmoid_exact_at_zero_and_known_values():
    """σ(0) is exactly 0.5; σ(±2) match 1/(1+e^∓2)."""
    assert sigmoid(0.0) == 0.5
    np.testing.assert_allclose(sigmoid(np.array([-2.0, 2.0])), 1 / (1 + np.exp([2.0, -2.0])), rtol=1e-15)


def test_sigmoid_no_overflow_at_extremes():
    """At z = ±1e4 no warning is raised and the values are exactly 0 and 1."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(all="raise"):
            values = sigmoid(np.array([-1e4, 1e4]))
            slopes = sigmoid_prime(np.array([-1e4, 1e4]))
    np.testing.assert_array_equal(values, [0.0, 1.0])
    np.testing.assert_array_equal(slopes, [0.0, 0.0])


@given(hnp.arrays(np.float64, hnp.array_shapes(max_dims=3, max_side=5), elements=finite))
def test_sigmoid_in_unit_interval_keeps_shape_and_symmetry(z):
    """For any finite z: σ(z) in [0, 1], same shape, and σ(-z) = 1 - σ(z)."""
    with np.errstate(over="raise"):
        s = sigmoid(z)
        assert s.shape == z.shape
        assert np.all((s >= 0) & (s <= 1))
        np.testing.assert_allclose(sigmoid(-z), 1 - s, atol=1e-15)


@given(st.floats(min_value=-30, max_value=30))
def test_sigmoid_prime_matches_central_difference(z):
    """σ'(z) = σ(z)(1 - σ(z)) agrees with a central difference and is within [0, 0.25]."""
    h = 1e-6
    numeric = (sigmoid(z + h) - sigmoid(z - h)) / (2 * h)
    assert 0 <= sigmoid_prime(z) <= 0.25
    assert abs(sigmoid_prime(z) - numeric) < 1e-8


@pytest.mark.parametrize("bad", [np.nan, np.inf, [1.0, np.nan], [], "abc"])
def test_sigmoid_rejects_nan_inf_empty_and_text(bad):
    """NaN, inf, empty arrays and non-numbers raise a ValueError naming z."""
    with pytest.raises(ValueError, match="z"):
        sigmoid(bad)


@pytest.mark.parametrize(("g", "g_prime"), [(tanh, tanh_prime), (relu, relu_prime)])
@given(st.floats(min_value=-30, max_value=30).filter(lambda z: abs(z) > 1e-4))
def test_hidden_activation_derivatives_match_central_differences(g, g_prime, z):
    """tanh' and ReLU' agree with a central difference of tanh and ReLU (away from ReLU's kink at 0)."""
    h = 1e-6
    numeric = (g(z + h) - g(z - h)) / (2 * h)
    assert abs(g_prime(z) - numeric) < 1e-8


def test_hidden_activations_match_tensorflow_and_known_values():
    """tanh and ReLU equal keras.activations' on a grid, tanh(z) = 2σ(2z) - 1, tanh'(0) = 1 = 4σ'(0), ReLU'(0) = 0."""
    import keras

    z = np.linspace(-8, 8, 161)
    np.testing.assert_allclose(tanh(z), keras.ops.convert_to_numpy(keras.activations.tanh(z)), atol=1e-6)
    np.testing.assert_allclose(relu(z), keras.ops.convert_to_numpy(keras.activations.relu(z)), atol=1e-6)
    np.testing.assert_allclose(tanh(z), 2 * sigmoid(2 * z) - 1, atol=1e-15)
    assert tanh_prime(0.0) == 1.0 == 4 * sigmoid_prime(0.0) and relu_prime(0.0) == 0.0
    assert relu_prime(np.array([[-1.0, 2.0]])).shape == (1, 2)


@pytest.mark.parametrize("g", [tanh, tanh_prime, relu, relu_prime])
@pytest.mark.parametrize("bad", [np.nan, [1.0, np.inf], [], "abc"])
def test_hidden_activations_reject_nan_inf_empty_and_text(g, bad):
    """NaN, inf, empty arrays and non-numbers raise a ValueError naming z, as the sigmoid does."""
    with pytest.raises(ValueError, match="z"):
        g(bad)
