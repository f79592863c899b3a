"""The pages' sentences hold for the numbers the build computes: each test pins one claim the prose makes.

They read the same once-per-build results as the pages (snippets.cache), with the pages' arguments.
"""

import numpy as np
import pytest

from snippets import data, export, numpy_net, results

pytestmark = pytest.mark.slow
RATES = {"too small": 0.05, "good": 2.0, "too large": 40.0}  # docs/gradient-descent.py


@pytest.fixture(scope="module")
def traces():
    return results.learning_rates(RATES.values(), n=1000, epochs=60)


def rises(losses):
    return sum(b > a for a, b in zip(losses, losses[1:], strict=False))


def test_too_small_rate_falls_slowly_and_is_right_but_unconfident(traces):
    """α = 0.05: the loss falls every epoch, ends far above the good run's, with high accuracy but a small margin."""
    small, good = traces[RATES["too small"]], traces[RATES["good"]]
    assert rises(small["loss"]) == 0
    assert small["loss"][-1] > 10 * good["loss"][-1]
    assert small["accuracy"][-1] >= 0.9 and small["margin"][-1] < 0.1


def test_good_rate_bumps_early_then_falls_towards_zero(traces):
    """α = 2: the loss rises only in the first epochs, then falls to below 0.05."""
    good = traces[RATES["good"]]["loss"]
    assert 0 < rises(good) and rises(good[10:]) == 0 and good[-1] < 0.05


def test_too_large_rate_flips_the_output_over_saturated_hidden_units(traces):
    """α = 40: after the first step the mean output alternates near 0 and near 1, accuracy stays at one half,
    the loss rises every other epoch, and most hidden activations are saturated."""
    big = traces[RATES["too large"]]
    means = np.array(big["mean_output"][1:])
    low, high = means < 0.1, means > 0.9
    assert np.all(low | high) and np.all(low[:-1] != low[1:])
    assert np.allclose(big["accuracy"][1:], 0.5, atol=0.01)
    assert rises(big["loss"]) >= 25
    assert big["saturated"][-1] > 0.5 and min(big["loss"][1:]) > 1.0


def test_explorer_regimes_hold_for_the_nine_learning_rates():
    """Gradient descent page, explorer: α <= 0.1 barely moves the loss (accuracy one half up to 0.03, high at 0.1
    with outputs barely past 0.5); 0.3 is far
    from 0; 1 to 10 reach a loss near 0 and 100% accuracy, 3 and 10 after an early bump; α >= 30 jumps up and
    stays there, at accuracy one half."""
    sweep = results.learning_rates(export.LEARNING_RATES, **export.LEARNING_RATE_RUNS)
    start = sweep[0.01]["loss"][0]
    for lr, t in sweep.items():
        loss, accuracy = t["loss"], t["accuracy"]
        if lr <= 0.1:
            assert loss[-1] > 0.8 * start, lr
            if lr <= 0.03:
                assert accuracy[-1] < 0.55, lr
            else:
                assert accuracy[-1] > 0.9 and t["margin"][-1] < 0.1, lr
        elif lr == 0.3:
            assert 0.2 < loss[-1] < 0.8 * start
        elif lr <= 10:
            assert loss[-1] < 0.03 and accuracy[-1] == 1.0, lr
            assert (max(loss[1:10]) > start) == (lr >= 3), lr
        else:
            assert loss[1] > 4 * start and min(loss[1:]) > 2 * start and np.allclose(accuracy[1:], 0.5, atol=0.01), lr


def test_minibatches_make_more_steps_and_reach_a_lower_loss():
    """The headline mini-batch run ends below the 60-epoch full-batch run, with more steps."""
    full = results.histories([(2.0, None)], epochs=60)[(2.0, None)]
    mini = results.headline("numpy")
    steps = -(-12665 // mini["batch_size"]) * mini["epochs"]
    assert steps == 3960 and steps > len(full["loss"])
    assert mini["history"]["loss"][-1] < full["loss"][-1]


def test_untrained_network_gives_every_digit_about_the_same_value_on_the_side_of_sum_w3():
    """Forward page: untrained, ŷ barely varies, zeros and ones alike, on the side of 0.5 that sign(ΣW3) sets."""
    X, Y = data.load("test")
    params = numpy_net.init_params(seed=0)
    P = numpy_net.predict_proba(X, params)
    assert P.max() - P.min() < 0.05
    assert abs(P[Y == 0].mean() - P[Y == 1].mean()) < 0.01
    assert np.all(np.sign(P - 0.5) == np.sign(params["W3"].sum()))


def test_numpy_and_keras_agree_on_almost_every_digit_but_not_to_float32_precision():
    """NumPy vs TensorFlow page: both make a handful of errors at most, agree on >= 99% of labels, and their
    probabilities differ by far more than float32 rounding (the forward page's 1e-7)."""
    runs = {impl: results.headline(impl) for impl in ("numpy", "keras")}
    P_np, P_tf = runs["numpy"]["P"], runs["keras"]["P"]
    assert all(r["test_errors"] <= 5 for r in runs.values())
    assert np.mean((P_np >= 0.5) == (P_tf >= 0.5)) >= 0.99
    assert np.median(np.abs(P_np - P_tf)) > 1e-5


@pytest.fixture(scope="module")
def bench():
    from snippets import benchmark

    return {row["case"]: row for row in benchmark.load()["rows"]}


def test_speed_claims_hold_for_the_committed_benchmark(bench):
    """NumPy vs TensorFlow page: per-step overhead dominates at batch 32, steps_per_execution is Keras' best option,
    XLA alone changes little, NumPy batch 32 beats every Keras batch-32 case, Keras wins on the wide network."""
    full, numpy_32 = bench["numpy, full batch"], bench["numpy, batch 32"]
    arithmetic_us = (
        numpy_32["arithmetic_gflop_per_step"] / full["arithmetic_gflop_per_step"] * full["median_epoch_s"] * 1e6
    )
    keras_32 = {name: row for name, row in bench.items() if name.startswith("keras fit, batch 32")}
    assert all(row["median_step_us"] > 2 * arithmetic_us for row in [numpy_32, *keras_32.values()])
    # "a few times the arithmetic, where plain fit takes tens of times"
    assert numpy_32["median_step_us"] < 10 * arithmetic_us < bench["keras fit, batch 32"]["median_step_us"]
    best = max(keras_32.values(), key=lambda row: row["speedup_vs_reference"])
    assert best["steps_per_execution"] == 32 and best["speedup_vs_reference"] > 2
    assert 0.8 < bench["keras fit, batch 32, XLA"]["speedup_vs_reference"] < 1.25
    assert numpy_32["median_epoch_s"] < best["median_epoch_s"]
    assert (
        full["median_epoch_s"] < numpy_32["median_epoch_s"]
        and bench["keras fit, full batch"]["speedup_vs_reference"] > 1
    )
    wide = {name: row for name, row in bench.items() if "1024" in name}
    assert max(wide.values(), key=lambda row: row["median_epoch_s"])["impl"] == "numpy"
    assert min(row["arithmetic_gflop_per_step"] for row in wide.values()) > 1000 * numpy_32["arithmetic_gflop_per_step"]
