"""The site's headline: both implementations trained on the full training set, scored on the test set."""

import numpy as np
import pytest

from snippets import results

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=["numpy", "keras"])
def run(request):
    return results.run(request.param)


def test_full_training_reaches_999_on_test_set(run):
    """At least 99.9% accuracy on the 2,115 test digits: at most 2 errors."""
    assert run["P"].shape == (1, 2115)
    assert run["test_errors"] <= 2
    assert run["test_accuracy"] >= 0.999


def test_misclassified_are_exactly_the_errors(run):
    """The misclassified examples are those whose thresholded probability differs from the label."""
    wrong = run["misclassified"]
    assert wrong["index"].size == run["test_errors"]
    assert wrong["X"].shape == (400, run["test_errors"])
    assert np.all((wrong["p"] >= 0.5) != (wrong["y"] == 1))
