# %% [markdown]
# # Activation: the sigmoid
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - $\sigma(z) = \dfrac{1}{1 + e^{-z}} \in (0, 1)$, $\sigma(0) = 0.5$: the output reads as $P(y = 1 \mid x)$. <!-- card: What is the sigmoid function $\sigma(z)$? -->
# - $\sigma'(z) = \sigma(z)\,(1 - \sigma(z)) = a(1 - a)$, at most $0.25$ (at $z = 0$). <!-- card: What is the derivative $\sigma'(z)$ of the sigmoid? -->
# - Saturated units ($|z|$ large) have $\sigma' \approx 0$ and pass almost no gradient back. <!-- card: none (the practice question on a unit with z = 10 asks it) -->
# - Compute $\sigma$ from $e^{-|z|}$, which never overflows. <!-- card: From which exponential is $\sigma(z)$ computed, so that it never overflows? -->
#
# </div>
#
# **Aim:** know the sigmoid, its derivative, and why it is computed in a stable form.
#
# **Notation:** $z = w \cdot a + b$ is a unit's input; $g(z)$ its activation; for the sigmoid
# $g = \sigma$,
#
# $$\sigma(z) = \frac{1}{1 + e^{-z}}, \qquad \sigma'(z) = \sigma(z)\,\bigl(1 - \sigma(z)\bigr).$$
#
# $\sigma$ squashes any real $z$ into $(0, 1)$, so the output unit's $a^{[L]} = \sigma(z^{[L]})$ reads as
# $P(y = 1 \mid x)$; $\sigma(0) = 0.5$ is the decision threshold.

# %%
import numpy as np

from snippets import activations

z = np.linspace(-8, 8, 401)
print("σ(0) =", activations.sigmoid(0.0), "  max σ'(z) =", activations.sigmoid_prime(z).max())

# %% tags=["hide-input"]
from snippets.course import plots, show

plots.show(
    plots.curves(
        z,
        {"σ(z)": activations.sigmoid(z), "σ'(z)": activations.sigmoid_prime(z)},
        xlabel="z",
        ylabel="value",
        title="Sigmoid and its derivative",
    ),
    alt="The sigmoid rises from 0 to 1 in an S shape through 0.5 at z = 0; its derivative is a bump peaking at 0.25 at z = 0 and near 0 beyond |z| = 6.",
    fmt="svg",
)

# %% [markdown]
# The derivative peaks at $0.25$ at $z = 0$ and vanishes for large $|z|$: a saturated unit passes
# almost no gradient back (the *vanishing gradient* of deep sigmoid networks).

# %% [markdown]
# ## Why the stable form
#
# Written naively, `1 / (1 + np.exp(-z))` computes $e^{-z}$, which overflows for $z < -709$ in
# float64: NumPy warns and returns `inf` on the way (the final answer happens to be 0, but a
# warning in a training loop hides real problems, and the same trick breaks the loss):

# %%
import warnings

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    naive = 1 / (1 + np.exp(-np.array([-1000.0, 0.0, 1000.0])))
print("naive :", naive, "| warnings:", [str(w.message) for w in caught])
print("stable:", activations.sigmoid(np.array([-1000.0, 0.0, 1000.0])))

# %% [markdown]
# The stable version only ever computes $e^{-|z|} \le 1$, and uses whichever of the two equal forms
# $\frac{1}{1 + e^{-z}} = \frac{e^{z}}{1 + e^{z}}$ is exact for the sign of $z$:

# %% tags=["hide-input"]
show.source(activations.stable_sigmoid)


# %% [markdown]
# ## Practice
#
# <p class="notes-screen-only">Answer, then press <strong>Check</strong> for why, or a hint; <strong>Another
# one</strong> gives fresh numbers. Progress stays in this browser.</p>

# %% tags=["hide-input"]
from snippets.practice import quiz

quiz.questions("activation")

# %% [markdown]
# ## Summary
#
# - $\sigma(z) = 1/(1+e^{-z}) \in (0, 1)$, $\sigma(0) = 0.5$; output read as $P(y=1 \mid x)$.
# - $\sigma'(z) = \sigma(z)(1-\sigma(z)) \le 0.25$: small gradients when saturated.
# - Compute it with $e^{-|z|}$ so nothing overflows.
#
# ## Self-check
#
# <details class="question"><summary>What is σ'(0), and why does it matter for backpropagation?</summary><!-- card: none (the practice question on σ′(0) asks it) -->
# <p>σ(0)(1 − σ(0)) = 0.25, its largest value. Going back through a sigmoid layer multiplies the
# gradient element-wise by σ′(z) ≤ ¼ (and by Wᵀ, which can make it larger or smaller): the σ′
# factor alone can only shrink it, and many saturated layers in a row make it vanish.</p></details>
#
# <details class="question"><summary>Why is σ(z) not computed as 1/(1 + exp(−z)), as it is written?</summary>
# <p>exp(−z) overflows for z below about −709 in float64; the stable form never exponentiates a positive number.</p></details>
#
# <details class="question"><summary>Express σ'(z) using only a = σ(z).</summary><!-- card: none (the item on σ′(z) asks it) -->
# <p>a(1 − a): backprop reuses the activations from the forward pass instead of recomputing z.</p></details>

# %% tags=["hide-input"]
quiz.key("activation")
