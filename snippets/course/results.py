"""The headline experiment: both implementations trained on all 12,665 training digits, tested on 2,115.

`headline(impl)` and the learning-rate experiments are computed once per site build and shared by
every page that reports them (`snippets.course.cache`), so all pages show the same numbers, timings included.
"""

import time

import numpy as np

from snippets import data, numpy_net, training
from snippets.course import cache
from snippets.evaluate import accuracy, misclassified

# The settings both the site and the command line use. Same data, batch size and epochs for both;
# the optimizers differ as in the notes: plain gradient descent by hand, Adam in Keras.
SETTINGS = {
    "numpy": {"epochs": 10, "batch_size": 32, "lr": 0.5},
    "keras": {"epochs": 10, "batch_size": 32, "lr": 1e-3},
}


def run(impl: str, *, size: int = 20, seed: int = 0, callback=None, **overrides) -> dict:
    """Train one implementation and score it on the test set.

    Returns a dict with impl, the settings, train_seconds, the history, the test probabilities
    P (1, m_test), test_accuracy, test_errors and the misclassified examples (see evaluate.misclassified),
    plus "model": NumPy params or the Keras model.
    """
    if impl not in SETTINGS:
        raise ValueError(f"impl must be one of {sorted(SETTINGS)}; got {impl!r}")
    settings = {**SETTINGS[impl], **{k: v for k, v in overrides.items() if v is not None}}
    X, Y = data.load("train", size=size)
    X_test, Y_test = data.load("test", size=size)
    start = time.perf_counter()
    if impl == "numpy":
        model, history = training.train(X, Y, seed=seed, callback=callback, **settings)
        P = numpy_net.predict_proba(X_test, model, settings.get("hidden", "sigmoid"))
    else:
        from snippets import keras_net  # TensorFlow takes seconds to import: only when asked for

        model, history = keras_net.train(X, Y, seed=seed, callback=callback, **settings)
        P = keras_net.predict_proba(X_test, model)
    seconds = time.perf_counter() - start
    wrong = misclassified(X_test, Y_test, P)
    return {
        "impl": impl,
        **settings,
        "size": size,
        "seed": seed,
        "train_seconds": seconds,
        "history": history,
        "P": P,
        "test_accuracy": accuracy((P >= 0.5).astype(np.int64), Y_test),
        "test_errors": int(wrong["index"].size),
        "misclassified": wrong,
        "model": model,
    }


def _headline(impl: str) -> dict:
    result = run(impl)
    if impl == "keras":  # a Keras model does not pickle: keep its weights in the notes' layout
        from snippets import keras_net

        result["model"] = keras_net.from_keras(result["model"])
    return result


def headline(impl: str) -> dict:
    """The headline run of `impl` with the SETTINGS, as from `run`, computed once per build.

    "model" holds NumPy params for both implementations (`keras_net.to_keras` rebuilds the Keras model).
    """
    if impl not in SETTINGS:
        raise ValueError(f"impl must be one of {sorted(SETTINGS)}; got {impl!r}")
    return cache.cached(_headline, impl=impl)


def majority_class() -> dict:
    """The baseline that ignores the pixels: always answer the training set's most frequent label.

    Returns {"label", "test_accuracy", "test_errors", "test_count" (examples of that label), "m" (test digits)}.
    """
    _, Y = data.load("train")
    _, Y_test = data.load("test")
    label = int(Y.mean() >= 0.5)
    count = int(np.sum(Y_test == label))
    return {"label": label, "test_accuracy": count / Y_test.shape[1], "test_errors": Y_test.shape[1] - count,
            "test_count": count, "m": Y_test.shape[1]}  # fmt: skip


def _logistic_regression() -> dict:
    return run("numpy", layer_sizes=(data.load("train")[0].shape[0], 1))


def logistic_regression() -> dict:
    """The headline NumPy run with no hidden layer (400-1: one sigmoid unit), as from `run`, computed once per build.

    Same code, data, settings and seed as headline("numpy"): only the hidden layers are missing.
    """
    return cache.cached(_logistic_regression)


def baselines() -> list[dict]:
    """The test-set scores Home and Key takeaways compare: the majority class, logistic regression, then the
    headline NumPy and Keras networks. Each row: {"model", "test_accuracy", "test_errors", "m"}."""
    majority, logistic = majority_class(), logistic_regression()
    rows = [
        {"model": f"always {majority['label']} (the majority class)", **{k: majority[k] for k in ("test_accuracy",
         "test_errors", "m")}},
        {"model": "logistic regression, 400-1", "test_accuracy": logistic["test_accuracy"],
         "test_errors": logistic["test_errors"], "m": logistic["P"].shape[1]},
    ]  # fmt: skip
    for impl, name in (("numpy", "NumPy"), ("keras", "Keras")):
        run = headline(impl)
        rows.append({"model": f"network 400-25-15-1, {name}", "test_accuracy": run["test_accuracy"],
                     "test_errors": run["test_errors"], "m": run["P"].shape[1]})  # fmt: skip
    return rows


def _trace(X, Y, lr: float, epochs: int) -> dict:
    params = numpy_net.init_params((X.shape[0],) + numpy_net.LAYER_SIZES[1:], seed=0)
    trace = {"loss": [], "accuracy": [], "mean_output": [], "margin": [], "saturated": []}
    for _ in range(epochs):  # full batch: one step per epoch, so stepping one epoch at a time is the same run
        AL, cache = numpy_net.forward(X, params)  # the network the step starts from, as the history reports it
        params, history = training.train(X, Y, epochs=1, lr=lr, params=params)
        hidden = np.concatenate([cache["A1"].ravel(), cache["A2"].ravel()])
        trace["loss"] += history["loss"]
        trace["accuracy"] += history["accuracy"]
        trace["mean_output"].append(float(AL.mean()))
        trace["margin"].append(float(np.abs(AL - 0.5).mean()))
        trace["saturated"].append(float(np.mean((hidden < 0.01) | (hidden > 0.99))))
    return trace


def _learning_rates(rates: tuple, n: int, epochs: int) -> dict:
    X, Y = data.load("train", n=n)
    return {lr: _trace(X, Y, lr, epochs) for lr in rates}


# Gradient descent's three regimes, each run once per build: its page plots them and tests/test_claims.py checks
# what the page says of each.
THREE_RATES = {"too small": 0.05, "good": 2.0, "too large": 40.0}


def learning_rates(rates, *, n: int, epochs: int) -> dict:
    """Full-batch gradient descent on n training digits for each learning rate α, computed once per build.

    Returns {α: trace}, each trace a dict of per-epoch lists: "loss" and "accuracy" (as in a training
    history), "mean_output" (the mean ŷ over the n digits), "margin" (the mean |ŷ - 0.5|, how far
    from undecided the predictions are) and "saturated" (the fraction of hidden
    activations below 0.01 or above 0.99), all measured before that epoch's step.
    """
    return cache.cached(_learning_rates, rates=tuple(rates), n=n, epochs=epochs)


def _histories(runs: tuple, n: int | None, epochs: int) -> dict:
    X, Y = data.load("train", n=n)
    return {(lr, batch_size): training.train(X, Y, epochs=epochs, lr=lr, batch_size=batch_size)[1]
            for lr, batch_size in runs}  # fmt: skip


def histories(runs, *, n: int | None = None, epochs: int) -> dict:
    """Training histories of the NumPy network for several (lr, batch_size) pairs, computed once per build.

    runs: pairs (α, batch size or None for full batch); n: training digits (None: all 12,665).
    Returns {(lr, batch_size): {"loss": [...], "accuracy": [...]}}, one value per epoch.
    """
    return cache.cached(_histories, runs=tuple(tuple(r) for r in runs), n=n, epochs=epochs)


def _like_for_like() -> dict:
    from snippets import keras_net

    numpy_run, settings = headline("numpy"), SETTINGS["numpy"]
    X, Y = data.load("train")
    X_test, Y_test = data.load("test")
    start = numpy_net.init_params((X.shape[0],) + numpy_net.LAYER_SIZES[1:], seed=0)  # the NumPy run's start
    # steps_per_execution only changes speed (see the benchmark page): 32 batches per call into the compiled graph
    model = keras_net.to_keras(start, lr=settings["lr"], optimizer="sgd", steps_per_execution=32)
    orders = training.epoch_orders(X.shape[1], seed=0)  # the NumPy run's batches, in its order
    model, history = keras_net.train(X, Y, epochs=settings["epochs"], batch_size=settings["batch_size"], model=model,
                                     orders=orders)  # fmt: skip
    P = keras_net.predict_proba(X_test, model)
    gap = np.abs(np.array(history["loss"]) - np.array(numpy_run["history"]["loss"]))
    return {**settings, "history": history, "P": P, "test_errors": int(np.sum((P >= 0.5) != Y_test)),
            "test_accuracy": accuracy((P >= 0.5).astype(np.int64), Y_test), "largest_loss_gap": float(gap.max()),
            "largest_loss_gap_epoch": int(gap.argmax()) + 1}  # fmt: skip


def like_for_like() -> dict:
    """Keras with SGD(α) (plain gradient descent), the headline NumPy run's settings, initial weights and batches.

    Computed once per build. Returns the settings, "history", the test probabilities "P" (1, m_test),
    "test_errors", "test_accuracy", and "largest_loss_gap": the largest |loss_keras - loss_numpy| over the
    epochs of the two histories, at epoch "largest_loss_gap_epoch" (1-based).
    """
    return cache.cached(_like_for_like)
