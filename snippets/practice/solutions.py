"""Reference solutions to the coding exercises, written as a learner would, in the notes' notation.

Shapes: W (n_out, n_in), one row per unit; b (n_out, 1), or (n_out,) for a single example; examples are
the columns of A. `snippets.practice` checks each exercise against `snippets.numpy_net`; these pass.
"""

import numpy as np


# --8<-- [start:my_dense]
def my_dense(a_in, W, b, g):
    """One layer on one example, unit by unit. a_in: (n_in,); W: (n_out, n_in); b: (n_out,). Returns a: (n_out,)."""
    n_out = W.shape[0]  # one row of W per unit
    a = np.zeros(n_out)
    for j in range(n_out):
        z = np.dot(W[j], a_in) + b[j]  # z_j = w_j · a_in + b_j
        a[j] = g(z)  # a_j = g(z_j)
    return a


# --8<-- [end:my_dense]


# --8<-- [start:my_dense_v]
def my_dense_v(A_in, W, b, g):
    """One layer on m examples at once. A_in: (n_in, m); W: (n_out, n_in); b: (n_out, 1). Returns A: (n_out, m)."""
    Z = np.matmul(W, A_in) + b  # Z = W A_in + b: the column b is added to each of the m columns
    return g(Z)


# --8<-- [end:my_dense_v]


# --8<-- [start:my_model]
def my_model():
    """The course's network in Keras: 400 inputs, then Dense layers of 25, 15 and 1 sigmoid units."""
    import keras  # here rather than at the top, so that importing the NumPy solutions stays fast

    return keras.Sequential(
        [
            keras.Input(shape=(400,)),  # 20 x 20 pixels; Keras takes examples as rows, X^T
            keras.layers.Dense(25, activation="sigmoid"),
            keras.layers.Dense(15, activation="sigmoid"),
            keras.layers.Dense(1, activation="sigmoid"),  # P(y = 1 | x)
        ]
    )


# --8<-- [end:my_model]


# --8<-- [start:my_backward]
def my_backward(X, Y, params, cache):
    """Gradients of the mean cross-entropy for L sigmoid layers. X: (n[0], m); Y: (1, m); cache: {"A0": X, "A1", ...}.

    Returns {"dW1": (n[1], n[0]), "db1": (n[1], 1), ..., "dWL", "dbL"}, each shaped like its parameter.
    """
    L = len(params) // 2  # W1, b1, ..., WL, bL
    m = X.shape[1]
    grads = {}
    dZ = cache[f"A{L}"] - Y  # dZ[L] = A[L] - Y: sigmoid output with cross-entropy
    for l in range(L, 0, -1):
        A_prev = cache[f"A{l - 1}"]
        grads[f"dW{l}"] = (1 / m) * np.dot(dZ, A_prev.T)  # dW[l] = (1/m) dZ[l] A[l-1]^T
        grads[f"db{l}"] = (1 / m) * np.sum(dZ, axis=1, keepdims=True)  # db[l] = (1/m) Σ_i dZ[l](i)
        if l > 1:
            dA_prev = np.dot(params[f"W{l}"].T, dZ)  # dA[l-1] = W[l]^T dZ[l]
            dZ = dA_prev * A_prev * (1 - A_prev)  # dZ[l-1] = dA[l-1] * σ'(Z[l-1]), σ' = A (1 - A)
    return grads


# --8<-- [end:my_backward]


# --8<-- [start:my_update]
def my_update(params, grads, alpha):
    """One gradient-descent step θ := θ - α dθ for every parameter, returned as a new dict.

    params: {"W1", "b1", ...}; grads: {"dW1", "db1", ...}, the same shapes. Both are left unchanged.
    """
    new_params = {}
    for key in params:
        new_params[key] = params[key] - alpha * grads["d" + key]  # a new array: params[key] is not changed
    return new_params


# --8<-- [end:my_update]
