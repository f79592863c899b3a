"""snippets.evaluate: accuracy and the misclassified examples."""

import numpy as np
import pytest

from snippets.evaluate import accuracy, misclassified


def test_accuracy_counts_matches():
    """3 of 4 right is 0.75."""
    assert accuracy(np.array([[1, 0, 1, 1]]), np.array([[1, 0, 0, 1]])) == 0.75


def test_misclassified_returns_wrong_columns():
    """Only examples on the wrong side of 0.5 are returned, with their pixels, labels and probabilities."""
    X = np.arange(12, dtype=float).reshape(3, 4)
    Y = np.array([[1, 0, 1, 0]])
    P = np.array([[0.9, 0.6, 0.4, 0.1]])
    wrong = misclassified(X, Y, P)
    np.testing.assert_array_equal(wrong["index"], [1, 2])
    np.testing.assert_array_equal(wrong["X"], X[:, [1, 2]])
    np.testing.assert_array_equal(wrong["y"], [0, 1])
    np.testing.assert_array_equal(wrong["p"], [0.6, 0.4])


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((np.ones((3, 4)), np.array([[1, 0, 1, 0]]), np.ones((1, 3))), "shape of Y"),
        ((np.ones((3, 4)), np.array([[1, 0, 1, 5]]), np.ones((1, 4))), "labels 0 or 1"),
        ((np.ones((3, 4)), np.array([[1, 0, 1, 0]]), np.full((1, 4), np.nan)), "NaN"),
    ],
)
def test_misclassified_rejects_bad_input(args, message):
    """Mismatched shapes, bad labels and NaN probabilities raise ValueError."""
    with pytest.raises(ValueError, match=message):
        misclassified(*args)
