"""The practice questions of numpy-vs-tensorflow/ (docs/numpy-vs-tensorflow.py)."""

import numpy as np

from snippets import data, numpy_net, training
from snippets.course.results import SETTINGS
from snippets.practice.kinds import Choice, Number, Option, Shape, question


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
    steps = epochs * sum(1 for _ in training.batcher(X, Y, B, seed=0)())  # Keras batches as train does
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
