"""The practice questions of activation/ (docs/activation.py)."""

import math

from snippets.activations import sigmoid, sigmoid_prime
from snippets.practice.kinds import Choice, Number, Option, question, rng, tex_number


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
