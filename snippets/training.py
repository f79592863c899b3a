"""Gradient descent for the NumPy network: full batch or seeded mini-batches, with a Keras-like history."""

import numpy as np

from snippets.activations import hidden as hidden_activation
from snippets.checks import as_examples, as_labels, expect_rows, positive_int, positive_number
from snippets.losses import bce_from_logits
from snippets.numpy_net import LAYER_SIZES, backward_pass, check_params, forward_pass, init_params, update_step


def epoch_orders(m: int, seed: int = 0):
    """The order of the m examples in each epoch of a mini-batch run with `seed`: an endless iterator of
    permutations (m,). `train` draws them so; `keras_net.train` can follow them (a like-for-like run)."""
    rng = np.random.default_rng(seed)
    while True:
        yield rng.permutation(m)


def batcher(X, Y, batch_size, seed):
    """A function that yields one epoch of (X_batch, Y_batch) column blocks, reshuffled every call.

    Full batch when batch_size is None or >= m. Otherwise X^T is made contiguous once: gathering
    its rows (whole examples) once per epoch and then slicing is far cheaper than gathering
    scattered columns of X at every step.
    """
    m = X.shape[1]
    if batch_size is None or batch_size >= m:
        return lambda: iter([(X, Y)])
    X_rows, orders = np.ascontiguousarray(X.T), epoch_orders(m, seed)

    def epoch():
        order = next(orders)
        Xs, Ys = X_rows[order], Y[:, order]
        for start in range(0, m, batch_size):
            yield Xs[start : start + batch_size].T, Ys[:, start : start + batch_size]

    return epoch


def train(X, Y, *, layer_sizes=None, epochs=100, lr=1.0, batch_size=None, seed=0, params=None, hidden="sigmoid",
          validation=None, callback=None):  # fmt: skip
    """Train by gradient descent on the mean cross-entropy.

    Args:
        X: (n[0], m) examples as columns; Y: (1, m) labels 0/1.
        layer_sizes: defaults to (n[0], 25, 15, 1); ignored when `params` is given.
        epochs: passes over the data; lr: the learning rate α.
        batch_size: None for full-batch gradient descent, else mini-batches reshuffled each epoch.
        seed: seeds the initial weights and the shuffling.
        params: start from these instead of init_params(layer_sizes, seed).
        hidden: the hidden layers' activation, "sigmoid", "tanh" or "relu" (the output unit is a sigmoid).
        validation: (X_val, Y_val), held-out examples scored after each epoch.
        callback: called as callback(epoch, history) after each epoch (progress bars).

    Returns:
        params, and history {"loss": [...], "accuracy": [...]}: per epoch, the mean over its batches
        of the loss and accuracy before each step (what Keras' fit reports). With `validation`, also
        "val_loss" and "val_accuracy" of the weights at the end of each epoch (as Keras' fit reports them).
    """
    X = as_examples("X", X)
    Y = as_labels("Y", Y, m=X.shape[1])
    epochs, lr = positive_int("epochs", epochs), positive_number("lr", lr)
    if batch_size is not None:
        batch_size = positive_int("batch_size", batch_size)
    if params is None:
        params = init_params(layer_sizes or (X.shape[0],) + LAYER_SIZES[1:], seed)
    L = check_params(params)
    expect_rows("X", X, params["W1"].shape[1])  # X is validated above: only its shape against W1 is left
    g, g_prime = hidden_activation(hidden)
    after_epoch = _after_epoch(validation, params["W1"].shape[1], L, g, callback)
    batches = batcher(X, Y, batch_size, seed)
    return _gradient_descent(params, L, batches, X.shape[1], epochs, lr, g, g_prime, after_epoch)


def _after_epoch(validation, n0, L, g, callback):
    """after_epoch(epoch, history, params): scores (X_val, Y_val) into the history, then calls `callback`."""
    if validation is None:
        return None if callback is None else lambda epoch, history, params: callback(epoch, history)
    if not isinstance(validation, tuple | list) or len(validation) != 2:
        raise ValueError("validation must be a pair (X_val, Y_val): examples as columns, labels (1, m_val)")
    X_val = as_examples("X_val", validation[0], n_rows=n0)
    Y_val = as_labels("Y_val", validation[1], m=X_val.shape[1])

    def score(epoch, history, params):
        AL, cache = forward_pass(X_val, params, L, g)
        history.setdefault("val_loss", []).append(bce_from_logits(cache[f"Z{L}"], Y_val))
        history.setdefault("val_accuracy", []).append(float(np.mean((AL >= 0.5) == Y_val)))
        if callback is not None:
            callback(epoch, history)

    return score


# --8<-- [start:train]
def _gradient_descent(params, L, batches, m, epochs, lr, g, g_prime, after_epoch=None):
    history = {"loss": [], "accuracy": []}
    for epoch in range(epochs):
        loss_sum = correct = 0.0
        for Xb, Yb in batches():  # one full batch, or mini-batches reshuffled each epoch
            AL, cache = forward_pass(Xb, params, L, g)  # forward propagation: A[L] = ŷ
            # J of the batch (weighted by its size), from Z[L] as Keras' fit does for a sigmoid output:
            # exact where ŷ rounds to 0 or 1, which clipping ŷ would cap at -ln(1e-7) = 16.1
            loss_sum += bce_from_logits(cache[f"Z{L}"], Yb) * Yb.shape[1]
            correct += np.sum((AL >= 0.5) == Yb)
            grads = backward_pass(Yb, params, cache, L, g_prime)  # backpropagation: dW[l], db[l]
            params = update_step(params, grads, lr)  # W[l] := W[l] - α dW[l], same for b[l]
        history["loss"].append(loss_sum / m)
        history["accuracy"].append(correct / m)
        if after_epoch is not None:  # validation scores, progress bars
            after_epoch(epoch, history, params)
    return params, history


# --8<-- [end:train]
