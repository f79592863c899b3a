"""Backpropagation small enough to work by hand: a 2-2-1 sigmoid network, one example, one update.

Every step is one formula of the notes, written out on numbers a learner can follow with a calculator; the
tests check each against numpy_net (forward, backward, update) and the gradients against finite differences.
`hidden_step` is the hidden layer's backward step in the course's two lines, dA[l] then dZ[l].
"""

import numpy as np

from snippets.activations import sigmoid

X = np.array([[1.0], [2.0]])  # one example, two inputs: (2, 1)
Y = np.array([[1.0]])  # its label: (1, 1)
PARAMS = {
    "W1": np.array([[0.1, -0.2], [0.4, 0.3]]),  # (2, 2): one row per hidden unit
    "b1": np.array([[0.0], [0.1]]),  # (2, 1)
    "W2": np.array([[0.5, -0.6]]),  # (1, 2)
    "b2": np.array([[0.2]]),  # (1, 1)
}
ALPHA = 0.5


# --8<-- [start:hidden-step]
def hidden_step(W_next, dZ_next, A):
    """The backward step of a sigmoid hidden layer l. W_next: W[l+1] (n[l+1], n[l]); dZ_next: dZ[l+1] (n[l+1], m);
    A: A[l] (n[l], m). Returns dA[l] and dZ[l], both (n[l], m)."""
    dA = W_next.T @ dZ_next  # dA[l] = W[l+1]^T dZ[l+1]: unit k of layer l feeds every z[l+1]_j, through W[l+1]_jk
    dZ = dA * A * (1 - A)  # dZ[l] = dA[l] * g'(Z[l]), and σ'(Z) = A (1 - A)
    return dA, dZ


# --8<-- [end:hidden-step]


def steps(params=None, X=X, Y=Y, alpha=ALPHA) -> dict[str, np.ndarray]:
    """Every quantity of one forward pass, the loss, the backward pass and one update, by name (the notes')."""
    p = PARAMS if params is None else params
    m = Y.shape[1]
    s = {"Z1": p["W1"] @ X + p["b1"]}  # Z[1] = W[1] X + b[1]
    s["A1"] = sigmoid(s["Z1"])  # A[1] = σ(Z[1])
    s["Z2"] = p["W2"] @ s["A1"] + p["b2"]  # Z[2] = W[2] A[1] + b[2]
    s["A2"] = sigmoid(s["Z2"])  # A[2] = ŷ
    s["J"] = np.array(-np.mean(Y * np.log(s["A2"]) + (1 - Y) * np.log(1 - s["A2"])))  # cross-entropy
    s["dZ2"] = s["A2"] - Y  # dZ[2] = A[2] - Y
    s["dW2"] = s["dZ2"] @ s["A1"].T / m  # dW[2] = (1/m) dZ[2] A[1]^T
    s["db2"] = s["dZ2"].sum(axis=1, keepdims=True) / m  # db[2] = (1/m) Σ dZ[2]
    s["dA1"], s["dZ1"] = hidden_step(p["W2"], s["dZ2"], s["A1"])
    s["dW1"] = s["dZ1"] @ X.T / m  # dW[1] = (1/m) dZ[1] X^T
    s["db1"] = s["dZ1"].sum(axis=1, keepdims=True) / m  # db[1] = (1/m) Σ dZ[1]
    for key in ("W1", "b1", "W2", "b2"):
        s[f"new {key}"] = p[key] - alpha * s[f"d{key}"]  # θ := θ - α dθ
    return s
