"""The files the interactive pages load (snippets.course.export): shapes, values, sizes, and errors on bad input."""

import base64
import json

import numpy as np
import pytest

from snippets import data, numpy_net
from snippets.course import export
from snippets.numpy_net import init_params


@pytest.fixture(scope="module")
def params():
    return init_params(seed=4)


def test_digit_net_round_trips_to_float32_values(params):
    """read_digit_net(digit_net(params)) gives each array in its shape, equal to params rounded to float32."""
    payload = export.digit_net(params)
    assert payload["layers"] == [400, 25, 15, 1] and payload["W1"]["shape"] == [25, 400]
    back = export.read_digit_net(json.loads(json.dumps(payload)))
    for key, value in params.items():
        assert back[key].shape == value.shape and back[key].dtype == np.float64
        np.testing.assert_array_equal(back[key], value.astype(np.float32).astype(np.float64))
        assert np.abs(back[key] - value).max() <= 1e-7 * max(1.0, np.abs(value).max())


def test_digit_net_fits_the_60_kb_budget(params):
    """The compact JSON of a 400-25-15-1 network is at most 60 KB."""
    assert len(json.dumps(export.digit_net(params), separators=(",", ":"))) <= 60_000


def test_digit_net_predicts_like_the_float64_network(params, test_set):
    """Rounding to float32 moves P(y = 1) by less than 1e-5 on the test digits."""
    X, _ = test_set
    shipped = export.read_digit_net(export.digit_net(params))
    assert np.abs(numpy_net.predict_proba(X, shipped) - numpy_net.predict_proba(X, params)).max() < 1e-5


def test_digit_net_rejects_other_architectures():
    """A network that is not 400-25-15-1 is refused with its shapes named."""
    with pytest.raises(ValueError, match="shapes"):
        export.digit_net(init_params((400, 10, 1)))
    with pytest.raises(ValueError, match="shapes"):
        export.digit_net(init_params((784, 25, 15, 1)))


def test_digit_net_ships_what_training_changed_in_w1_to_int8_precision(params):
    """With start, W1_change decodes to W1 - start W1 within half a step of its row's int8 scale, and the file
    (weights and change) stays under 75 KB; without W1_change, or with a start of another shape, it says so."""
    start = init_params(seed=5)
    payload = json.loads(json.dumps(export.digit_net(params, start=start)))
    change = export.read_w1_change(payload)
    exact = params["W1"] - start["W1"]
    step = np.abs(exact).max(axis=1, keepdims=True) / 127
    assert change.shape == (25, 400) and np.all(np.abs(change - exact) <= step / 2 + 1e-12)
    assert np.allclose(np.abs(change).max(axis=1), np.abs(exact).max(axis=1))  # each row's largest change is exact
    assert len(json.dumps(payload, separators=(",", ":"))) <= 75_000
    unchanged = export.read_w1_change(export.digit_net(params, start=params))
    assert not unchanged.any()  # a row that did not change is all zeros, not a division by zero
    with pytest.raises(ValueError, match="no W1_change"):
        export.read_w1_change(export.digit_net(params))
    with pytest.raises(ValueError, match="start must hold a W1 of shape"):
        export.digit_net(params, start=init_params((400, 10, 1)))


def test_read_digit_net_rejects_other_payloads(params):
    """Anything but a digit_net payload is refused; so is a payload whose data does not fit its shape."""
    with pytest.raises(ValueError, match="digit_net"):
        export.read_digit_net({"W1": []})
    payload = export.digit_net(params)
    payload["b1"] = {"shape": [25, 1], "data": base64.b64encode(b"\0" * 8).decode()}
    with pytest.raises(ValueError, match="b1 holds 2 numbers"):
        export.read_digit_net(payload)


def test_sample_digits_are_real_test_digits_misclassified_first():
    """The misclassified indices come first and are flagged; then per_class of each label; the bytes are the image's."""
    sample = export.sample_digits([7, 3], per_class=4, seed=1)
    digits = sample["digits"]
    assert sample["size"] == 28 and [d["index"] for d in digits[:2]] == [3, 7]
    assert [d["misclassified"] for d in digits] == [True, True] + [False] * 8
    assert sorted(d["label"] for d in digits[2:]) == [0] * 4 + [1] * 4
    images, labels = data.images("test", size=28)
    for d in digits:
        pixels = np.frombuffer(base64.b64decode(d["pixels"]), dtype=np.uint8).reshape(28, 28)
        np.testing.assert_array_equal(pixels, np.rint(images[d["index"]] * 255))
        assert d["label"] == labels[d["index"]]


def test_sample_digits_rejects_bad_indices():
    """Indices outside the test set and a non-positive per_class are refused."""
    with pytest.raises(ValueError, match="test-set indices"):
        export.sample_digits([5000])
    with pytest.raises(ValueError, match="per_class"):
        export.sample_digits([], per_class=0)


def test_learning_rate_curves_are_sorted_and_rounded():
    """Runs come in increasing α with loss and accuracy per epoch, rounded; unequal lengths and no runs are refused."""
    traces = {
        1.0: {"loss": [0.7, 0.123456789], "accuracy": [0.5, 1.0]},
        0.1: {"loss": [0.7, 0.6], "accuracy": [0.5, 0.5]},
    }
    curves = export.learning_rate_curves(traces)
    assert curves["epochs"] == 2 and [r["lr"] for r in curves["runs"]] == [0.1, 1.0]
    assert curves["runs"][1]["loss"] == [0.7, 0.12346]
    with pytest.raises(ValueError, match="same number of epochs"):
        export.learning_rate_curves({1.0: {"loss": [1, 2], "accuracy": [1]}})
    with pytest.raises(ValueError, match="empty"):
        export.learning_rate_curves({})


def test_learning_rates_are_log_spaced_from_too_small_to_too_large():
    """At least 8 rates, increasing, each about 3 times the one before (log-spaced)."""
    rates = np.array(export.LEARNING_RATES)
    assert rates.size >= 8
    assert np.all((rates[1:] / rates[:-1] > 2.5) & (rates[1:] / rates[:-1] < 3.6))
