"""The practice questions of initialization/ (docs/initialization.py)."""

import math

import numpy as np

from snippets import numpy_net
from snippets.activations import sigmoid, sigmoid_prime
from snippets.course import initialization, show
from snippets.practice.kinds import Choice, Number, Option, question


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
