"""Activation functions g(z) and their derivatives g'(z), applied element-wise."""

import numpy as np

from snippets.checks import as_array


def stable_sigmoid(Z: np.ndarray) -> np.ndarray:
    """σ(Z) of a float array of any shape, unchecked: the forward pass calls it on every layer."""
    # exp(-|z|) is in (0, 1], so nothing overflows for any z; the two branches are the same
    # function, 1/(1+e^-z) = e^z/(1+e^z), each evaluated where it is exact. e^-|z| underflowing
    # to 0 for |z| > 745 is the right answer, not an error, whatever the caller's errstate.
    with np.errstate(under="ignore"):
        E = np.exp(-np.abs(Z))
    S = 1.0 / (1.0 + E)
    return np.where(Z >= 0, S, E * S)


def sigmoid(z):
    """The logistic sigmoid σ(z) = 1 / (1 + e^(-z)), stable for every finite z.

    Args:
        z: a number or an array of any shape.

    Returns:
        σ(z), same shape as `z`, in [0, 1]; exactly 0.5 at z = 0.
    """
    return stable_sigmoid(as_array("z", z))


def sigmoid_prime(z):
    """The derivative σ'(z) = σ(z) (1 - σ(z)); same shape as `z`, in [0, 0.25]."""
    S = stable_sigmoid(as_array("z", z))
    return S * (1.0 - S)


# Hidden-layer alternatives to the sigmoid (the output stays a sigmoid: a probability for two classes).


def tanh(z):
    """tanh(z) = (e^z - e^-z) / (e^z + e^-z) = 2σ(2z) - 1: same shape as `z`, in [-1, 1], 0 at z = 0."""
    return np.tanh(as_array("z", z))


def tanh_prime(z):
    """tanh'(z) = 1 - tanh(z)²: same shape as `z`, in [0, 1], 1 at z = 0 (four times σ'(0))."""
    T = np.tanh(as_array("z", z))
    return 1.0 - T * T


def relu(z):
    """ReLU(z) = max(0, z): same shape as `z`."""
    return np.maximum(as_array("z", z), 0.0)


def relu_prime(z):
    """ReLU'(z) = 1 where z > 0, else 0 (at z = 0, where it has no derivative, 0 by convention, as TensorFlow's)."""
    return (as_array("z", z) > 0).astype(np.float64)


# The hidden activations the network can use, each with its derivative written in terms of its own output
# A = g(Z) (backprop keeps A, not Z): σ' = A(1 - A), tanh' = 1 - A², ReLU' = 1 where A > 0 (A > 0 exactly when Z > 0).
# --8<-- [start:hidden]
HIDDEN = {  # name: (g, g' from A = g(Z))
    "sigmoid": (stable_sigmoid, lambda A: A * (1.0 - A)),  # σ' = σ (1 - σ) = A (1 - A)
    "tanh": (np.tanh, lambda A: 1.0 - A * A),  # tanh' = 1 - tanh² = 1 - A²
    "relu": (lambda Z: np.maximum(Z, 0.0), lambda A: (A > 0).astype(A.dtype)),  # ReLU' = 1 where Z > 0, so A > 0
}
# --8<-- [end:hidden]


def hidden(name: str):
    """(g, g' as a function of A = g(Z)) for a hidden activation named "sigmoid", "tanh" or "relu"."""
    if name not in HIDDEN:
        raise ValueError(f"hidden must be one of {sorted(HIDDEN)}; got {name!r}")
    return HIDDEN[name]
