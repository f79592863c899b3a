"""Overfitting that costs accuracy, and L2 regularisation against it, on this network.

The overfitting set: NOISY["n"] class-balanced digits of the fit part of the training split, NOISY["flipped"] of
their labels flipped (seeded). The network can learn every one of them, wrong labels included; the validation
digits (their labels right) show what that costs. L2 adds (λ / 2m) Σ_l ||W[l]||² to J, so each dW[l] gains
(λ / m) W[l]: weight decay.
"""

import numpy as np

from snippets import data
from snippets.checks import as_examples, as_labels, positive_int, positive_number
from snippets.course import cache
from snippets.losses import bce_from_logits
from snippets.numpy_net import backward_pass, check_params, forward_pass, init_params, predict, update_step
from snippets.training import batcher

NOISY = {"n": 100, "flipped": 20, "epochs": 300, "batch_size": 10, "lr": 0.5, "seed": 0}
LAMBDAS = (0.0, 1.0, 3.0)  # λ of the runs the Generalization page compares


def noisy_set(n: int = NOISY["n"], flipped: int = NOISY["flipped"], seed: int = NOISY["seed"]):
    """n class-balanced fit digits with `flipped` of their labels flipped, and the validation digits.

    Returns (X (400, n), Y (1, n) with the flipped labels, flipped: the indices flipped), (X_val, Y_val).
    """
    n, flipped = positive_int("n", n), int(flipped)
    if not 0 <= flipped <= n:
        raise ValueError(f"flipped must be between 0 and n = {n}; got {flipped}")
    (X, Y), validation = data.load_holdout()
    keep = data.balanced_subset(Y.ravel(), n)
    X, Y = X[:, keep], Y[:, keep].copy()
    which = np.sort(np.random.default_rng(seed).choice(n, flipped, replace=False))
    Y[0, which] = 1 - Y[0, which]
    return (X, Y, which), validation


# --8<-- [start:l2]
def l2_cost(J, params, lambd, m):
    """J + (λ / 2m) Σ_l ||W[l]||²: the cost with L2 regularisation (the biases are not penalised)."""
    L = check_params(params)
    return J + lambd / (2 * m) * sum(np.sum(params[f"W{l}"] ** 2) for l in range(1, L + 1))


def l2_grads(grads, params, lambd, m):
    """dW[l] + (λ / m) W[l]: the gradients of l2_cost; db[l] unchanged."""
    return {key: g + lambd / m * params[key[1:]] if key.startswith("dW") else g for key, g in grads.items()}


# --8<-- [end:l2]


def train_l2(X, Y, lambd, *, epochs, lr, batch_size=None, seed=0, validation=None):
    """Gradient descent on l2_cost, sigmoid units, 400-25-15-1 (as training.train, with λ). X: (400, m); Y: (1, m).

    Returns params and a history: "loss" (the regularised cost) and "accuracy" per epoch, and with validation
    (X_val, Y_val), "val_loss" (cross-entropy alone) and "val_accuracy" after each epoch.
    """
    X, lambd = as_examples("X", X), float(lambd)
    Y = as_labels("Y", Y, m=X.shape[1])
    if lambd < 0:
        raise ValueError(f"lambd (λ) must be 0 or more; got {lambd}")
    epochs, lr = positive_int("epochs", epochs), positive_number("lr", lr)
    params = init_params((X.shape[0], 25, 15, 1), seed)
    history, batches = (
        {"loss": [], "accuracy": [], "val_loss": [], "val_accuracy": []},
        batcher(X, Y, batch_size, seed),
    )
    for _ in range(epochs):
        for Xb, Yb in batches():
            AL, stored = forward_pass(Xb, params, 3)
            # the penalty is on J over all m examples: each batch's step decays W by (λ / m) W, m = X.shape[1]
            grads = l2_grads(backward_pass(Yb, params, stored, 3), params, lambd, X.shape[1])
            params = update_step(params, grads, lr)
        AL, stored = forward_pass(X, params, 3)
        history["loss"].append(l2_cost(bce_from_logits(stored["Z3"], Y), params, lambd, X.shape[1]))
        history["accuracy"].append(float(np.mean((AL >= 0.5) == Y)))
        if validation is not None:
            AV, stored = forward_pass(validation[0], params, 3)
            history["val_loss"].append(bce_from_logits(stored["Z3"], validation[1]))
            history["val_accuracy"].append(float(np.mean((AV >= 0.5) == validation[1])))
    return params, history


def _noisy_runs(lambdas: tuple) -> dict:
    (X, Y, flipped), validation = noisy_set()
    runs = {}
    for lambd in lambdas:
        params, history = train_l2(X, Y, lambd, validation=validation, **{k: NOISY[k] for k in ("epochs", "lr",
                                   "batch_size", "seed")})  # fmt: skip
        wrong_fit = (predict(X, params) != Y)[0]
        runs[lambd] = {"history": history, "flipped_learnt": int(np.sum(~wrong_fit[flipped]))}
    return {**NOISY, "m_val": validation[0].shape[1], "runs": runs}


def noisy_runs(lambdas: tuple = LAMBDAS) -> dict:
    """The network trained on the noisy set with each λ, computed once per build. Returns NOISY's settings, "m_val"
    and "runs": {λ: {"history", "flipped_learnt": how many flipped labels the final weights reproduce}}."""
    return cache.cached(_noisy_runs, lambdas=tuple(float(lambd) for lambd in lambdas))
