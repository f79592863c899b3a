"""Initial weights, and what they do before training: the spread of each layer's activations, and symmetry.

The network's own start is Glorot uniform (numpy_net.init_params), the formula Keras' Dense uses by default.
"""

import numpy as np

from snippets import data, numpy_net, training
from snippets.course import cache, circles, results
from snippets.numpy_net import check_params, checked_sizes


def zeros(layer_sizes=numpy_net.LAYER_SIZES) -> dict[str, np.ndarray]:
    """Every weight and bias 0: {"W1": (n[1], n[0]), "b1": (n[1], 1), ...}, the shapes of init_params."""
    return {key: np.zeros_like(value) for key, value in numpy_net.init_params(layer_sizes).items()}


def normal(layer_sizes=numpy_net.LAYER_SIZES, *, scale: float = 1.0, seed: int = 0) -> dict[str, np.ndarray]:
    """Weights drawn from N(0, scale²) whatever the layer's size, zero biases; shapes as init_params."""
    sizes, rng = checked_sizes(layer_sizes), np.random.default_rng(seed)
    params = {}
    for l in range(1, len(sizes)):
        params[f"W{l}"] = scale * rng.standard_normal((sizes[l], sizes[l - 1]))
        params[f"b{l}"] = np.zeros((sizes[l], 1))
    return params


# name -> initial params of the 400-25-15-1 network: the project's start and two that break its rule
SCHEMES = {
    "Glorot uniform (this network, Keras' default)": lambda: numpy_net.init_params(seed=0),
    "N(0, 1)": lambda: normal(scale=1.0),
    "0.01 N(0, 1)": lambda: normal(scale=0.01),
}


def spread(X, params, hidden: str = "sigmoid") -> list[dict]:
    """One row per layer l of the first forward pass on X (n[0], m): {"layer", "std_Z", "std_A", "saturated"}.

    std_Z, std_A: the standard deviation of Z[l] and A[l] over units and examples; saturated: the fraction
    of A[l] below 0.01 or above 0.99 (where σ' < 0.01).
    """
    L = check_params(params)
    _, cache_ = numpy_net.forward(X, params, hidden)
    return [
        {"layer": l, "std_Z": float(cache_[f"Z{l}"].std()), "std_A": float(cache_[f"A{l}"].std()),
         "saturated": float(np.mean((cache_[f"A{l}"] < 0.01) | (cache_[f"A{l}"] > 0.99)))}
        for l in range(1, L + 1)
    ]  # fmt: skip


# --8<-- [start:unit-difference]
def unit_difference(params) -> list[float]:
    """For each hidden layer l: the largest difference between two of its units' incoming weights and biases,
    the max over units j, k and columns i of `|Wb[j, i] - Wb[k, i]|`, where Wb is W[l] with b[l] as a last
    column. 0 means every unit of the layer is the same unit."""
    L = check_params(params)
    return [float(np.ptp(np.hstack([params[f"W{l}"], params[f"b{l}"]]), axis=0).max()) for l in range(1, L)]


# --8<-- [end:unit-difference]


def _symmetry() -> dict:
    digits = results.run("numpy", params=zeros())
    X, Y = circles.rings(seed=0)
    X_new, Y_new = circles.rings(seed=1)
    rings = {}
    for name, sizes in circles.NETWORKS.items():
        if len(sizes) > 2:  # only networks with hidden layers have units to tell apart
            params, _ = training.train(X, Y, params=zeros(sizes), **circles.SETTINGS)
            rings[name] = {"unit_difference": unit_difference(params),
                           "test_accuracy": float(np.mean(numpy_net.predict(X_new, params) == Y_new))}  # fmt: skip
    return {"digits": {**{k: digits[k] for k in ("history", "test_errors", "test_accuracy")},
                       "unit_difference": unit_difference(digits["model"]),
                       "largest_weight": [float(np.abs(digits["model"][f"W{l}"]).max()) for l in (1, 2)]},
            "rings": rings}  # fmt: skip


def symmetry() -> dict:
    """Training from all-zero weights, computed once per build.

    "digits": the headline NumPy run's settings from zeros: its "history", "test_errors", "test_accuracy",
    "unit_difference" (per hidden layer, after training) and "largest_weight" (max |W[l]|, l = 1, 2);
    "rings": for each ring network with hidden layers, its "unit_difference" and "test_accuracy" from zeros.
    """
    return cache.cached(_symmetry)


def _starts(m: int) -> dict:
    from snippets.course.hidden_layers import at_start

    X_spread, _ = data.load("train", n=m)
    X, Y = data.load("train")
    found = {}
    for name, make in SCHEMES.items():
        params = make()
        run = results.headline("numpy") if name.startswith("Glorot") else results.run("numpy", params=params)
        grad_norms = at_start(X, Y, params, "sigmoid")["grad_norms"]
        found[name] = {"spread": spread(X_spread, params), "grad_norms": grad_norms,
                       "history": run["history"], "test_errors": run["test_errors"]}  # fmt: skip
    return found


def starts(m: int = 2000) -> dict:
    """For each of SCHEMES, computed once per build: "spread" (spread on m class-balanced training digits), "grad_norms"
    (‖dW[l]‖ of the first backward pass on all training digits) and the headline NumPy run's settings from that
    start ("history", "test_errors"); the Glorot row is the headline run itself."""
    return cache.cached(_starts, m=m)
