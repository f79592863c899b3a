"""A fully connected network in NumPy, in the notes' notation: a sigmoid output, sigmoid hidden layers by default.

Layer l computes Z[l] = W[l] A[l-1] + b[l] and A[l] = g(Z[l]), with A[0] = X.
Shapes: W[l] (n[l], n[l-1]), b[l] (n[l], 1), Z[l] and A[l] (n[l], m): one example per column.
Params are a dict {"W1", "b1", "W2", ...}; gradients use the same keys with a "d" in front.
"""

import numpy as np

from snippets.activations import HIDDEN, stable_sigmoid
from snippets.activations import hidden as hidden_activation
from snippets.checks import as_array, as_examples, as_labels, positive_int, positive_number

LAYER_SIZES = (400, 25, 15, 1)  # the course's network: 400 inputs, hidden 25 and 15, one output


# --8<-- [start:dense]
def dense_loop(A_prev, W, b, g=stable_sigmoid):
    """One layer, non-vectorized: a dot product per unit j and example i, as in the notes.

    A_prev: (n_in, m); W: (n_out, n_in); b: (n_out, 1). Returns A: (n_out, m).
    """
    A_prev, W, b = _check_layer(A_prev, W, b)
    n_out, m = W.shape[0], A_prev.shape[1]
    A = np.zeros((n_out, m))
    for j in range(n_out):
        for i in range(m):
            z = np.dot(W[j], A_prev[:, i]) + b[j, 0]
            A[j, i] = g(np.asarray(z))
    return A


def dense(A_prev, W, b, g=stable_sigmoid):
    """One layer, vectorized: A = g(W A_prev + b), b broadcast across the m columns."""
    A_prev, W, b = _check_layer(A_prev, W, b)
    return g(W @ A_prev + b)


# --8<-- [end:dense]


def _check_layer(A_prev, W, b):
    W = as_array("W", W, ndim=2)
    A_prev = as_examples("A_prev", A_prev, n_rows=W.shape[1])
    b = as_array("b", b)
    if b.shape != (W.shape[0], 1):
        raise ValueError(f"b must have shape ({W.shape[0]}, 1), one bias per unit of W; got {b.shape}")
    return A_prev, W, b


def init_params(layer_sizes=LAYER_SIZES, seed: int = 0) -> dict[str, np.ndarray]:
    """Glorot-uniform weights (Keras' default) and zero biases.

    layer_sizes: (n[0], n[1], ..., n[L]). Returns {"W1": (n[1], n[0]), "b1": (n[1], 1), ...}.
    """
    sizes = checked_sizes(layer_sizes)
    rng = np.random.default_rng(seed)
    params = {}
    for l in range(1, len(sizes)):
        limit = glorot_limit(sizes[l - 1], sizes[l])
        params[f"W{l}"] = rng.uniform(-limit, limit, size=(sizes[l], sizes[l - 1]))
        params[f"b{l}"] = np.zeros((sizes[l], 1))
    return params


def glorot_limit(n_in: int, n_out: int) -> float:
    """r = sqrt(6 / (n_in + n_out)): Glorot-uniform weights are drawn from U(-r, r)."""
    return float(np.sqrt(6.0 / (n_in + n_out)))


def checked_sizes(layer_sizes) -> tuple[int, ...]:
    sizes = tuple(layer_sizes)
    if len(sizes) < 2:
        raise ValueError(f"layer_sizes needs an input and an output size, e.g. {LAYER_SIZES}; got {sizes}")
    return tuple(positive_int(f"layer_sizes[{i}]", n) for i, n in enumerate(sizes))


def check_params(params) -> int:
    """Check that W1, b1, ..., WL, bL chain together; return L, the number of layers."""
    if not isinstance(params, dict) or "W1" not in params:
        raise ValueError("params must be a dict with keys W1, b1, W2, b2, ... (see init_params)")
    L = sum(1 for key in params if key.startswith("W"))
    for l in range(1, L + 1):
        W = as_array(f"W{l}", params.get(f"W{l}"), ndim=2)
        b = as_array(f"b{l}", params.get(f"b{l}"))
        if b.shape != (W.shape[0], 1):
            raise ValueError(f"b{l} must have shape ({W.shape[0]}, 1) to match W{l} {W.shape}; got {b.shape}")
        if l > 1 and W.shape[1] != params[f"W{l - 1}"].shape[0]:
            raise ValueError(
                f"W{l} must have {params[f'W{l - 1}'].shape[0]} columns (units of layer {l - 1}); got {W.shape}"
            )
    return L


# --8<-- [start:forward]
def forward_pass(X, params, L, g=stable_sigmoid):
    """forward on checked inputs, X (n[0], m): returns A[L] (n[L], m) and the cache."""
    cache = {"A0": X}
    for l in range(1, L + 1):
        cache[f"Z{l}"] = params[f"W{l}"] @ cache[f"A{l - 1}"] + params[f"b{l}"]  # Z[l] = W[l] A[l-1] + b[l]
        cache[f"A{l}"] = (g if l < L else stable_sigmoid)(cache[f"Z{l}"])  # A[l] = g(Z[l]); the output is σ
    return cache[f"A{L}"], cache


# --8<-- [end:forward]


def forward(X, params, hidden: str = "sigmoid"):
    """Forward propagation. X: (n[0], m). Returns A[L]: (n[L], m) and the cache of every Z[l], A[l].

    hidden: the hidden layers' activation, "sigmoid", "tanh" or "relu"; the output unit is always a sigmoid.
    """
    L = check_params(params)
    g, _ = hidden_activation(hidden)
    return forward_pass(as_examples("X", X, n_rows=params["W1"].shape[1]), params, L, g)


# --8<-- [start:backward]
def backward_pass(Y, params, cache, L, g_prime=HIDDEN["sigmoid"][1]):
    """backward on checked inputs, Y (1, m): returns each dW[l] like W[l], db[l] like b[l]."""
    m = Y.shape[1]
    grads = {}
    dZ = cache[f"A{L}"] - Y  # dZ[L] = A[L] - Y; column i is ∂L(i)/∂z[L](i), example i's own loss
    for l in range(L, 0, -1):
        A_prev = cache[f"A{l - 1}"]
        grads[f"dW{l}"] = dZ @ A_prev.T / m  # dW[l] = ∂J/∂W[l] = (1/m) dZ[l] A[l-1]^T: J is the mean loss
        grads[f"db{l}"] = dZ.sum(axis=1, keepdims=True) / m  # db[l] = ∂J/∂b[l] = (1/m) Σ_i dZ[l](i)
        if l > 1:
            dZ = (params[f"W{l}"].T @ dZ) * g_prime(A_prev)  # dZ[l-1] = W[l]^T dZ[l] * g'(Z[l-1]); σ' = A(1 - A)
    return grads


# --8<-- [end:backward]


def backward(Y, params, cache, hidden: str = "sigmoid"):
    """Backpropagation of the mean cross-entropy J. Y: (1, m); hidden: as given to forward.

    Returns {"dW1": ∂J/∂W1, like W1, "db1": ∂J/∂b1, like b1, ...}. Inside, dZ[l] (n[l], m) holds in
    each column the derivative of that example's own loss with respect to its z[l], so the 1/m of
    the mean enters once, in dW and db.
    """
    L = check_params(params)
    if not isinstance(cache, dict) or f"A{L}" not in cache:
        raise ValueError(f"cache must be the dict returned by forward (with A0 ... A{L})")
    _, g_prime = hidden_activation(hidden)
    return backward_pass(as_labels("Y", Y, m=cache[f"A{L}"].shape[1]), params, cache, L, g_prime)


# --8<-- [start:update]
def update_step(params, grads, lr):
    """update on checked inputs: every θ := θ - lr dθ, as new arrays."""
    return {key: value - lr * grads["d" + key] for key, value in params.items()}  # θ := θ - α dθ


# --8<-- [end:update]


def update(params, grads, lr):
    """One gradient-descent step, returned as new params (the inputs are left unchanged)."""
    check_params(params)
    missing = sorted(f"d{key}" for key in params if f"d{key}" not in grads)
    if missing:
        raise ValueError(f"grads lacks {missing}; expected one gradient per parameter, as backward returns")
    return update_step(params, grads, positive_number("lr", lr))


def predict_proba(X, params, hidden: str = "sigmoid"):
    """P(y = 1 | x) for each column of X: (1, m)."""
    return forward(X, params, hidden)[0]


def predict(X, params, threshold: float = 0.5, hidden: str = "sigmoid"):
    """Predicted labels (1, m) as 0/1 integers: 1 where the probability is at least `threshold`."""
    return (predict_proba(X, params, hidden) >= threshold).astype(np.int64)
