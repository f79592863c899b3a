"""Initial weights: Glorot uniform like Keras, the symmetry of zeros, and the spread of the first forward pass."""

import numpy as np
import pytest

from snippets import numpy_net, training
from snippets.course import initialization


def test_init_params_is_glorot_uniform_like_keras():
    """W[l] within ±√(6/(n_in + n_out)) with the uniform variance r²/3, biases 0; Keras' Dense default draws within the
    same limits (its own numbers)."""
    from snippets import keras_net

    ours, theirs = numpy_net.init_params(seed=0), keras_net.from_keras(keras_net.build_model(seed=0))
    sizes = numpy_net.LAYER_SIZES
    for l in range(1, len(sizes)):
        r = np.sqrt(6 / (sizes[l - 1] + sizes[l]))
        for params in (ours, theirs):
            W = params[f"W{l}"]
            assert np.abs(W).max() <= r and np.abs(W).max() > 0.9 * r
            assert not params[f"b{l}"].any()
        assert ours["W1"].var() == pytest.approx(r**2 / 3 if l == 1 else ours["W1"].var(), rel=0.05)
    assert not np.allclose(ours["W1"], theirs["W1"])


def test_zero_start_keeps_every_unit_of_a_layer_identical(digits):
    """Trained from zeros the units of each hidden layer stay equal to float64 rounding; from Glorot they differ."""
    X, Y = digits
    sizes = (400, 6, 4, 1)
    from_zeros, _ = training.train(X, Y, params=initialization.zeros(sizes), epochs=20, lr=0.5, batch_size=32)
    from_random, _ = training.train(X, Y, layer_sizes=sizes, epochs=20, lr=0.5, batch_size=32)
    assert max(initialization.unit_difference(from_zeros)) < 1e-12
    assert np.abs(from_zeros["W1"]).max() > 1e-5  # the weights did move
    assert min(initialization.unit_difference(from_random)) > 0.05


def test_unit_difference_and_spread_measure_what_they_say(digits):
    """unit_difference is the largest entry-wise gap between two rows of [W b]; spread gives std and saturation per
    layer."""
    params = {"W1": np.array([[1.0, 2.0], [1.5, 0.0]]), "b1": np.array([[0.0], [3.0]]),
              "W2": np.array([[1.0, 1.0]]), "b2": np.zeros((1, 1))}  # fmt: skip
    assert initialization.unit_difference(params) == [3.0]
    X, _ = digits
    big, glorot = (
        initialization.spread(X, initialization.normal(scale=1.0)),
        initialization.spread(X, numpy_net.init_params()),
    )
    assert [row["layer"] for row in big] == [1, 2, 3]
    _, cache = numpy_net.forward(X, numpy_net.init_params())
    assert glorot[0]["std_Z"] == pytest.approx(cache["Z1"].std())
    assert big[0]["saturated"] > 0.2 > glorot[0]["saturated"]


def test_zeros_and_normal_have_init_params_shapes_and_check_sizes():
    """Same keys and shapes as init_params; bad layer sizes are refused with the expected form."""
    reference = numpy_net.init_params((5, 3, 1))
    for params in (initialization.zeros((5, 3, 1)), initialization.normal((5, 3, 1), scale=0.01)):
        assert {k: v.shape for k, v in params.items()} == {k: v.shape for k, v in reference.items()}
    assert not initialization.zeros((5, 3, 1))["W1"].any()
    with pytest.raises(ValueError, match="layer_sizes needs an input and an output size"):
        initialization.normal((5,))
