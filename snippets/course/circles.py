"""Where hidden layers matter: two rings of points, which no straight line separates.

On the digits a single sigmoid unit (logistic regression) is already almost perfect (results.logistic_regression),
so they cannot show what hidden layers add. Here the classes are an inner and an outer ring in the plane:
a network without hidden layers can only draw a straight boundary, one hidden layer can bend it round.
"""

import numpy as np

from snippets import numpy_net, training
from snippets.checks import positive_int, positive_number
from snippets.course import cache

# Name -> layer sizes (n[0] = 2 coordinates ... n[L] = 1 output), all sigmoid units as in the digit network.
NETWORKS = {
    "no hidden layer": (2, 1),
    "one hidden layer of 8": (2, 8, 1),
    "two hidden layers of 8": (2, 8, 8, 1),
}
SETTINGS = {"epochs": 2000, "lr": 2.0}  # full-batch gradient descent, as on the gradient-descent page


def rings(m: int = 400, *, noise: float = 0.1, seed: int = 0):
    """m points, half on a ring of radius 0.5 (y = 1) and half on a ring of radius 1 (y = 0), radius noise `noise`.

    Returns X: (2, m), one point (x1, x2) per column, and Y: (1, m) labels 0/1, alternating.
    """
    m, noise = positive_int("m", m), positive_number("noise", noise)
    rng = np.random.default_rng(seed)
    Y = (np.arange(m) % 2).reshape(1, m).astype(float)
    radius = np.where(Y == 1, 0.5, 1.0) + rng.normal(0.0, noise, (1, m))
    angle = rng.uniform(0.0, 2 * np.pi, (1, m))
    return np.vstack([radius * np.cos(angle), radius * np.sin(angle)]), Y


def _fit_all(m: int, seed: int) -> dict:
    X, Y = rings(m, seed=seed)
    X_test, Y_test = rings(m, seed=seed + 1)  # a second draw of the same rings
    fits = {}
    for name, sizes in NETWORKS.items():
        params, history = training.train(X, Y, layer_sizes=sizes, seed=seed, **SETTINGS)
        fits[name] = {
            "layer_sizes": sizes,
            "params": params,
            "history": history,
            "train_accuracy": float(np.mean(numpy_net.predict(X, params) == Y)),
            "test_accuracy": float(np.mean(numpy_net.predict(X_test, params) == Y_test)),
        }
    return fits


def fit_all(m: int = 400, seed: int = 0) -> dict:
    """Each network of NETWORKS trained on rings(m, seed=seed) and scored on rings(m, seed=seed + 1).

    Returns {name: {"layer_sizes", "params", "history", "train_accuracy", "test_accuracy"}}, computed once per build.
    """
    return cache.cached(_fit_all, m=positive_int("m", m), seed=seed)
