"""The practice questions of loss/ (docs/loss.py)."""

import math

import numpy as np

from snippets import losses
from snippets.activations import sigmoid
from snippets.practice.kinds import Choice, Number, Option, question, rng


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
