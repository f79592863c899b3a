"""The site's headline: both implementations trained on the full training set, scored on the test set.

These read the once-per-build results (results.headline), the very numbers the pages report."""

import numpy as np
import pytest

from snippets.course import results

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module", params=["numpy", "keras"])
def run(request):
    return results.headline(request.param)


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


def test_headline_keras_weights_rebuild_the_keras_model(test_set):
    """The shared Keras run keeps its weights in the notes' layout; to_keras rebuilds the same predictions."""
    from snippets import keras_net

    run = results.headline("keras")
    X, _ = test_set
    P = keras_net.predict_proba(X, keras_net.to_keras(run["model"]))
    np.testing.assert_allclose(P, run["P"], atol=1e-6)
