"""The practice questions of forward/ (docs/forward.py)."""

import numpy as np

from snippets import numpy_net
from snippets.activations import sigmoid
from snippets.practice.kinds import Number, Shape, question, rng


@question("forward", "the shape of A[1]")
def a1_shape(v):
    m = 5
    params = numpy_net.init_params()
    _, cache = numpy_net.forward(np.zeros((400, m)), params)
    return Shape(
        f"The notes' forward pass runs `A1 = sigmoid(Z1)` with `X` of shape $(400, {m})$. What is the shape of `A1`?",
        cache["A1"].shape,
        "$(n^{[1]}, m)$: 25 units, one column per example.",
        (
            (cache["A1"].shape[::-1], "That is the transpose: the notes put examples in columns."),
            ((25, 400), "That is $W^{[1]}$'s shape; $A^{[1]}$ has one column per example."),
            (
                params["b1"].shape,
                "That is one example's $a^{[1]}$ (and $b^{[1]}$'s shape); $m$ examples give $m$ columns.",
            ),
            ((400, m), "That is `X`'s shape; layer 1 turns the 400 inputs into one value per unit."),
        ),  # fmt: skip
        given={"m": m},
    )


@question("forward", "the shape of np.dot(W1, X) + b1")
def broadcast_bias(v):
    m = 7
    params = numpy_net.init_params()
    Z1 = np.dot(params["W1"], np.zeros((400, m))) + params["b1"]
    return Shape(
        f"With `W1` $(25, 400)$, `X` $(400, {m})$ and `b1` $(25, 1)$, what is the shape of `np.dot(W1, X) + b1`?",
        Z1.shape,
        f"`np.dot` gives $(25, {m})$ and `b1`, $(25, 1)$, is broadcast across the {m} columns.",
        (
            ((25, 1), "That is `b1`'s shape: broadcasting stretches it across the columns."),
            ((m, 25), "That is the transpose: rows are units, columns examples."),
            (params["W1"].shape, "That is `W1`'s shape; `np.dot(W1, X)` multiplies it by `X`, one column per example."),
        ),  # fmt: skip
        given={"m": m},
    )


@question("forward", "one unit's output")
def one_unit(v):
    r = rng(v, 4)
    w = np.array([[0.5, -1.0]]) if v == 0 else np.round(r.uniform(-1, 1, size=(1, 2)), 1)
    b = np.array([[0.2]]) if v == 0 else np.round(r.uniform(-1, 1, size=(1, 1)), 1)
    x = np.array([[2.0], [1.0]]) if v == 0 else r.integers(0, 3, size=(2, 1)).astype(float)
    a = float(numpy_net.dense(x, w, b)[0, 0])
    z = float((w @ x + b)[0, 0])
    crossed = float(sigmoid(w[0, 0] * x[1, 0] + w[0, 1] * x[0, 0] + b[0, 0]))  # each weight on the other input
    return Number(
        f"A sigmoid unit has weights $w = ({w[0, 0]:g}, {w[0, 1]:g})$ and bias $b = {b[0, 0]:g}$. "
        f"What is its output $a$ for $x = ({x[0, 0]:g}, {x[1, 0]:g})$?",
        a,
        None,  # to 3 significant figures
        f"$z = w \\cdot x + b = {z:g}$, then $a = \\sigma({z:g}) = {a:.4f}$.",
        (
            (z, "That is $z = w \\cdot x + b$; the unit outputs $a = \\sigma(z)$."),
            (float(sigmoid(z - b[0, 0])), "You left out the bias: $z = w \\cdot x + b$, then $a = \\sigma(z)$."),
            (float(sigmoid(-z)), "That is $\\sigma(-z)$: check the sign in $\\sigma(z) = 1/(1 + e^{-z})$."),
            (crossed, "Pair each weight with its own input: $w \\cdot x = w_1 x_1 + w_2 x_2$."),
        ),  # fmt: skip
        given={"w": w.ravel().tolist(), "b": float(b[0, 0]), "x": x.ravel().tolist()},
    )


@question("forward", "the shape of the prediction")
def y_hat_shape(v):
    m = 100
    A3, _ = numpy_net.forward(np.zeros((400, m)), numpy_net.init_params())
    return Shape(
        f"What is the shape of $\\hat Y = A^{{[3]}}$ for $m = {m}$ examples?",
        A3.shape,
        "One output unit, one column per example: a probability $P(y = 1 \\mid x)$ each.",
        (
            (
                A3.shape[::-1],
                "That is the transpose, what Keras' `predict` returns: the notes put examples in columns.",
            ),
            ((m,), "A rank-1 array: `A3` keeps both axes, a row of one unit's outputs."),
            ((1, 1), "That is one example's $\\hat y$; $m$ examples give one column each."),
        ),  # fmt: skip
        given={"m": m},
    )
