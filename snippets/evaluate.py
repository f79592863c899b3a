"""Test-set results shared by both implementations: accuracy, errors, and the misclassified digits."""

import numpy as np

from snippets.checks import as_array, as_examples, as_labels


def accuracy(Y_pred, Y) -> float:
    """Fraction of predictions equal to the labels; Y_pred and Y: (1, m) of 0/1."""
    Y = as_labels("Y", Y)
    Y_pred = as_labels("Y_pred", Y_pred, m=Y.shape[1])
    return float(np.mean(Y_pred == Y))


def misclassified(X, Y, P, threshold: float = 0.5) -> dict[str, np.ndarray]:
    """The examples a model gets wrong.

    Args:
        X: (n, m) examples; Y: (1, m) labels; P: (1, m) predicted probabilities of class 1.

    Returns:
        {"index": (k,) column indices into X, "X": (n, k), "y": (k,) labels, "p": (k,) probabilities}.
    """
    X = as_examples("X", X)
    Y = as_labels("Y", Y, m=X.shape[1])
    P = as_array("P", P)
    if P.shape != Y.shape:
        raise ValueError(f"P must have the shape of Y, {Y.shape}; got {P.shape}")
    wrong = np.flatnonzero((P[0] >= threshold) != (Y[0] == 1))
    return {"index": wrong, "X": X[:, wrong], "y": Y[0, wrong].astype(np.int64), "p": P[0, wrong]}
