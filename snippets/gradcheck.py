"""Gradient checks: backprop against central finite differences and against TensorFlow's GradientTape."""

import numpy as np

from snippets.activations import hidden as hidden_activation
from snippets.checks import as_examples, as_labels
from snippets.losses import bce
from snippets.numpy_net import backward_pass, check_params, forward_pass


def relative_error(a, b) -> float:
    """||a - b|| / (||a|| + ||b||): scale-free, 0 for equal arrays (0 also when both are zero)."""
    a, b = np.asarray(a, dtype=np.float64), np.asarray(b, dtype=np.float64)
    denom = np.linalg.norm(a) + np.linalg.norm(b)
    return 0.0 if denom == 0 else float(np.linalg.norm(a - b) / denom)


def _inputs(X, Y, params):
    L = check_params(params)
    X = as_examples("X", X, n_rows=params["W1"].shape[1])
    return X, as_labels("Y", Y, m=X.shape[1]), L


def backprop_grads(X, Y, params, hidden="sigmoid"):
    """Gradients of the mean cross-entropy by backpropagation: {"dW1": like W1, ...}. X: (n[0], m); Y: (1, m);
    hidden: as numpy_net.forward."""
    X, Y, L = _inputs(X, Y, params)
    g, g_prime = hidden_activation(hidden)
    return backward_pass(Y, params, forward_pass(X, params, L, g)[1], L, g_prime)


# --8<-- [start:numerical]
def numerical_grads(X, Y, params, eps=1e-5, hidden="sigmoid"):
    """Central differences (J(θ + ε) - J(θ - ε)) / 2ε for every parameter entry; same keys as backprop.

    Costs two forward passes per parameter: meant for small networks or few examples.
    """
    X, Y, L = _inputs(X, Y, params)
    g, _ = hidden_activation(hidden)
    grads = {}
    for key, value in params.items():
        grad = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            shifted = {k: v.copy() for k, v in params.items()}
            shifted[key][index] = value[index] + eps
            J_plus = bce(forward_pass(X, shifted, L, g)[0], Y)
            shifted[key][index] = value[index] - eps
            J_minus = bce(forward_pass(X, shifted, L, g)[0], Y)
            grad[index] = (J_plus - J_minus) / (2 * eps)
        grads["d" + key] = grad
    return grads


# --8<-- [end:numerical]


# --8<-- [start:tape]
def tape_grads(X, Y, params, hidden="sigmoid"):
    """The same gradients from tf.GradientTape on a float64 copy of the weights, with Keras' BCE. X: (n[0], m);
    Y: (1, m)."""
    import keras
    import tensorflow as tf

    X, Y, L = _inputs(X, Y, params)
    hidden_activation(hidden)
    g = {"sigmoid": tf.sigmoid, "tanh": tf.tanh, "relu": tf.nn.relu}[hidden]
    variables = {key: tf.Variable(value, dtype=tf.float64) for key, value in params.items()}
    with tf.GradientTape() as tape:
        A = tf.constant(X)
        for l in range(1, L + 1):
            A = (g if l < L else tf.sigmoid)(variables[f"W{l}"] @ A + variables[f"b{l}"])
        J = keras.losses.BinaryCrossentropy(dtype="float64")(tf.transpose(tf.constant(Y)), tf.transpose(A))
    grads = tape.gradient(J, variables)
    return {"d" + key: grads[key].numpy() for key in params}


# --8<-- [end:tape]


def compare(reference, grads) -> dict[str, float]:
    """Relative error of each gradient array against a reference, e.g. {"dW1": 3e-10, ...}."""
    missing = sorted(set(reference) - set(grads))
    if missing:
        raise ValueError(f"grads lacks {missing}; expected the keys of the reference")
    return {key: relative_error(reference[key], grads[key]) for key in reference}
