"""Adam in NumPy against Keras' Adam, and its input checks."""

import numpy as np
import pytest

from snippets import adam, numpy_net


def _random_problem():
    rng = np.random.default_rng(0)
    X = rng.normal(size=(20, 64))
    Y = (rng.random((1, 64)) > 0.5).astype(float)
    return X, Y, numpy_net.init_params((20, 6, 4, 1), seed=1)


def test_adam_matches_keras_step_by_step():
    """Five Adam steps in NumPy and with keras.optimizers.Adam (float64, ε negligible) move every weight alike
    to 1e-4 of the step size α; the defaults are Keras'."""
    import keras
    import tensorflow as tf

    from snippets import keras_net

    X, Y, params = _random_problem()
    lr, eps = 0.01, 1e-16  # Keras adds ε before the bias correction: a tiny ε removes that one difference
    model = keras_net.to_keras(params, dtype="float64")
    optimizer = keras.optimizers.Adam(learning_rate=lr, epsilon=eps)
    state = adam.init_state(params)
    for _ in range(5):
        _, cache = numpy_net.forward(X, params)
        params, state = adam.update(params, numpy_net.backward(Y, params, cache), state, lr, eps=eps)
        with tf.GradientTape() as tape:
            loss = model.loss(Y.T, model(X.T))
        optimizer.apply_gradients(
            zip(tape.gradient(loss, model.trainable_variables), model.trainable_variables, strict=True)
        )
        theirs = keras_net.from_keras(model)
        assert max(float(np.abs(params[k] - theirs[k]).max()) for k in params) < 1e-4 * lr
    defaults = keras.optimizers.Adam().get_config()
    assert (defaults["beta_1"], defaults["beta_2"], defaults["epsilon"]) == (adam.BETA1, adam.BETA2, adam.EPSILON)
    assert state["t"] == 5


def test_adam_first_step_is_alpha_per_parameter_and_leaves_inputs_alone(digits):
    """At t = 1, V̂ / √Ŝ = dθ / |dθ|: every parameter with a gradient moves by α (less ε's share); inputs unchanged."""
    X, Y = digits
    params = numpy_net.init_params(seed=0)
    before = {k: v.copy() for k, v in params.items()}
    _, cache = numpy_net.forward(X, params)
    grads = numpy_net.backward(Y, params, cache)
    new, state = adam.update(params, grads, adam.init_state(params), 1e-3)
    for key in params:
        d = grads["d" + key]
        np.testing.assert_allclose(
            new[key] - params[key], -1e-3 * d / (np.abs(d) + adam.EPSILON), rtol=1e-9, atol=1e-18
        )
        np.testing.assert_array_equal(params[key], before[key])
    assert state["t"] == 1 and np.any(state["VdW1"] != 0)


def test_adam_rejects_bad_input():
    """Missing gradients, a state from elsewhere, β outside [0, 1) and a non-positive α are named."""
    params = numpy_net.init_params((3, 2, 1))
    grads = {f"d{k}": np.ones_like(v) for k, v in params.items()}
    state = adam.init_state(params)
    with pytest.raises(ValueError, match="grads lacks"):
        adam.update(params, {"dW1": grads["dW1"]}, state)
    with pytest.raises(ValueError, match="init_state"):
        adam.update(params, grads, {"t": 0})
    with pytest.raises(ValueError, match="beta1 must be in"):
        adam.update(params, grads, state, beta1=1.0)
    with pytest.raises(ValueError, match="lr must be a positive number"):
        adam.update(params, grads, state, lr=-1e-3)
    with pytest.raises(ValueError, match="params must be a dict"):
        adam.init_state([1, 2])
