"""Practice questions of the first lessons: Data, Architecture, Activation, Loss, Forward propagation."""

import math

import numpy as np

from snippets import data, losses, numpy_net
from snippets.activations import sigmoid, sigmoid_prime
from snippets.architecture import layer_table
from snippets.quiz import Choice, Number, Option, Shape, question, rng, tex_number

TRANSPOSED = "that is the transpose: the notes put examples in columns, so rows are {rows}."


@question("data", "the shape of X")
def x_shape(v):
    X, _ = data.load("train")
    side, raw = data.SIZES  # the notes' 20×20 images, averaged down from MNIST's 28×28
    return Shape(
        f"The training set holds {X.shape[1]:,} digits of 20×20 pixels. What is the shape of $X$, in the notes' layout?",
        X.shape,
        "One example per column: 400 pixel values down each column, one column per digit.",
        (
            (
                X.shape[::-1],
                "That is Keras' layout, $X^\\top$: examples as rows. The notes put each example in a column.",
            ),
            ((raw * raw, X.shape[1]), f"{raw * raw} = {raw}×{raw} is MNIST's raw size; these are {side}×{side}."),
            (
                (X.shape[1], side, side),
                f"That is the stack of images; each {side}×{side} image is read row by row into one column of $X$.",
            ),
        ),
        given={"m": X.shape[1]},
    )


@question("data", "pixels in an image")
def pixels(v):
    side = (20, 28, 16, 10)[v]
    n = np.zeros((side, side)).reshape(-1).size  # as data.load flattens each image
    small, raw = data.SIZES  # the notes' 20×20 and MNIST's 28×28
    other, whose = (small, "the notes'") if side == raw else (raw, "MNIST's raw")
    return Number(
        f"An image of {side}×{side} pixels is read row by row into a vector. How many inputs $n^{{[0]}}$ is that?",
        n,
        0.5,
        f"{side} rows of {side} pixels: {side} · {side} = {n} numbers, one input unit each.",
        (
            (2 * side, f"You added the sides, {side} + {side}: a square image holds side × side pixels."),
            (side, f"That is one row of {side} pixels; the image has {side} such rows, read one after another."),
            (
                other**2,
                f"{other**2} is {other}×{other}, the size of {whose} images: this image is {side}×{side}, "
                "so count its own rows and columns.",
            ),
            (
                n - 1,
                f"That is the last pixel's index, counted from 0 (pixel $(r, c)$ lands at ${side} r + c$): "
                "count the pixels, not the last index.",
            ),
        ),  # fmt: skip
        given={"side": side},
    )


@question("data", "the shape of Y")
def y_shape(v):
    _, Y = data.load("test")
    m = Y.shape[1]
    return Shape(
        f"The test set has {m:,} labels. What is the shape of $Y$?",
        Y.shape,
        "One row of 0s and 1s, one column per example, like the output $A^{[3]}$ it is compared with.",
        (
            ((m,), "A rank-1 array: the notes keep $Y$ 2-D, a row like the output $A^{[3]}$ it is compared with."),
            (
                (m, 1),
                "That is a column, Keras' layout: the notes put examples in columns. It fails silently: $A^{[3]} - Y$ broadcasts to $(m, m)$.",
            ),
            ((2, m), "One row: each example has a single label, 0 or 1, not a row per class."),
        ),  # fmt: skip
        given={"m": m},
    )


@question("data", "how an image becomes a vector")
def flattening(v):
    images, _ = data.images("test")
    X, _ = data.load("test")
    by_rows = np.array_equal(X[:, 0], images[0].reshape(-1))
    by_columns = np.array_equal(X[:, 0], images[0].T.reshape(-1))
    return Choice(
        "How is a 20×20 digit turned into the 400 numbers of its column of $X$?",
        (
            Option(
                "Row by row: the first 20 numbers are the top row of pixels.",
                by_rows,
                "Yes: `images.reshape(m, 400)` reads each image row by row (NumPy's C order).",
            ),
            Option(
                "Column by column: the first 20 numbers are the left column.",
                by_columns,
                "That would be the transpose of each image (Fortran order); a classic pitfall when loading data.",
            ),
            Option(
                "Each pixel is scaled from 0–255 to [0, 1].",
                bool(X.max() <= 1 and X.min() >= 0),
                "Yes: the bytes are divided by 255, and the 20×20 average stays in [0, 1].",
            ),
            Option(
                "The 28×28 image is cropped to its central 20×20.",
                False,
                "No: it is area-averaged down to 20×20, so no ink is cut off.",
            ),
        ),  # fmt: skip
        "Rows first, scaled to [0, 1]; Keras then takes the transpose, one example per row.",
    )


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


@question("activation", "σ of a given z")
def sigma_of(v):
    z = 0.0 if v == 0 else round(float(rng(v, 1).uniform(-4, 4)), 1)
    a = float(sigmoid(z))
    return Number(
        f"What is $\\sigma({z:g})$?",
        a,
        None,  # to 3 significant figures
        f"$\\sigma({z:g}) = 1 / (1 + e^{{{-z:g}}}) = {a:.4f}$."
        + (" At $z = 0$ the unit is undecided." if z == 0 else ""),
        (
            (float(sigmoid(-z)), "That is $\\sigma(-z)$: check the exponent's sign, $\\sigma(z) = 1/(1 + e^{-z})$."),
            (math.exp(-z), "That is $e^{-z}$ alone: add 1, then take one over the sum."),
            (1 + math.exp(-z), "That is the denominator $1 + e^{-z}$: $\\sigma(z)$ is one over it."),
            (float(sigmoid_prime(z)), "That is $\\sigma'(z) = a(1 - a)$, the slope; the question asks for the value."),
        ),  # fmt: skip
        given={"z": z},
    )


@question("activation", "σ′ of a given z")
def sigma_prime_of(v):
    z = 0.0 if v == 0 else round(float(rng(v, 2).uniform(-3, 3)), 1)
    d = float(sigmoid_prime(z))
    a = float(sigmoid(z))
    return Number(
        f"What is $\\sigma'({z:g})$?",
        d,
        None,  # to 3 significant figures
        f"$\\sigma' = a(1 - a)$ with $a = \\sigma({z:g}) = {a:.4f}$: ${d:.4f}$. It is never more than 0.25.",
        (
            (a, "That is $\\sigma(z)$ itself, the output; its slope is $\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$."),
            (1 - a, "That is $1 - \\sigma(z)$ alone; multiply it by $\\sigma(z)$."),
            (z * (1 - z), "That is $z(1 - z)$: $a(1 - a)$ takes the output $a = \\sigma(z)$, not $z$. Find $a$ first."),
            (1 - a**2, "$1 - a^2$ is $\\tanh'$ written with its output; the sigmoid's is $a(1 - a)$."),
            (0.25, f"0.25 is $\\sigma'(0)$, the largest slope; at $z = {z:g}$ compute $a = \\sigma(z)$ first."),
        ),  # fmt: skip
        given={"z": z},
    )


@question("activation", "σ′ from the output a")
def sigma_prime_from_a(v):
    a = (0.9, 0.5, 0.2, 0.99)[v]
    z = math.log(a / (1 - a))  # the z whose σ is a: the library computes σ' from z
    d = float(sigmoid_prime(z))
    return Number(
        f"A sigmoid unit outputs $a = {a:g}$. What is its derivative $\\sigma'(z)$?",
        d,
        None,  # to 3 significant figures
        f"$\\sigma'(z) = a(1 - a) = {a:g} · {1 - a:.2g} = {d:.4g}$: backprop needs only the cached $A$.",
        (
            (1 - a, "That is $1 - a$ alone: multiply it by $a$ too, $\\sigma' = a(1 - a)$."),
            (a, "That is $a$, the output itself; its slope is $\\sigma' = a(1 - a)$."),
            (
                float(sigmoid_prime(a)),
                f"That is $\\sigma'({a:g})$, as if ${a:g}$ were $z$: $a$ is already "
                "$\\sigma(z)$, so put it straight into $a(1 - a)$.",
            ),
            (1 - a**2, "$1 - a^2$ is $\\tanh'$ from its output; a sigmoid unit's is $a(1 - a)$."),
        ),
        given={"a": a},
    )


@question("activation", "a saturated unit")
def saturated(v):
    z = 10.0
    a, d = float(sigmoid(z)), float(sigmoid_prime(z))
    return Choice(
        f"A sigmoid unit has $z = {z:g}$. Which is true?",
        (
            Option(
                f"It passes almost no gradient back: $\\sigma'({z:g}) \\approx {tex_number(d)}$.",
                d < 1e-3,
                "Yes: backprop multiplies by $\\sigma'(z)$, so a saturated unit barely learns.",
            ),
            Option(
                "Its output is exactly 1.",
                a == 1.0,
                f"No: $\\sigma({z:g}) = {a:.6f}$, close to 1 but not 1 (the stable form keeps it so).",
            ),
            Option(
                "Its derivative is at its largest, 0.25.", d == 0.25, "No: $\\sigma'$ is largest, 0.25, at $z = 0$."
            ),
        ),
        "Large $|z|$ saturates the sigmoid: output near 0 or 1, and $\\sigma' \\approx 0$.",
    )


@question("loss", "the cost of one prediction")
def one_loss(v):
    y_hat, y = ((0.9, 1), (0.2, 1), (0.7, 0), (0.05, 0))[v]
    L = losses.binary_cross_entropy(np.array([[y_hat]]), np.array([[float(y)]]))
    other = -math.log(1 - y_hat) if y == 1 else -math.log(y_hat)
    term = "-\\log \\hat y" if y == 1 else "-\\log(1 - \\hat y)"
    return Number(
        f"The network predicts $\\hat y = {y_hat:g}$ for a digit whose label is $y = {y}$. What is its loss $L(\\hat y, y)$ (natural log)?",
        L,
        None,  # to 3 significant figures
        f"$y = {y}$ leaves ${term} = {L:.4f}$.",
        (
            (L / math.log(10), "That is a base-10 log: the loss uses the natural log, $\\ln$ (`np.log`)."),
            (-L, "Check the sign: $L = -[y \\log \\hat y + (1 - y)\\log(1 - \\hat y)]$ is never negative."),
            (
                other,
                f"That is the loss for $y = {1 - y}$: with $y = {y}$ the term multiplied by "
                f"${'1 - y' if y else 'y'}$ is 0, and the other one stays.",
            ),
            (
                (y_hat - y) ** 2,
                "That is the squared error $(\\hat y - y)^2$; the loss here is the cross-entropy, "
                "$-\\log$ of the probability the network gives the label.",
            ),
            (L / math.log(2), "That is a base-2 log: the loss uses the natural log, $\\ln$."),
        ),  # fmt: skip
        given={"y_hat": y_hat, "y": y},
    )


@question("loss", "the cost J of a batch")
def batch_cost(v):
    r = rng(v, 3)
    Y = np.array([[1.0, 0.0]]) if v == 0 else r.integers(0, 2, size=(1, 2)).astype(float)
    Y_hat = np.array([[0.8, 0.3]]) if v == 0 else np.round(r.uniform(0.1, 0.9, size=(1, 2)), 1)
    J = losses.binary_cross_entropy(Y_hat, Y)
    swapped = losses.binary_cross_entropy(Y_hat, 1 - Y)  # each example's loss taken for the other label
    pairs = ", ".join(f"($\\hat y = {p:g}$, $y = {int(y)}$)" for p, y in zip(Y_hat[0], Y[0], strict=True))
    return Number(
        f"Two examples: {pairs}. What is the cost $J$ (natural log)?",
        J,
        None,  # to 3 significant figures
        f"$J$ is the mean of the two losses: ${J:.4f}$.",
        (
            (2 * J, "That is the sum of the two losses: $J = \\frac{1}{m}\\sum_i L$ is their mean, with $m = 2$."),
            (J / math.log(10), "That is a base-10 log: the loss uses the natural log, $\\ln$."),
            (
                -J,
                "Check the sign: $J = -\\frac1m \\sum_i [y \\log \\hat y + (1 - y) \\log(1 - \\hat y)]$ is never "
                "negative.",
            ),
            (
                swapped,
                "You swapped the terms: $y = 1$ leaves $-\\log \\hat y$, $y = 0$ leaves $-\\log(1 - \\hat y)$. "
                "Pick each example's term by its own label.",
            ),
        ),  # fmt: skip
        given={"Y_hat": Y_hat.tolist(), "Y": Y.tolist()},
    )


@question("loss", "the loss from the logit")
def logit_loss(v):
    z, y = ((-2.0, 1), (3.0, 0), (0.0, 1), (-50.0, 1))[v]
    Z, Y = np.array([[z]]), np.array([[float(y)]])
    L = losses.binary_cross_entropy_from_logits(Z, Y)
    clipped = losses.binary_cross_entropy(sigmoid(Z), Y)  # from ŷ = σ(z), clipped to [1e-7, 1 - 1e-7]
    return Number(
        f"The output unit's logit is $z^{{[L]}} = {z:g}$ and the label is $y = {y}$. What is the loss, computed exactly from $z$?",
        L,
        0.01 if L < 10 else 0.1,
        f"$L = \\max(z, 0) - z y + \\log(1 + e^{{-|z|}}) = {L:.4f}$, the same as $-\\log \\sigma(z)$ or $-\\log(1 - \\sigma(z))$"
        " without rounding.",
        (
            (
                -L,
                "Check the sign: a loss is never negative; each term of "
                "$\\max(z, 0) - z y + \\log(1 + e^{-|z|})$ keeps its own sign.",
            ),
            (
                clipped,
                "That is the clipped loss, from $\\hat y = \\sigma(z)$ kept in $[10^{-7}, 1 - 10^{-7}]$, "
                "whose ceiling is $-\\ln 10^{-7} \\approx 16.1$. From $z$ nothing is clipped: use the exact "
                "logits form.",
            ),
            (
                losses.binary_cross_entropy_from_logits(Z, 1 - Y),
                f"That is the loss for $y = {1 - y}$: put $y = {y}$ in the term $-z y$.",
            ),
            (L / math.log(10), "That is a base-10 log: the loss uses the natural log, $\\ln$."),
            (
                float(sigmoid(z)),
                "That is $\\hat y = \\sigma(z)$, the prediction; the loss is $-\\log$ of the "
                "probability the network gives the label.",
            ),
        ),
        given={"z": z, "y": y},
    )


@question("loss", "which predictions cost the most")
def costly(v):
    cases = ((0.3, 1), (0.5, 0), (0.9, 0), (0.99, 1))
    cost = {c: losses.binary_cross_entropy(np.array([[c[0]]]), np.array([[float(c[1])]])) for c in cases}
    return Choice(
        "Which of these predictions have a loss above 1?",
        tuple(
            Option(f"$\\hat y = {p:g}$ for $y = {y}$", cost[(p, y)] > 1, f"Its loss is ${cost[(p, y)]:.3f}$.")
            for p, y in cases
        ),  # fmt: skip
        "Confident mistakes cost the most: the loss grows without bound as $\\hat y$ moves away from $y$.",
    )


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
