"""The practice questions of try-it/ (docs/try-it.py)."""

import math

from snippets import data, numpy_net
from snippets.activations import sigmoid
from snippets.practice.kinds import Number, Shape, question


@question("try-it", "the resampling matrix")
def resample(v):
    R = data.resample_matrix(28, 20)
    return Shape(
        "A 28×28 drawing is averaged down to the network's 20×20 input as $R\\,X\\,R^\\top$. What is the shape of $R$?",
        R.shape,
        "$(20, 28)$: each of the 20 output rows is a weighted average of the 28 input rows; $R^\\top$ does the columns.",
        (
            (R.shape[::-1], "That is $R^\\top$: $R$ maps the 28 rows to 20, one output row per row of $R$."),
            ((20, 20), "That is the result, $R\\,X\\,R^\\top$; $R$ itself takes the 28 rows of the drawing in."),
            ((28, 28), "That is the drawing's shape, $X$; $R$ maps its 28 rows to 20."),
        ),
        given={"n_in": 28, "n_out": 20},
    )


@question("try-it", "multiply-adds for one drawing")
def multiply_adds(v):
    sizes = ((400, 25, 15, 1), (400, 30, 10, 1), (784, 25, 15, 1), (400, 64, 1))[v]
    params = numpy_net.init_params(sizes)
    count = sum(W.size for key, W in params.items() if key.startswith("W"))  # one multiply-add per weight
    return Number(
        f"Reading one drawing, how many multiply-adds does the forward pass of a {'-'.join(map(str, sizes))} network make?",
        count,
        0.5,
        f"One per weight: {' + '.join(f'{a} · {b}' for a, b in zip(sizes[1:], sizes[:-1], strict=True))} = {count:,}.",
        (
            (count + sum(sizes[1:]), "The biases are additions, not multiply-adds: count the weights."),
            (count - sizes[-2] * sizes[-1], "You left out the output layer: its weights take a multiply-add each too."),
            (
                count - sizes[0] * sizes[1],
                "You left out the first layer, the largest: a multiply-add per weight there too.",
            ),
            (
                math.prod(sizes),
                "The layers' counts add up, they do not multiply: one multiply-add per weight of each layer.",
            ),
            (sum(sizes[1:]), "That counts units: each unit makes one multiply-add per input."),
        ),
        given={"sizes": sizes},
    )


@question("try-it", "the shape of one drawing")
def drawing_shape(v):
    x = data.load("test", n=2)[0][:, :1]
    return Shape(
        "A drawing enters the network as one column of the notes' $X$. What is its shape?",
        x.shape,
        "$(400, 1)$: one example, a column of 400 pixels, so $W^{[1]} x$ is $(25, 1)$.",
        (
            ((400,), "A rank-1 array: the notes keep an example 2-D, as one column of $X$."),
            ((1, 400), "That is a row: examples are columns."),
            ((20, 20), "That is the image; the network takes it read row by row into one column."),
            ((784, 1), "784 = 28 × 28 is the drawing before it is averaged down; the network takes 20×20."),
        ),
        given={},
    )


@question("try-it", "the probability shown")
def probability(v):
    z = (2.0, -1.5, 0.4, -4.0)[v]
    p = float(sigmoid(z))
    return Number(
        f"For a drawing the output unit computes $z^{{[3]}} = {z:g}$. What probability of a 1, "
        "$P(y = 1 \\mid x)$, does the network give it?",
        p,
        None,  # to 3 significant figures
        f"$\\hat y = \\sigma({z:g}) = {p:.4f}$, read as $P(y = 1 \\mid x)$; the label is 1 when it is at least 0.5.",
        (
            (
                float(sigmoid(-z)),
                "That is $P(y = 0 \\mid x) = 1 - \\hat y$: check the sign in $\\sigma(z) = 1/(1 + e^{-z})$.",
            ),
            (z, "That is $z$, the logit; the probability is $\\sigma(z)$."),
            (
                float(z >= 0),
                "That is the label the network says, 1 when $\\hat y \\ge 0.5$; the question asks for "
                "$\\hat y$ itself.",
            ),
            (math.exp(-z), "That is $e^{-z}$ alone: $\\sigma(z) = 1/(1 + e^{-z})$."),
        ),
        given={"z": z},
    )
