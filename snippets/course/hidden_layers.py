"""Sigmoid, tanh or ReLU in the hidden layers (the output stays a sigmoid): the same network, data, start and
settings as the headline NumPy run, with only the hidden activation changed."""

import numpy as np

from snippets import data, numpy_net
from snippets.activations import hidden as hidden_activation
from snippets.course import cache, results

ACTIVATIONS = ("sigmoid", "tanh", "relu")


def at_start(X, Y, params, hidden: str) -> dict:
    """The first backward pass on (X, Y) from `params` with `hidden` units.

    Returns {"grad_norms": [‖dW[l]‖ for l = 1..L] (Frobenius norms), "mean_g_prime": [the mean of g'(Z[l])
    over units and examples, for each hidden layer l]}.
    """
    _, g_prime = hidden_activation(hidden)
    L = numpy_net.check_params(params)
    _, cache_ = numpy_net.forward(X, params, hidden)
    grads = numpy_net.backward(Y, params, cache_, hidden)
    return {"grad_norms": [float(np.linalg.norm(grads[f"dW{l}"])) for l in range(1, L + 1)],
            "mean_g_prime": [float(g_prime(cache_[f"A{l}"]).mean()) for l in range(1, L)]}  # fmt: skip


def _compare() -> dict:
    X, Y = data.load("train")
    start = numpy_net.init_params(seed=0)  # the start of every run below (results.run's seed 0)
    found = {}
    for name in ACTIVATIONS:
        run = results.headline("numpy") if name == "sigmoid" else results.run("numpy", hidden=name)
        found[name] = {**at_start(X, Y, start, name),
                       **{key: run[key] for key in ("history", "test_errors", "test_accuracy")}}  # fmt: skip
    return found


def compare() -> dict:
    """For each of ACTIVATIONS, computed once per build: at_start on all 12,665 training digits, and the run with
    the headline settings ("history", "test_errors", "test_accuracy"); sigmoid is the headline run itself."""
    return cache.cached(_compare)
