"""Activation functions g(z) and their derivatives g'(z), applied element-wise."""

import numpy as np

from snippets.checks import as_array


def _sigmoid(Z: np.ndarray) -> np.ndarray:
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
    return _sigmoid(as_array("z", z))


def sigmoid_prime(z):
    """The derivative σ'(z) = σ(z) (1 - σ(z)); same shape as `z`, in [0, 0.25]."""
    S = _sigmoid(as_array("z", z))
    return S * (1.0 - S)
