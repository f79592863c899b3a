"""The practice questions of backprop/ (docs/backprop.py)."""

import numpy as np

from snippets import numpy_net
from snippets.activations import sigmoid_prime
from snippets.practice.kinds import Choice, Number, Option, Shape, question, rng


def _one_unit(w: float, b: float):
    """A 1-1 network ŷ = σ(w x + b): a single unit, whose backward pass the library computes."""
    return {"W1": np.array([[w]]), "b1": np.array([[b]])}


@question("backprop", "dZ[L] for one example")
def output_error(v):
    z, y = ((1.4, 0), (-0.5, 1), (2.0, 1), (0.0, 0))[v]
    params = _one_unit(0.0, z)  # w = 0: z = b whatever x is
    X, Y = np.ones((1, 1)), np.array([[float(y)]])
    A, cache = numpy_net.forward(X, params)
    dZ = float(numpy_net.backward(Y, params, cache)["db1"][0, 0])  # m = 1: db = dZ
    a = float(A[0, 0])
    return Number(
        f"The output unit of one example has $z^{{[L]}} = {z:g}$, and the label is $y = {y}$. "
        "With a sigmoid output and cross-entropy, what is $dZ^{[L]}$?",
        dZ,
        None,  # to 3 significant figures
        f"$dZ^{{[L]}} = A^{{[L]}} - Y = \\sigma({z:g}) - {y} = {dZ:.4f}$: the sigmoid's $\\sigma'$ cancels against the loss.",
        (
            (-dZ, "Check the sign: $dZ^{[L]} = A^{[L]} - Y$, the output minus the label."),
            (
                float(sigmoid_prime(z)) * dZ,
                "Cross-entropy cancels $\\sigma'$ (the chain rule at the output): no extra factor $a(1 - a)$.",
            ),
            (z - y, "That is $z - y$: $A^{[L]} = \\sigma(z^{[L]})$, so apply $\\sigma$ before subtracting the label."),
            (a, "That is $A^{[L]}$ alone; subtract the label $Y$."),
        ),  # fmt: skip
        given={"z": z, "y": y},
    )


@question("backprop", "the shape of dW[2]")
def dw_shape(v):
    m = 32
    params = numpy_net.init_params()
    _, cache = numpy_net.forward(np.zeros((400, m)), params)
    dW2 = numpy_net.backward(np.zeros((1, m)), params, cache)["dW2"]
    return Shape(
        f"Backpropagating a batch of $m = {m}$ examples through 400-25-15-1, what is the shape of $dW^{{[2]}}$?",
        dW2.shape,
        "$dW^{[2]} = \\frac1m dZ^{[2]} A^{[1]\\top}$, $(15, m)(m, 25)$: the shape of $W^{[2]}$, whatever $m$ is.",
        (
            (
                dW2.shape[::-1],
                "That is the shape of $dW^{[2]\\top}$: a gradient has the shape of its parameter, $W^{[2]}$.",
            ),
            ((15, m), "That is $dZ^{[2]}$'s shape; multiplying by $A^{[1]\\top}$ sums over the examples."),
            (
                cache["A1"].T.shape,
                "That is $A^{[1]\\top}$, the second factor of $dZ^{[2]} A^{[1]\\top}$: the product "
                "has the shape of $W^{[2]}$.",
            ),
            (params["b2"].shape, "That is $db^{[2]}$'s shape: $dW^{[2]}$ has one entry per weight of $W^{[2]}$."),
        ),  # fmt: skip
        given={"l": 2, "m": m},
    )


@question("backprop", "dw for a tiny batch")
def tiny_dw(v):
    r = rng(v, 5)
    x, y = (np.array([[2.0, -1.0]]), np.array([[1.0, 0.0]])) if v == 0 else (np.zeros((1, 2)), np.zeros((1, 2)))
    while abs(((0.5 - y) * x).sum()) < 0.5:  # a variant whose dw is not (nearly) 0
        x, y = r.integers(-3, 4, size=(1, 2)).astype(float), r.integers(0, 2, size=(1, 2)).astype(float)
    params = _one_unit(0.0, 0.0)  # ŷ = σ(0) = 0.5 for every x
    _, cache = numpy_net.forward(x, params)
    grads = numpy_net.backward(y, params, cache)
    dw, db = float(grads["dW1"][0, 0]), float(grads["db1"][0, 0])
    return Number(
        f"A single sigmoid unit $\\hat y = \\sigma(w x + b)$ starts at $w = 0$, $b = 0$, so $\\hat y = 0.5$ for every $x$. "
        f"For $m = 2$ examples, $x^{{(1)}} = {x[0, 0]:g}$ with $y^{{(1)}} = {y[0, 0]:g}$ and $x^{{(2)}} = {x[0, 1]:g}$ with "
        f"$y^{{(2)}} = {y[0, 1]:g}$, what is $dw$?",
        dw,
        None,  # to 3 significant figures
        f"$dw = \\frac{{1}}{{m}} \\sum_i (\\hat y^{{(i)}} - y^{{(i)}})\\, x^{{(i)}} = {dw:g}$.",
        (
            (2 * dw, "That is the sum: $dw = \\frac{1}{m}\\sum_i dz^{(i)} x^{(i)}$ is a mean, with $m = 2$."),
            (-dw, "Check the sign: $dz^{(i)} = \\hat y^{(i)} - y^{(i)}$, the prediction minus the label."),
            (db, "That is $db = \\frac{1}{m}\\sum_i dz^{(i)}$: $dw$ weights each $dz^{(i)}$ by its input $x^{(i)}$."),
            (dw / 2, "You divided by $m$ twice: the $\\frac1m$ of the mean enters once."),
            (
                float(sigmoid_prime(0.0)) * dw,
                "Cross-entropy cancels $\\sigma'$: $dz = \\hat y - y$, with no factor $\\hat y(1 - \\hat y)$.",
            ),
            (
                float((0.5 * x).mean()),
                "That uses $\\hat y^{(i)}$ for $dz^{(i)}$: subtract the label, $dz^{(i)} = \\hat y^{(i)} - y^{(i)}$.",
            ),
        ),  # fmt: skip
        given={"x": x.ravel().tolist(), "y": y.ravel().tolist()},
    )


@question("backprop", "where the 1/m goes")
def one_over_m(v):
    return Choice(
        "In the notes' backward pass, which quantities carry the factor $\\frac{1}{m}$?",
        (
            Option(
                "The weight gradients $dW^{[l]}$",
                True,
                "Yes: $dW^{[l]} = \\frac1m dZ^{[l]} A^{[l-1]\\top}$, the mean over the examples.",
            ),
            Option("The bias gradients $db^{[l]}$", True, "Yes: $db^{[l]} = \\frac1m \\sum_i dZ^{[l](i)}$."),
            Option(
                "The output error $dZ^{[L]}$",
                False,
                "No: $dZ^{[L]} = A^{[L]} - Y$ is one error per example; the mean comes with the sum.",
            ),
            Option(
                "The error passed back, $dZ^{[l-1]}$",
                False,
                "No: it is built from $dZ^{[l]}$; a $\\frac1m$ there would be applied twice.",
            ),
        ),  # fmt: skip
        "$J$ is a mean, so the parameter gradients are too; the per-example errors $dZ$ are not averaged.",
    )
