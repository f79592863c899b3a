"""Practice questions of the learning lessons: Backpropagation, Gradient descent, TensorFlow, NumPy vs TensorFlow,
Vectorization."""

import math

import numpy as np

from snippets import adam, data, numpy_net, show, training
from snippets.activations import sigmoid_prime
from snippets.quiz import Choice, Number, Option, Shape, question, rng
from snippets.results import SETTINGS


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


@question("gradient-descent", "one gradient-descent step")
def gd_step(v):
    r = rng(v, 6)
    w, dw, alpha = (0.8, 0.3, 0.5) if v == 0 else (round(float(r.uniform(-1, 1)), 1),
                                                    round(float(r.uniform(-1, 1)), 2), (0.1, 1.0, 0.05)[v - 1])  # fmt: skip
    params = {"W1": np.array([[w]]), "b1": np.zeros((1, 1))}
    new = float(numpy_net.update(params, {"dW1": np.array([[dw]]), "db1": np.zeros((1, 1))}, alpha)["W1"][0, 0])
    return Number(
        f"A weight is $w = {w:g}$, its gradient $dw = {dw:g}$ and the learning rate $\\alpha = {alpha:g}$. "
        "What is $w$ after one gradient-descent step?",
        new,
        None,  # to 3 significant figures
        f"$w := w - \\alpha\\, dw = {w:g} - {alpha:g} · ({dw:g}) = {new:g}$: a step against the gradient.",
        (
            (w + alpha * dw, "Check the sign: step against the gradient, $w - \\alpha\\, dw$."),
            (w - dw, "You left out the learning rate: the step is the gradient times $\\alpha$."),
            (-alpha * dw, "That is the step $-\\alpha\\, dw$ alone; add it to $w$."),
            (w - alpha, "You subtracted $\\alpha$ alone: the step is $\\alpha$ times the gradient $dw$."),
        ),  # fmt: skip
        given={"w": w, "dw": dw, "alpha": alpha},
    )


@question("gradient-descent", "steps in an epoch")
def steps_per_epoch(v):
    X, Y = data.load("train")
    B = (32, 64, 100, 10)[v]
    steps = sum(1 for _ in training._batcher(X, Y, B, seed=0)())  # the batches train runs in one epoch
    m = X.shape[1]
    return Number(
        f"Mini-batch gradient descent with batches of $B = {B}$ on the {m:,} training digits: how many steps make one epoch?",
        steps,
        0.5,
        f"$\\lceil m / B \\rceil = \\lceil {m} / {B} \\rceil = {steps}$: the last batch holds the {m - (steps - 1) * B} left over.",
        (
            (m // B, "You rounded down: the last batch, smaller than $B$, is a step too, so round $m / B$ up."),
            (m, "That is one step per example ($B = 1$); a mini-batch step takes $B$ examples at once."),
            (1, "That is full-batch gradient descent, one step per epoch; with mini-batches, one step per batch."),
        ),
        given={"m": m, "B": B},
    )


@question("gradient-descent", "Adam's first step")
def adam_first_step(v):
    theta, d, alpha = ((0.5, 0.02, 0.01), (0.5, -3.0, 0.01), (1.0, 0.001, 0.1), (0.0, 5.0, 0.001))[v]
    params = {"W1": np.array([[theta]]), "b1": np.zeros((1, 1))}
    grads = {"dW1": np.array([[d]]), "db1": np.zeros((1, 1))}
    new = float(adam.update(params, grads, adam.init_state(params), alpha)[0]["W1"][0, 0])
    V, S = (1 - adam.BETA1) * d, (1 - adam.BETA2) * d**2  # uncorrected moments, for the hint
    return Number(
        f"Adam ($\\beta_1 = {adam.BETA1:g}$, $\\beta_2 = {adam.BETA2:g}$) takes its first step from $\\theta = {theta:g}$ "
        f"with gradient $d\\theta = {d:g}$ and $\\alpha = {alpha:g}$. What is $\\theta$ after it?",
        new,
        None,  # to 3 significant figures
        "After bias correction $\\hat V = d\\theta$ and $\\hat S = d\\theta^2$, so the first step is $\\alpha$ times the"
        f" gradient's sign, whatever its size: $\\theta = {new:.4g}$.",
        (
            (
                theta - alpha * V / math.sqrt(S),
                "You left out the bias correction, $V / (1 - \\beta_1^t)$ and $S / (1 - \\beta_2^t)$.",
            ),
            (theta - alpha * d, "That is a plain gradient-descent step; Adam divides by $\\sqrt{\\hat S}$."),
            (
                theta + alpha * math.copysign(1, d),
                "Check the sign: Adam steps against the gradient, $\\theta - \\alpha\\, \\hat V / \\sqrt{\\hat S}$.",
            ),
            (
                theta - alpha * d / d**2,
                "You left out the square root: Adam divides $\\hat V$ by $\\sqrt{\\hat S}$, "
                "the gradient's size, not by $\\hat S$.",
            ),
        ),  # fmt: skip
        given={"theta": theta, "d": d, "alpha": alpha},
    )


@question("gradient-descent", "reading a loss curve")
def loss_curve(v):
    return Choice(
        "Training with a new learning rate, the loss jumps up and down from epoch to epoch instead of falling. What do you do?",
        (
            Option(
                "Lower $\\alpha$.", True, "Yes: steps too large overshoot the minimum; a smaller $\\alpha$ settles."
            ),
            Option(
                "Raise $\\alpha$.",
                False,
                "No: larger steps overshoot further. A loss that falls slowly asks for a larger $\\alpha$.",
            ),
            Option("Train for more epochs.", False, "No: with the same $\\alpha$ it keeps oscillating."),
        ),  # fmt: skip
        "Too small: the loss falls, slowly. Too large: it jumps and oscillates.",
    )


@question("tf-keras", "the shape of Dense(25)'s kernel")
def kernel_shape(v):
    K = numpy_net.init_params()["W1"].T  # Keras stores W[1]^T (keras_net.to_keras)
    return Shape(
        "The first layer is `Dense(25, activation='sigmoid')` after `Input(shape=(400,))`. What is the shape of its kernel?",
        K.shape,
        "$(n^{[0]}, n^{[1]})$: Keras stores $W^{[1]\\top}$ and computes $A^\\top = g(X^\\top K + b)$ with examples as rows.",
        (
            (K.shape[::-1], "That is the notes' $W^{[1]}$; Keras stores its transpose."),
            ((K.shape[1],), "That is the bias's shape; the kernel holds a weight per input and unit."),
        ),
        given={"units": 25, "inputs": 400},
    )


@question("tf-keras", "the shape of Dense(15)'s bias")
def keras_bias(v):
    params = numpy_net.init_params()
    b2 = params["b2"].ravel()  # Keras keeps the bias rank-1 (keras_net.to_keras flattens it)
    return Shape(
        "What is the shape of the bias of `Dense(15)`?",
        b2.shape,
        "Keras keeps a rank-1 bias, `(15,)`, and adds it to every row (example).",
        (
            ((15, 1), "That is the notes' column $b^{[2]}$; Keras keeps it rank-1."),
            ((1, 15), "Keras keeps it rank-1: one number per unit."),
            (params["W2"].T.shape, "That is the kernel, $(n_{in}, 15)$; the bias holds one number per unit."),
        ),
        given={"units": 15},
    )


@question("tf-keras", "what fit takes")
def fit_input(v):
    X, _ = data.load("train")
    return Shape(
        f"The notes' $X$ is $(400, {X.shape[1]})$. What shape does `model.fit` take for it?",
        X.T.shape,
        "Keras takes examples as rows: `model.fit(X.T, Y.T, ...)`.",
        (
            (X.shape, "That is the NumPy layout: Keras wants examples as rows, `X.T`."),
            ((X.shape[1], 20, 20), "That is the stack of 20×20 images: `Dense` takes each example flat, as a row."),
        ),
        given={"m": X.shape[1]},
    )


@question("tf-keras", "a Dense layer's parameters")
def dense_parameters(v):
    n_in, units = ((25, 15), (400, 25), (15, 1), (25, 10))[v]
    params = numpy_net.init_params((n_in, units))
    count = params["W1"].size + params["b1"].size
    return Number(
        f"How many parameters does `Dense({units})` have when its input has {n_in} features?",
        count,
        0.5,
        f"A kernel $({n_in}, {units})$ and a bias $({units},)$: ${n_in} · {units} + {units} = {count}$.",
        (
            (n_in * units, "You left out the bias: one per unit, besides the kernel's weights."),
            (units, f"{units} is the number of units, `Dense`'s argument: each has a weight per input and a bias."),
            (n_in * units + n_in, "The bias is one per unit, not one per input."),
            (n_in + units, "Multiply: every unit has a weight per input, a kernel of $n_{in} \\times$ units."),
            (n_in * units + 1, "Each unit has its own bias: the bias is a vector, one number per unit."),
        ),
        given={"n_in": n_in, "units": units},
    )


@question("numpy-vs-tensorflow", "what Keras writes for you")
def keras_does(v):
    return Choice(
        "Which of these does the NumPy network write by hand and Keras' `fit` do for you?",
        (
            Option("The backward pass (the gradients).", True, "Yes: `fit` differentiates the forward pass itself."),
            Option("The parameter update.", True, "Yes: the optimizer (`SGD` or `Adam`) applies it."),
            Option("Choosing the layer sizes.", False, "No: you declare them in both, `Dense(25)` or `LAYER_SIZES`."),
            Option("Putting examples in columns.", False, "No: Keras puts examples in rows, the transpose."),
        ),  # fmt: skip
        "NumPy: you write forward, loss, backprop and the update. Keras: you declare layers, a loss and an optimizer.",
    )


@question("numpy-vs-tensorflow", "what predict returns")
def predict_shape(v):
    _, Y = data.load("test")
    P = numpy_net.predict_proba(np.zeros((400, Y.shape[1])), numpy_net.init_params())
    return Shape(
        f"The NumPy network's `predict_proba` returns $(1, {Y.shape[1]})$ for the test set. "
        "What shape does Keras' `model.predict(X_test.T)` return?",
        P.T.shape,
        "One row per example, one column per output unit: the transpose of the NumPy layout.",
        (
            (P.shape, "That is the NumPy layout; Keras returns one row per example."),
            ((Y.shape[1],), "A rank-1 array: Keras keeps the output axis too, a column per output unit."),
            ((Y.shape[1], 400), "That is the input `X_test.T`; `predict` returns one probability per example."),
        ),  # fmt: skip
        given={"m": Y.shape[1]},
    )


@question("numpy-vs-tensorflow", "steps in a Keras run")
def keras_steps(v):
    X, Y = data.load("train")
    epochs, B = SETTINGS["keras"]["epochs"], (SETTINGS["keras"]["batch_size"], 64, 128, 500)[v]
    steps = epochs * sum(1 for _ in training._batcher(X, Y, B, seed=0)())  # Keras batches as train does
    m = X.shape[1]
    return Number(
        f"`model.fit(X.T, Y.T, epochs={epochs}, batch_size={B})` on {m:,} digits: how many optimizer steps in all?",
        steps,
        0.5,
        f"{epochs} epochs of $\\lceil {m} / {B} \\rceil = {steps // epochs}$ steps: {steps:,}.",
        (
            (epochs * (m // B), "You rounded down: each epoch's last, smaller batch is a step too; round $m / B$ up."),
            (steps // epochs, f"That is one epoch's steps; `fit` makes {epochs} passes over the data."),
            (
                round(epochs * m / B),
                f"You rounded once for the whole run, {epochs} · m / B: each epoch ends with its "
                "own smaller batch, so round up per epoch, then multiply.",
            ),
            (epochs * m, "That is one step per example: a step takes a whole batch of `batch_size` examples."),
        ),  # fmt: skip
        given={"m": m, "B": B, "epochs": epochs},
    )


@question("numpy-vs-tensorflow", "a like-for-like comparison")
def like_for_like(v):
    return Choice(
        "To check that Keras computes what the NumPy network does, which must be the same in both runs?",
        (
            Option("The initial weights.", True, "Yes: copied across with $K = W^\\top$."),
            Option(
                "The optimizer: plain gradient descent with the same $\\alpha$.",
                True,
                "Yes: `SGD(learning_rate=0.5)`, the NumPy update; Adam would take other steps.",
            ),
            Option("The order of the mini-batches.", True, "Yes: the same examples in each step."),
            Option("The layout of $X$.", False, "No: each takes its own layout; $X^\\top$ holds the same numbers."),
        ),
        "Same start, same batches, same update rule: then the loss curves lie on each other.",
    )


@question("vectorization", "the notes' broadcast")
def broadcast_shape(v):
    result = np.array([[1, 2, 3]]) + np.array([[1], [2], [3]])
    return Shape(
        "What is the shape of `np.array([[1, 2, 3]]) + np.array([[1], [2], [3]])`?",
        result.shape,
        "$(1, 3) + (3, 1)$: each size-1 axis stretches to the other's size, so both operands become $(3, 3)$.",
        (
            ((1, 3), "Both operands stretch: the column $(3, 1)$ too."),
            ((3, 1), "Both operands stretch: the row $(1, 3)$ too."),
        ),
        given={"a": (1, 3), "b": (3, 1)},
    )


@question("vectorization", "one entry of a broadcast sum")
def broadcast_entry(v):
    r = rng(v, 7)
    row = np.array([[1, 2, 3]]) if v == 0 else r.integers(1, 10, size=(1, 3))
    col = np.array([[1], [2], [3]]) if v == 0 else r.integers(10, 40, size=(3, 1))
    i, j = (2, 0) if v == 0 else tuple(int(k) for k in r.integers(0, 3, size=2))
    entry = int((row + col)[i, j])
    from_one = ()  # S[i, j] read as if NumPy counted from 1, where both indices allow it
    if i and j:
        slip = int(row[0, j - 1] + col[i - 1, 0])
        from_one = ((slip, f"NumPy counts from 0: `S[{i}, {j}]` is row {i + 1}, column {j + 1}."),)
    return Number(
        f"`S = np.array({row.tolist()}) + np.array({col.tolist()})`. What is `S[{i}, {j}]`?",
        entry,
        0.5,
        f"`S[i, j] = row[0, j] + col[i, 0]` $= {row[0, j]} + {col[i, 0]} = {entry}$.",
        (
            (
                int(row[0, i] + col[j, 0]),
                "You swapped the indices: `i` picks the row of `S`, and the rows come from the column operand.",
            ),
            *from_one,
            (
                int(row[0, i] + col[i, 0]),
                "Each operand takes its own index: the row operand runs along the columns "
                "of `S`, so `j` picks its entry.",
            ),
            (
                int(row[0, j] + col[j, 0]),
                "Each operand takes its own index: the column operand runs down the rows "
                "of `S`, so `i` picks its entry.",
            ),
            (int(row[0, j]), "That is the row operand's entry alone: broadcasting adds the column operand's to it."),
            (int(col[i, 0]), "That is the column operand's entry alone: broadcasting adds the row operand's to it."),
        ),
        given={"row": row.tolist(), "col": col.tolist(), "i": i, "j": j},
        counts=False,  # a sum of whole numbers, not a count: a decimal is not told to round
    )


@question("vectorization", "a rank-1 bias")
def rank_one(v):
    result = np.zeros((25, 1)) + np.zeros(25)
    return Shape(
        "A bias stored rank-1 meets a column: what is the shape of `np.zeros((25, 1)) + np.zeros(25)`?",
        result.shape,
        "A rank-1 array $(25,)$ lines up with the last axis, as $(1, 25)$: then both stretch, to $(25, 25)$. Keep $b$ as $(n, 1)$.",
        (
            ((25, 1), "A rank-1 array lines up with the **last** axis, as a row $(1, 25)$: both operands stretch."),
            ((25,), "The result keeps the larger rank: two axes."),
            ((1, 25), "That is how the rank-1 array lines up, as a row; the column $(25, 1)$ stretches too."),
        ),  # fmt: skip
        given={"a": (25, 1), "b": (25,)},
    )


@question("vectorization", "dot products in the loop")
def loop_count(v):
    n_out, m = ((25, 32), (15, 32), (25, 100), (1, 12665))[v]
    n_in = {25: 400, 15: 25, 1: 15}[n_out]
    calls = []
    numpy_net.dense_loop(
        np.zeros((n_in, m)), np.zeros((n_out, n_in)), np.zeros((n_out, 1)), g=lambda z: calls.append(1) or z
    )
    return Number(
        f"The notes' loop computes a layer of {show.count(n_out, 'unit')} for $m = {m:,}$ examples, one dot product of a "
        "weight row $W_j$ with an example $x^{(i)}$ at a time. "
        "How many dot products is that?",
        len(calls),
        0.5,
        f"One per unit and example: ${n_out} · {m} = {len(calls):,}$. `np.dot(W, X)` does them all in one call.",
        (
            (m, "That is one per example; each of the units needs its own."),
            (n_out, "That is one per unit; each unit takes a dot product with every example."),
            (n_out + m, "Every unit meets every example: count the pairs, so multiply, not add."),
            (n_out * n_in, "That counts weights; count the (unit, example) pairs."),
        ),
        given={"n_out": n_out, "m": m},
    )
