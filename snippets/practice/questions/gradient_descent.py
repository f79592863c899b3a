"""The practice questions of gradient-descent/ (docs/gradient-descent.py)."""

import math

import numpy as np

from snippets import adam, data, numpy_net, training
from snippets.practice.kinds import Choice, Number, Option, question, rng


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
    steps = sum(1 for _ in training.batcher(X, Y, B, seed=0)())  # the batches train runs in one epoch
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
