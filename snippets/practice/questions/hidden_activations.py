"""The practice questions of hidden-activations/ (docs/hidden-activations.py)."""

import numpy as np

from snippets.activations import relu_prime, sigmoid_prime, tanh, tanh_prime
from snippets.practice.kinds import Choice, Number, Option, question


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
