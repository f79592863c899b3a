"""The pages' sentences hold for the numbers the build computes: each test pins one claim the prose makes.

They read the same once-per-build results as the pages (snippets.course.cache), with the pages' arguments.
"""

import numpy as np
import pytest

from snippets import data, numpy_net
from snippets.course import export, results

pytestmark = pytest.mark.slow
RATES = results.THREE_RATES  # what docs/gradient-descent.py plots


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
    from snippets.course import benchmark

    return {row["case"]: row for row in benchmark.load()["rows"]}


def test_speed_claims_hold_for_the_committed_benchmark(bench):
    """Benchmark and NumPy vs TensorFlow pages: per-step overhead dominates at batch 32, steps_per_execution is Keras'
    best option, XLA alone changes little (against plain fit and against op determinism off, which XLA needs),
    NumPy batch 32 beats every Keras batch-32 case, Keras wins on the wide network."""
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
    off, xla = bench["keras fit, batch 32, op determinism off"], bench["keras fit, batch 32, XLA"]
    assert 0.8 < off["median_epoch_s"] / xla["median_epoch_s"] < 1.25
    assert numpy_32["median_epoch_s"] < best["median_epoch_s"]
    assert (
        full["median_epoch_s"] < numpy_32["median_epoch_s"]
        and bench["keras fit, full batch"]["speedup_vs_reference"] > 1
    )
    wide = {name: row for name, row in bench.items() if "1024" in name}
    assert max(wide.values(), key=lambda row: row["median_epoch_s"])["impl"] == "numpy"
    assert min(row["arithmetic_gflop_per_step"] for row in wide.values()) > 1000 * numpy_32["arithmetic_gflop_per_step"]


def test_keras_fit_loss_is_exact_for_a_saturated_sigmoid_as_the_numpy_loop_reports_it():
    """Loss, TensorFlow and NumPy vs TensorFlow pages: for z = -50 and y = 1, Keras' evaluate (fit's loss) gives the
    exact 50, not the clipped -ln(1e-7) that binary_crossentropy gives on the bare probability; the NumPy training
    loop reports the exact value too."""
    import keras

    from snippets import losses, training

    model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1, activation="sigmoid")])
    model.layers[0].set_weights([np.zeros((1, 1)), np.array([-50.0])])
    model.compile(loss="binary_crossentropy")
    x, y = np.zeros((1, 1)), np.ones((1, 1))
    assert model.evaluate(x, y, verbose=0) == pytest.approx(50.0, abs=1e-3)
    y_hat = keras.ops.convert_to_numpy(model(x))
    ceiling = -np.log(1e-7)
    assert float(keras.losses.binary_crossentropy(y, y_hat)[0]) == pytest.approx(ceiling, rel=1e-3)
    assert losses.binary_cross_entropy(y_hat.astype(float), y) == pytest.approx(ceiling, rel=1e-3)
    # the NumPy loop's history: one step from a network whose output has z = -50 for a y = 1 example
    params = {"W1": np.zeros((1, 1)), "b1": np.array([[-50.0]])}
    _, history = training.train(x, y, epochs=1, lr=1e-9, params=params)
    assert history["loss"][0] == pytest.approx(50.0, abs=1e-6)


def test_too_large_rates_cost_more_than_the_clipping_ceiling(traces):
    """Gradient descent page: the high losses of too large α are what the outputs cost, not a clipping ceiling:
    at α = 100 and α = 40 the loss exceeds -ln(1e-7) at some epoch (clipped losses could not)."""
    sweep = results.learning_rates(export.LEARNING_RATES, **export.LEARNING_RATE_RUNS)
    ceiling = -np.log(1e-7)
    assert max(sweep[100.0]["loss"]) > ceiling and max(traces[RATES["too large"]]["loss"]) > ceiling


def test_baselines_majority_class_and_logistic_regression():
    """Home and Key takeaways: always answering the majority training label (1) gets 1,135 of 2,115 test digits
    (53.7%); logistic regression (400-1, same code and settings) is within a few errors of the network, and both
    beat the majority class by far."""
    majority, logistic = results.majority_class(), results.logistic_regression()
    network = results.headline("numpy")
    assert (majority["label"], majority["test_count"], majority["m"]) == (1, 1135, 2115)
    assert round(majority["test_accuracy"], 3) == 0.537
    assert logistic["model"]["W1"].shape == (1, 400) and "W2" not in logistic["model"]
    assert {k: logistic[k] for k in ("epochs", "batch_size", "lr", "seed")} == {
        k: network[k] for k in ("epochs", "batch_size", "lr", "seed")
    }
    assert abs(logistic["test_errors"] - network["test_errors"]) <= 3
    assert min(logistic["test_accuracy"], network["test_accuracy"]) > majority["test_accuracy"] + 0.4


def test_rings_need_a_hidden_layer():
    """Architecture page: on the two rings, no hidden layer stays near one half (a line), one hidden layer of 8
    separates them (>= 95% on training and new points), and a second hidden layer changes little (< 3 points)."""
    from snippets.course import circles

    fits = circles.fit_all()
    none, one, two = (fits[name] for name in circles.NETWORKS)
    assert max(none["train_accuracy"], none["test_accuracy"]) < 0.65
    assert min(one["train_accuracy"], one["test_accuracy"], two["train_accuracy"], two["test_accuracy"]) >= 0.95
    assert abs(two["test_accuracy"] - one["test_accuracy"]) < 0.03
    assert abs(two["train_accuracy"] - one["train_accuracy"]) < 0.03


def test_trained_first_layer_is_mostly_its_start_and_the_change_lies_along_zero_minus_one():
    """Try it page: the trained rows of W1 correlate strongly with their random start (median > 0.6); what training
    changed correlates with (mean 0 - mean 1) for most units (median |r| > 0.5), the start does not (all < 0.2)."""
    headline = results.headline("numpy")
    W1, W1_start = headline["model"]["W1"], numpy_net.init_params(seed=headline["seed"])["W1"]
    X, Y = data.load("train")
    d = X[:, Y[0] == 0].mean(axis=1) - X[:, Y[0] == 1].mean(axis=1)
    like_start = [np.corrcoef(w, w0)[0, 1] for w, w0 in zip(W1, W1_start, strict=True)]
    along = np.abs([np.corrcoef(w - w0, d)[0, 1] for w, w0 in zip(W1, W1_start, strict=True)])
    start_along = np.abs([np.corrcoef(w0, d)[0, 1] for w0 in W1_start])
    assert np.median(like_start) > 0.6 and min(like_start) > 0.3
    assert np.median(along) > 0.5 and max(start_along) < 0.2


def test_numpy_and_keras_start_from_different_weights():
    """NumPy vs TensorFlow page: the two headline runs start from different initial weights (each library draws its
    own from seed 0)."""
    from snippets import keras_net

    keras_start = keras_net.from_keras(keras_net.build_model(seed=0))
    numpy_start = numpy_net.init_params(seed=0)
    assert not np.allclose(keras_start["W1"], numpy_start["W1"])


def test_zero_start_keeps_units_identical_costs_nothing_on_digits_and_everything_on_rings():
    """Initialization page: from zeros the hidden units stay copies (float64 rounding, far below the weights' size);
    the digit network still makes as few test errors as from its random start; the ring networks score like a coin
    where their random starts reached 99%."""
    from snippets.course import circles, initialization

    symmetry = initialization.symmetry()
    digits = symmetry["digits"]
    assert max(digits["unit_difference"]) < 1e-12 < 0.1 < min(digits["largest_weight"])
    assert digits["test_errors"] <= results.headline("numpy")["test_errors"] + 1
    for name, fit in symmetry["rings"].items():
        assert max(fit["unit_difference"]) < 1e-12 and fit["test_accuracy"] <= 0.55
        assert circles.fit_all()[name]["test_accuracy"] >= 0.99


def test_starts_too_large_saturate_too_small_starve_and_glorot_ends_lowest():
    """Initialization page: N(0, 1) saturates a large share of layer 1 (Glorot none); 0.01 N(0, 1) gives dW[1] far
    smaller than Glorot's and a first epoch that barely lowers the loss; Glorot ends with the lowest loss; all three
    end with the same few test errors."""
    from snippets.course import initialization

    glorot, big, small = initialization.starts().values()
    assert big["spread"][0]["saturated"] > 0.2 and glorot["spread"][0]["saturated"] == 0
    assert big["spread"][0]["std_Z"] > 3
    assert small["grad_norms"][0] < glorot["grad_norms"][0] / 100 and small["history"]["loss"][0] > 0.6
    assert glorot["history"]["loss"][-1] < min(big["history"]["loss"][-1], small["history"]["loss"][-1])
    assert len({run["test_errors"] for run in (glorot, big, small)}) == 1 and glorot["test_errors"] <= 5


def test_glorot_limit_of_the_first_layer_is_the_self_check_answer():
    """Initialization self-check: r = √(6 / 425) ≈ 0.119."""
    assert f"{np.sqrt(6 / (400 + 25)):.3f}" == "0.119"


def test_sigmoid_hidden_layers_starve_the_first_layer_tanh_and_relu_do_not():
    """Hidden activations page: at the start, sigmoid's ‖dW[1]‖ is the smallest of its layers and its mean σ' is just
    under ¼; tanh's mean slope is several times larger; with tanh and ReLU ‖dW[1]‖ is the largest. Trained, tanh and
    ReLU have a several times lower first-epoch loss and stay lower; test errors differ by at most one."""
    from snippets.course import hidden_layers

    runs = hidden_layers.compare()
    sig = runs["sigmoid"]
    assert sig["grad_norms"][0] == min(sig["grad_norms"]) and all(0.2 < s <= 0.25 for s in sig["mean_g_prime"])
    assert min(runs["tanh"]["mean_g_prime"]) > 3 * max(sig["mean_g_prime"])
    for name in ("tanh", "relu"):
        run = runs[name]
        assert run["grad_norms"][0] == max(run["grad_norms"])
        assert sig["history"]["loss"][0] > 3 * run["history"]["loss"][0]
        assert all(a > b for a, b in zip(sig["history"]["loss"], run["history"]["loss"], strict=True))
    errors = [run["test_errors"] for run in runs.values()]
    assert max(errors) - min(errors) <= 1 and sig["test_errors"] == results.headline("numpy")["test_errors"]


def test_no_overfitting_on_10665_digits_and_overfitting_on_100():
    """Generalization page: on the fit part both implementations' validation loss is lowest at or near the last epoch,
    of the same order as the training loss; on 100 digits it bottoms out early and rises while the training loss keeps
    falling and the validation accuracy barely moves; the full run's validation loss is far below the small run's
    best."""
    from snippets.course import generalization

    holdout = generalization.holdout_runs()
    assert (holdout["m_fit"], holdout["m_val"]) == (10665, 2000)
    for run in holdout["runs"].values():
        h = run["history"]
        assert generalization.early_stopping(h["val_loss"])["best"] >= len(h["val_loss"]) - 1
        assert h["val_loss"][-1] < 5 * h["loss"][-1] and run["test_errors"] <= 5
    small = generalization.small_run()["history"]
    stop = generalization.early_stopping(small["val_loss"], generalization.PATIENCE)
    best, last = stop["best"] - 1, len(small["val_loss"]) - 1
    assert stop["stop"] == stop["best"] + generalization.PATIENCE < last
    assert small["val_loss"][last] > 1.1 * small["val_loss"][best] and small["loss"][last] < small["loss"][best] / 5
    assert abs(small["val_accuracy"][last] - small["val_accuracy"][best]) <= 0.005
    assert min(holdout["runs"]["numpy"]["history"]["val_loss"]) < min(small["val_loss"]) / 2
    assert generalization.PATIENCE == 20  # the page's Keras EarlyStopping call and self-check say 20


def test_keras_like_for_like_follows_the_numpy_loss_curve():
    """NumPy vs TensorFlow page: Keras SGD(0.5) from the NumPy start on its batches stays within 1e-5 of the NumPy
    loss at every epoch (float32 rounding), and makes about as many test errors."""
    same, numpy_run = results.like_for_like(), results.headline("numpy")
    assert same["largest_loss_gap"] < 1e-5
    gaps = np.abs(np.array(same["history"]["loss"]) - np.array(numpy_run["history"]["loss"]))
    assert same["largest_loss_gap"] == gaps.max() and same["largest_loss_gap_epoch"] == gaps.argmax() + 1
    assert abs(same["test_errors"] - numpy_run["test_errors"]) <= 1


def test_adam_first_step_is_about_alpha_where_gradient_descent_follows_the_gradient():
    """Gradient descent page: from the headline start, gradient descent's median step grows from layer 1 to layer 3
    with the gradients; Adam's first median step is about α in every layer."""
    from snippets import adam

    X, Y = data.load("train")
    start = numpy_net.init_params(seed=0)
    grads = numpy_net.backward(Y, start, numpy_net.forward(X, start)[1])
    gd = numpy_net.update(start, grads, results.SETTINGS["numpy"]["lr"])
    lr = results.SETTINGS["keras"]["lr"]
    step1, _ = adam.update(start, grads, adam.init_state(start), lr)
    gd_steps = [np.median(np.abs(gd[f"W{l}"] - start[f"W{l}"])) for l in (1, 2, 3)]
    assert gd_steps[0] < gd_steps[1] < gd_steps[2]
    for l in (1, 2, 3):
        assert 0.9 * lr < np.median(np.abs(step1[f"W{l}"] - start[f"W{l}"])) <= lr
