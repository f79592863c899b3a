"""Practice questions of the lessons beyond the course lab: Initialization, Hidden activations, Generalization,
and Try it."""

import math

import numpy as np

from snippets import data, initialization, numpy_net, show
from snippets.activations import relu_prime, sigmoid, sigmoid_prime, tanh, tanh_prime
from snippets.generalization import early_stopping
from snippets.quiz import Choice, Number, Option, Shape, question, rng


@question("initialization", "Glorot's r")
def glorot(v):
    n_in, n_out = ((400, 25), (25, 15), (15, 1), (784, 100))[v]
    r = numpy_net.glorot_limit(n_in, n_out)
    return Number(
        f"Glorot uniform draws the weights of a layer with {n_in} inputs and {show.count(n_out, 'unit')} from $U(-r, r)$. What is $r$?",
        r,
        None,  # to 3 significant figures
        f"$r = \\sqrt{{6 / (n^{{[l-1]}} + n^{{[l]}})}} = \\sqrt{{6 / {n_in + n_out}}} = {r:.4f}$.",
        (
            (np.sqrt(6 / n_in), "Add both sizes: $r = \\sqrt{6 / (n^{[l-1]} + n^{[l]})}$."),
            (6 / (n_in + n_out), "Take the square root: $r = \\sqrt{6 / (n^{[l-1]} + n^{[l]})}$."),
            (
                np.sqrt(2 / (n_in + n_out)),
                "That is the weights' standard deviation, $\\sqrt{\\operatorname{Var} W}$; $r$ is the half-width of "
                "$U(-r, r)$, whose variance is $r^2 / 3$.",
            ),
            (
                np.sqrt(1 / n_in),
                "That is LeCun's scale $\\sqrt{1/n}$; Glorot uniform uses $\\sqrt{6 / (n_{in} + n_{out})}$.",
            ),
        ),  # fmt: skip
        given={"n_in": n_in, "n_out": n_out},
    )


@question("initialization", "the output of an all-zero network")
def zero_output(v):
    c = (0.0, 1.0, -2.0, 0.5)[v]
    params = initialization.zeros()
    params["b3"] = np.full_like(params["b3"], c)
    y_hat = float(numpy_net.predict_proba(np.random.default_rng(v).uniform(size=(400, 1)), params)[0, 0])
    return Number(
        f"Every weight of 400-25-15-1 is 0, the hidden biases are 0 and the output bias is $b^{{[3]}} = {c:g}$. "
        "What does the network output for any digit?",
        y_hat,
        None,  # to 3 significant figures
        f"With $W^{{[3]}} = 0$, $z^{{[3]}} = b^{{[3]}} = {c:g}$ for every input: $\\hat y = \\sigma({c:g}) = {y_hat:.4f}$.",
        (
            (c, "That is $z^{[3]} = b^{[3]}$; the output unit applies $\\sigma$ to it."),
            (
                0.5,
                "That is $\\sigma(0)$: with $W^{[3]} = 0$ the weighted sum is 0, but $z^{[3]}$ still adds the bias "
                "$b^{[3]}$.",
            ),
            (float(sigmoid(-c)), "That is $\\sigma(-b^{[3]})$: check the sign in $\\sigma(z) = 1/(1 + e^{-z})$."),
            (
                0.0,
                "Zero weights do not make the output 0: $\\sigma(z)$ is strictly between 0 and 1, here at "
                "$z = b^{[3]}$.",
            ),
            (float(sigmoid_prime(c)), "That is $\\sigma'(z)$, the slope; the output is $\\sigma(z)$ itself."),
            (1 + math.exp(-c), "That is $1 + e^{-z}$, the denominator: $\\sigma(z)$ is one over it."),
        ),
        given={"c": c},
    )


@question("initialization", "a saturated start")
def saturated_start(v):
    z = (7.0, 6.0, 5.0, 10.0)[v]  # each saturated, as the page defines it: σ'(z) < 0.01
    d = float(sigmoid_prime(z))
    return Number(
        f"With $N(0, 1)$ weights and 400 inputs, a first-layer unit starts at $z = {z:g}$. What is $\\sigma'(z)$ there?",
        d,
        max(0.02 * d, 1e-6),
        f"$\\sigma({z:g}) = {float(sigmoid(z)):.5f}$, so $\\sigma'(z) = a(1 - a) = {d:.3g}$, below 0.01: a saturated unit "
        "passes almost no gradient back, which is why large starts learn slowly.",
        (
            (float(sigmoid(z)), "That is $\\sigma(z)$, the output; its slope is $\\sigma' = \\sigma(1 - \\sigma)$."),
            (0.25, "0.25 is $\\sigma'(0)$, the largest slope; this far from 0 it is far smaller."),
            (0.0, "Small, but not 0: $\\sigma(z) < 1$ for every $z$, so $a(1 - a) > 0$. Keep enough digits of $a$."),
            (z * (1 - z), "That is $z(1 - z)$: $a(1 - a)$ takes the output $a = \\sigma(z)$, not $z$."),
        ),
        given={"z": z},
    )


@question("initialization", "why not zeros")
def why_not_zeros(v):
    return Choice(
        "Why are the weights not started at 0?",
        (
            Option(
                "Every unit of a layer would compute the same output and get the same gradient, so they stay identical.",
                True,
                "Yes: the symmetry is never broken, and a layer of 25 units learns what one unit would.",
            ),
            Option(
                "Gradient descent cannot take a step from 0.",
                False,
                "No: the output layer's gradients are not 0, and the run takes steps; it is the units' symmetry that stays.",
            ),
            Option(
                "The loss would be infinite.", False, "No: $\\hat y = \\sigma(0) = 0.5$ costs $\\ln 2$ per example."
            ),
        ),
        "Random starts break the symmetry; their scale (Glorot) keeps $z$ out of the flat ends of $\\sigma$.",
    )


@question("hidden-activations", "tanh′ at a given z")
def tanh_prime_of(v):
    z = (0.0, 0.5, -1.0, 2.0)[v]
    d = float(tanh_prime(z))
    return Number(
        f"What is $\\tanh'({z:g})$?",
        d,
        None,  # to 3 significant figures
        f"$\\tanh' z = 1 - \\tanh^2 z = 1 - ({float(tanh(z)):.4f})^2 = {d:.4f}$: up to 1, four times $\\sigma'$'s largest.",
        (
            (float(sigmoid_prime(z)), "That is $\\sigma'(z)$, the sigmoid's slope; tanh's is $1 - \\tanh^2 z$."),
            (1 - float(tanh(z)), "Square $\\tanh z$ before subtracting it: $\\tanh' z = 1 - \\tanh^2 z$."),
            (float(tanh(z)), "That is $\\tanh z$, the value; its slope is $1 - \\tanh^2 z$."),
            (1 - z**2, "That is $1 - z^2$: square $\\tanh z$, the output, not $z$."),
            (
                2 * float(sigmoid_prime(2 * z)),
                "From $\\tanh z = 2\\sigma(2z) - 1$ the chain rule gives a second factor 2, for the inner $2z$.",
            ),
        ),  # fmt: skip
        given={"z": z},
    )


@question("hidden-activations", "ReLU′ at a given z")
def relu_prime_of(v):
    z = (-0.5, 2.0, 0.3, -3.0)[v]
    d = float(relu_prime(z))
    return Number(
        f"What is $\\operatorname{{ReLU}}'({z:g})$?",
        d,
        None,  # to 3 significant figures
        f"$\\operatorname{{ReLU}}'(z) = 1$ for $z > 0$, else 0: here {d:g}.",
        (
            (1 - d, "Look at the sign of $z$: the slope is 1 for $z > 0$ and 0 below."),
            (z, "That is $z$ itself; the question asks for ReLU's slope there, 0 or 1."),
            (
                float(np.sign(z)),
                "ReLU is flat for $z < 0$: its slope there is 0, not $-1$ ($\\max(0, z)$ is not $|z|$).",
            ),
            (float(sigmoid_prime(z)), "That is $\\sigma'(z)$, the sigmoid's slope; ReLU's is 0 or 1."),
        ),
        given={"z": z},
    )


@question("hidden-activations", "the most σ′ lets through")
def shrink(v):
    k = (2, 3, 5, 10)[v]
    most = float(sigmoid_prime(0.0)) ** k  # σ' is largest at z = 0
    return Number(
        f"Backprop multiplies the gradient by $\\sigma'(z)$ once per sigmoid layer. Through {k} sigmoid layers, what is "
        "the largest factor those layers can multiply it by?",
        most,
        max(0.01 * most, 1e-9),
        f"$\\sigma' \\le \\frac14$, so at most $(\\frac14)^{{{k}}} = {most:.3g}$ (weights aside): why deep sigmoid networks learn slowly.",
        (
            (0.25 * k, "The factors multiply, they do not add: one factor $\\sigma' \\le \\frac14$ per layer."),
            (0.25, "That is one layer's factor; each of the layers multiplies by its own."),
            (0.5**k, "0.5 is $\\sigma(0)$, the value; the largest slope is $\\sigma'(0)$."),
            (1.0, "1 is the most $\\tanh'$ lets through; the sigmoid's slope is at most $\\frac14$."),
        ),
        given={"k": k},
    )


@question("hidden-activations", "the output activation")
def output_activation(v):
    lo, hi = float(tanh(-20.0)), float(tanh(20.0))
    return Choice(
        "Which activation should the output unit of the notes' 0-vs-1 classifier use?",
        (
            Option(
                "Sigmoid",
                True,
                "Yes: $\\sigma(z) \\in (0, 1)$ reads as $P(y = 1 \\mid x)$, and with cross-entropy $dZ^{[L]} = A - Y$.",
            ),
            Option("tanh", False, f"No: tanh ranges over $({lo:g}, {hi:g})$, not a probability."),
            Option("ReLU", False, "No: $\\max(0, z)$ is unbounded above and not a probability."),
        ),  # fmt: skip
        "Hidden layers may use tanh or ReLU; the output of a two-class network stays a sigmoid.",
    )


def _val_losses(v):
    """A validation loss curve that falls, then rises with noise: 30 epochs, seeded."""
    r = rng(v, 8)
    epochs = np.arange(1, 31)
    turn = (8, 12, 6, 15)[v % 4]
    return np.round(0.3 / epochs + 0.004 * np.maximum(epochs - turn, 0) + r.uniform(0, 0.01, size=30), 3)


@question("generalization", "where early stopping stops")
def stop_epoch(v):
    losses, patience = _val_losses(v), (3, 5, 4, 2)[v]
    where = early_stopping(losses, patience)
    shown = ", ".join(f"{x:.3f}" for x in losses[: where["stop"] + 1])
    return Number(
        f"The validation loss per epoch, from epoch 1: {shown}, … With patience {patience} (a new best must be strictly "
        "lower), after which epoch does early stopping stop?",
        where["stop"],
        0.5,
        f"The lowest loss is at epoch {where['best']}; {patience} epochs without a new best end training after epoch {where['stop']}.",
        (
            (where["best"], "That is the best epoch, whose weights are kept; training runs on for the patience."),
            (
                where["stop"] + 1,
                "One epoch too many: training stops right after the patience-th epoch without a new "
                "best, counted from the best epoch.",
            ),
            (
                where["stop"] - 1,
                "One epoch too few: count the patience in epochs after the best one, and epochs from 1.",
            ),
        ),  # fmt: skip
        given={"losses": losses.tolist(), "patience": patience},
    )


@question("generalization", "the weights early stopping keeps")
def best_epoch(v):
    losses = _val_losses(v + 4)
    where = early_stopping(losses, 30)
    first_rise = next((e for e in range(1, 20) if losses[e] > losses[e - 1]), 20)  # the epoch before the loss rose
    return Number(
        f"The validation loss per epoch, from epoch 1: {', '.join(f'{x:.3f}' for x in losses[:20])}. "
        "Training ran all 20 epochs. With `restore_best_weights=True`, the weights of which epoch does early "
        "stopping keep (of equal losses, the first)?",
        where["best"],
        0.5,
        f"The epoch with the lowest validation loss, {losses[where['best'] - 1]:.3f}: epoch {where['best']}.",
        (
            (20, "The last epoch has overfit: keep the epoch with the lowest validation loss."),
            (where["best"] - 1, "Epochs count from 1: the first loss listed is epoch 1, not 0."),
            (
                where["best"] + 1,
                "That is the epoch after the best, the first without a new best (or a later tie): "
                "the best epoch's own weights are kept.",
            ),
            (first_rise, "That is where the loss first rose; it fell lower later: look for the lowest of all 20."),
        ),
        given={"losses": losses[:20].tolist()},
    )


@question("generalization", "the size of the fit set")
def fit_size(v):
    n_val = (data.VALIDATION_SIZE, 1000, 3000, 500)[v]
    _, y = data.load("train")
    _, y_test = data.load("test")
    fit, val = data.holdout(y.ravel(), n_val=n_val)
    return Number(
        f"Holding out {n_val:,} of the {y.shape[1]:,} training digits for validation, how many are left to fit the weights?",
        fit.size,
        0.5,
        f"{y.shape[1]:,} − {n_val:,} = {fit.size:,}; the {y_test.shape[1]:,} test digits stay aside for the final "
        "figure.",
        (
            (y.shape[1], "The validation digits are held out of training: they do not fit the weights."),
            (n_val, "That is the validation part; the fit part is what is left of the training digits."),
            (
                fit.size - y_test.shape[1],
                f"The {y_test.shape[1]:,} test digits are a set of their own, not among the "
                f"{y.shape[1]:,} training digits: take away only the validation part.",
            ),
        ),
        given={"m": y.shape[1], "n_val": n_val},
    )


@question("generalization", "reading the curves")
def overfitting(v):
    return Choice(
        "Which show that a network is overfitting?",
        (
            Option(
                "The training loss keeps falling while the validation loss rises.",
                True,
                "Yes: it fits the training digits' particulars, not the digits in general.",
            ),
            Option(
                "Both losses fall together.",
                False,
                "No: that is learning; stop when the validation loss stops falling.",
            ),
            Option(
                "Training accuracy is 100% and validation accuracy well below it.",
                True,
                "Yes: the gap between the two is what overfitting means.",
            ),
            Option(
                "The test set is used to choose the epoch.",
                False,
                "That is a mistake of method, not a sign: the test set must be used once, at the end.",
            ),
        ),  # fmt: skip
        "Overfitting: training loss down, validation loss up. Early stopping keeps the epoch of the lowest validation loss.",
    )


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
