"""Does the network generalise? Validation curves on held-out training digits, and overfitting on a few digits.

The validation digits come from the training split (data.load_holdout); the test set is not used to choose
anything, and scores each final model once.
"""

import numpy as np

from snippets import data, numpy_net, training
from snippets.checks import positive_int
from snippets.course import cache, results

SMALL = {"n": 100, "epochs": 300, "batch_size": 10, "lr": 0.5}  # the overfitting run: few digits, many epochs
PATIENCE = 20  # epochs without a new best validation loss before early stopping stops


def _holdout_runs() -> dict:
    from snippets import keras_net  # TensorFlow takes seconds to import

    (X, Y), validation = data.load_holdout()
    X_test, Y_test = data.load("test")
    runs = {}
    settings = results.SETTINGS["numpy"]
    params, history = training.train(X, Y, validation=validation, **settings)
    runs["numpy"] = {**settings, "history": history, "P": numpy_net.predict_proba(X_test, params)}
    settings = results.SETTINGS["keras"]
    # steps_per_execution only changes speed (see the benchmark): 32 batches per call into the compiled graph
    model, history = keras_net.train(X, Y, validation=validation, steps_per_execution=32, **settings)
    runs["keras"] = {**settings, "history": history, "P": keras_net.predict_proba(X_test, model)}
    for run in runs.values():
        run["test_errors"] = int(np.sum((run.pop("P") >= 0.5) != Y_test))
    return {"m_fit": X.shape[1], "m_val": validation[0].shape[1], "m_test": X_test.shape[1], "runs": runs}


def holdout_runs() -> dict:
    """Both implementations with the headline settings, trained on the fit part of the training split and scored
    on its validation part after every epoch; computed once per build.

    Returns {"m_fit", "m_val", "m_test", "runs": {"numpy", "keras"}}: each run holds its settings, "history" (loss,
    accuracy, val_loss, val_accuracy per epoch) and "test_errors" of the final weights on the m_test test digits.
    """
    return cache.cached(_holdout_runs)


def early_stopping(val_loss, patience: int = PATIENCE) -> dict:
    """Where early stopping on val_loss (one value per epoch) stops, as Keras' EarlyStopping(patience) does.

    Returns {"best": the epoch (1-based) of the lowest loss, whose weights are kept, "stop": the epoch training
    stops after, patience epochs without a new best, or the last epoch if that never happens}.
    """
    losses = np.asarray(val_loss, dtype=float).ravel()
    if losses.size == 0:
        raise ValueError("val_loss is empty; expected one validation loss per epoch")
    patience = positive_int("patience", patience)
    best = 0
    for epoch in range(1, losses.size):
        if losses[epoch] < losses[best]:
            best = epoch
        elif epoch - best >= patience:
            return {"best": best + 1, "stop": epoch + 1}
    return {"best": best + 1, "stop": int(losses.size)}


def _small_run(n: int, epochs: int, batch_size: int, lr: float) -> dict:
    (X, Y), validation = data.load_holdout()
    keep = data.balanced_subset(Y.ravel(), n)
    _, history = training.train(X[:, keep], Y[:, keep], epochs=epochs, batch_size=batch_size, lr=lr,
                                validation=validation)  # fmt: skip
    return {**SMALL, "n": n, "history": history, "m_val": validation[0].shape[1]}


def small_run() -> dict:
    """The NumPy network trained on SMALL["n"] class-balanced digits of the fit part, scored on the validation part
    every epoch; computed once per build. Returns SMALL's settings, "history" and "m_val"."""
    return cache.cached(_small_run, **{k: SMALL[k] for k in ("n", "epochs", "batch_size", "lr")})
