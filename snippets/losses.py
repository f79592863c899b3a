"""Binary cross-entropy, J = -(1/m) Σ [y log ŷ + (1 - y) log(1 - ŷ)], from probabilities or logits."""

import numpy as np

from snippets.checks import as_array, as_labels

# Keras clips probabilities to [EPSILON, 1 - EPSILON] (keras.config.epsilon()); using the same
# value keeps J finite at ŷ = 0 or 1 and equal to Keras' BinaryCrossentropy.
EPSILON = 1e-7


def bce(Y_hat: np.ndarray, Y: np.ndarray) -> float:
    """J from probabilities Y_hat (1, m) and labels Y (1, m), unchecked."""
    P = np.clip(Y_hat, EPSILON, 1.0 - EPSILON)
    return float(-np.mean(Y * np.log(P) + (1.0 - Y) * np.log(1.0 - P)))


def bce_from_logits(Z: np.ndarray, Y: np.ndarray) -> float:
    """J from logits Z = z[L] (1, m) and labels Y (1, m), unchecked."""
    # log(1 + e^z) - y z, rewritten as max(z, 0) - y z + log(1 + e^-|z|) so that e^z never overflows.
    return float(np.mean(np.maximum(Z, 0.0) - Y * Z + np.log1p(np.exp(-np.abs(Z)))))


def binary_cross_entropy(Y_hat, Y) -> float:
    """Mean binary cross-entropy of predicted probabilities.

    Args:
        Y_hat: (1, m) predicted probabilities ŷ in [0, 1].
        Y: (1, m) labels, 0 or 1.

    Returns:
        J, a float >= 0; finite even where ŷ is exactly 0 or 1 (ŷ is clipped to [1e-7, 1 - 1e-7]).
    """
    Y = as_labels("Y", Y)
    Y_hat = as_array("Y_hat", Y_hat)
    if Y_hat.shape != Y.shape:
        raise ValueError(f"Y_hat must have the shape of Y, {Y.shape}; got {Y_hat.shape}")
    if Y_hat.min() < 0.0 or Y_hat.max() > 1.0:
        raise ValueError("Y_hat must hold probabilities in [0, 1]; for raw scores use binary_cross_entropy_from_logits")
    return bce(Y_hat, Y)


def binary_cross_entropy_from_logits(Z, Y) -> float:
    """Mean binary cross-entropy of logits z, where ŷ = σ(z); exact for any finite z (no clipping).

    Args:
        Z: (1, m) logits (the output layer's z before the sigmoid).
        Y: (1, m) labels, 0 or 1.
    """
    Y = as_labels("Y", Y)
    Z = as_array("Z", Z)
    if Z.shape != Y.shape:
        raise ValueError(f"Z must have the shape of Y, {Y.shape}; got {Z.shape}")
    return bce_from_logits(Z, Y)


def negative_log_likelihood(Y_hat, Y) -> float:
    """-(1/m) log P(Y | X) when each label is Bernoulli: P(y | x) = ŷ^y (1 - ŷ)^(1 - y), the examples independent.

    Equal to binary_cross_entropy(Y_hat, Y): cross-entropy is this negative log-likelihood.

    Args:
        Y_hat: (1, m) predicted probabilities ŷ in (0, 1).
        Y: (1, m) labels, 0 or 1.
    """
    Y = as_labels("Y", Y)
    Y_hat = as_array("Y_hat", Y_hat)
    if Y_hat.shape != Y.shape:
        raise ValueError(f"Y_hat must have the shape of Y, {Y.shape}; got {Y_hat.shape}")
    if Y_hat.min() <= 0.0 or Y_hat.max() >= 1.0:
        raise ValueError("Y_hat must hold probabilities strictly between 0 and 1 (the likelihood of 0 has no log)")
    likelihood = np.prod(Y_hat**Y * (1.0 - Y_hat) ** (1.0 - Y))  # P(every label), the product over the examples
    return float(-np.log(likelihood) / Y.shape[1])
