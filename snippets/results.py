"""The headline experiment: both implementations trained on all 12,665 training digits, tested on 2,115."""

import time

import numpy as np

from snippets import data, numpy_net, training
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
        P = numpy_net.predict_proba(X_test, model)
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
