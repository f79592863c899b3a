"""The practice questions of architecture/ (docs/architecture.py)."""

import math

import numpy as np

from snippets import numpy_net
from snippets.course.architecture import layer_table
from snippets.practice.kinds import Number, Shape, question


def _network(v):
    return ((400, 25, 15, 1), (400, 30, 10, 1), (784, 25, 15, 1), (400, 64, 1))[v]


@question("architecture", "the number of parameters")
def parameter_count(v):
    sizes = _network(v)
    params = numpy_net.init_params(sizes)
    rows = layer_table(params, m=1)[1:]
    total = sum(row["parameters"] for row in rows)
    weights = sum(W.size for key, W in params.items() if key.startswith("W"))
    name = "-".join(map(str, sizes))
    return Number(
        f"How many parameters (weights and biases) does a {name} network have?",
        total,
        0.5,
        " + ".join(f"{r['units']} · {n_prev} + {r['units']}" for r, n_prev in zip(rows, sizes[:-1], strict=True))
        + f" = {total:,}: each unit has a weight per input and one bias.",
        (
            (weights, "You left out the biases: every unit has one, besides a weight per input."),
            (
                total - sizes[-2] * sizes[-1] - sizes[-1],
                "You left out the output layer: its unit has a weight per unit "
                "of the last hidden layer, and a bias. Count layers 1 to $L$.",
            ),
            (
                total - sizes[0] * sizes[1] - sizes[1],
                "You left out the first layer, the largest: a weight per input "
                "for each of its units, and their biases.",
            ),
            (total + sizes[0], "The inputs have no biases: only the units of layers 1 to $L$ have one each."),
            (
                math.prod(sizes),
                "The layers' counts add up, they do not multiply: layer $l$ has "
                "$n^{[l]} \\cdot n^{[l-1]}$ weights and $n^{[l]}$ biases.",
            ),
        ),  # fmt: skip
        given={"sizes": sizes},
    )


@question("architecture", "the shape of W[2]")
def w_shape(v):
    params = numpy_net.init_params()
    W2 = params["W2"]
    return Shape(
        "In the 400-25-15-1 network, what is the shape of $W^{[2]}$?",
        W2.shape,
        "$(n^{[2]}, n^{[1]})$: one row per unit of layer 2 (15), one column per unit it reads (25).",
        (
            (
                W2.shape[::-1],
                "That is the shape of $W^{[2]\\top}$, Keras' kernel: in the notes a row of $W$ is one unit.",
            ),
            (params["W1"].shape, "That is $W^{[1]}$, from the 400 inputs to layer 1; $W^{[2]}$ reads layer 1."),
            (params["b2"].shape, "That is $b^{[2]}$, one number per unit; $W^{[2]}$ has a weight per unit it reads."),
        ),
        given={"l": 2, "sizes": numpy_net.LAYER_SIZES},
    )


@question("architecture", "the shape of b[1]")
def b_shape(v):
    params = numpy_net.init_params()
    b1 = params["b1"]
    n = b1.shape[0]
    return Shape(
        "In the 400-25-15-1 network, what is the shape of $b^{[1]}$?",
        b1.shape,
        "$(n^{[1]}, 1)$: one bias per unit, as a column, so that it broadcasts across the $m$ columns of $Z^{[1]}$.",
        (
            (
                (n,),
                "A rank-1 array: the notes keep $b$ 2-D, a column; a rank-1 one broadcasts along the wrong axis.",
            ),
            ((1, n), "That is $b^\\top$, a row: one bias per unit goes down a column."),
            (params["W1"].shape, "That is $W^{[1]}$'s shape; $b^{[1]}$ holds one number per unit, not one per weight."),
        ),  # fmt: skip
        given={"l": 1, "sizes": numpy_net.LAYER_SIZES},
    )


@question("architecture", "the shape of Z[2] for a batch")
def z_shape(v):
    m = 32
    params = numpy_net.init_params()
    _, cache = numpy_net.forward(np.zeros((400, m)), params)
    Z2 = cache["Z2"]
    return Shape(
        f"In the 400-25-15-1 network, for a mini-batch of $m = {m}$ examples, what is the shape of $Z^{{[2]}}$?",
        Z2.shape,
        "$(n^{[2]}, m)$: a row per unit of layer 2, a column per example. $m$ never changes a parameter's shape.",
        (
            (Z2.shape[::-1], "That is the transpose: the notes put examples in columns."),
            ((15, 25), "That is the shape of $W^{[2]}$; $Z^{[2]}$ has one column per example."),
            (
                params["b2"].shape,
                "That is one example's $z^{[2]}$ (and $b^{[2]}$'s shape); a batch has one column per example.",
            ),
            (cache["Z1"].shape, "That is $Z^{[1]}$, layer 1's; $Z^{[2]}$ has a row per unit of layer 2."),
        ),  # fmt: skip
        given={"l": 2, "m": m},
    )
