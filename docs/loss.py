# %% [markdown]
# # Loss: binary cross-entropy
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - One example: $L(\hat y, y) = -\bigl[y \log \hat y + (1 - y) \log(1 - \hat y)\bigr]$.
# - The cost: $J = \frac{1}{m} \sum_i L(\hat y^{(i)}, y^{(i)})$, the mean over the $m$ examples.
# - $y = 1$ leaves $-\log \hat y$; $y = 0$ leaves $-\log(1 - \hat y)$: confident mistakes cost the most.
# - Clip $\hat y$ to $[10^{-7}, 1 - 10^{-7}]$ (as Keras does), or compute from the logits $z$.
# - With a sigmoid output its gradient is simply $dZ^{[L]} = A^{[L]} - Y$.
#
# </div>
#
# **Aim:** know the loss the network minimizes, why it suits a sigmoid output, and check it
# against Keras.
#
# **Notation:** $\hat y^{(i)} = a^{[L](i)}$ is the predicted probability for example $i$. The loss of
# one example and the cost $J$ over $m$ examples:
#
# $$L(\hat y, y) = -\bigl[y \log \hat y + (1 - y) \log(1 - \hat y)\bigr], \qquad
#   J = \frac{1}{m} \sum_{i=1}^{m} L\bigl(\hat y^{(i)}, y^{(i)}\bigr).$$
#
# For $y = 1$ only $-\log \hat y$ remains; for $y = 0$ only $-\log(1 - \hat y)$: a confident wrong
# answer costs without bound, a confident right one costs almost nothing.

# %% tags=["hide-input"]
import numpy as np

from snippets import losses, plots, show

p = np.linspace(0.001, 0.999, 500)
plots.show(
    plots.curves(
        p,
        {"y = 1: −log ŷ": -np.log(p), "y = 0: −log(1 − ŷ)": -np.log(1 - p)},
        xlabel="predicted probability ŷ",
        ylabel="loss L(ŷ, y)",
        title="Cross-entropy of one example",
    ),
    alt="Two loss curves against the predicted probability: for y = 1 the loss falls from large values near ŷ = 0 to 0 at ŷ = 1; for y = 0 it mirrors that, rising towards ŷ = 1.",
    fmt="svg",
)

# %% [markdown]
# ## The code

# %% tags=["hide-input"]
show.source(losses._bce)

# %% [markdown]
# `EPSILON` clips $\hat y$ to $[10^{-7}, 1 - 10^{-7}]$, as Keras does, so $J$ stays finite when a
# prediction is exactly 0 or 1. From the logits $z$ there is an exact form without clipping,
# $L = \max(z, 0) - y z + \log(1 + e^{-|z|})$:

# %% tags=["hide-input"]
show.source(losses._bce_from_logits)

# %% [markdown]
# ## NumPy beside Keras, same predictions

# %%
import keras
import numpy as np

from snippets import losses
from snippets.activations import sigmoid

rng = np.random.default_rng(0)
Y = rng.integers(0, 2, size=(1, 8)).astype(float)
Z = rng.normal(scale=3, size=(1, 8))
Y_hat = sigmoid(Z)
Y_hat_edge = np.array([[1.0, 0.0, 0.5, 1.0, 0.0, 0.2, 0.9, 0.99]])  # exact 0s and 1s
bce = keras.losses.BinaryCrossentropy(dtype="float64")
bce_logits = keras.losses.BinaryCrossentropy(from_logits=True, dtype="float64")
cases = {
    "probabilities ŷ = σ(z)": (losses.binary_cross_entropy(Y_hat, Y), float(bce(Y.T, Y_hat.T))),
    "logits z": (losses.binary_cross_entropy_from_logits(Z, Y), float(bce_logits(Y.T, Z.T))),
    "ŷ with exact 0s and 1s": (losses.binary_cross_entropy(Y_hat_edge, Y), float(bce(Y.T, Y_hat_edge.T))),
}

# %% tags=["hide-input"]
show.table(
    ["case", "NumPy (snippets.losses)", "Keras BinaryCrossentropy", "difference"],
    [[name, f"{ours:.10f}", f"{theirs:.10f}", f"{abs(ours - theirs):.1e}"] for name, (ours, theirs) in cases.items()],
    align=["left", "right", "right", "right"],
)

# %% [markdown]
# The two agree to float64 rounding, including where $\hat y$ is exactly 0 or 1 and clipping applies.
#
# ## Summary
#
# - $J = -\frac1m \sum [y \log \hat y + (1-y)\log(1-\hat y)]$: the negative log-likelihood of the labels.
# - Clip $\hat y$ (or work from logits) so $J$ is finite at $\hat y \in \{0, 1\}$.
# - With a sigmoid output it gives the simple gradient $dZ^{[L]} = A^{[L]} - Y$ ([Backpropagation](backprop.md)).
#
# ## Self-check
#
# <details class="question"><summary>What is the loss of predicting ŷ = 0.9 for y = 1? For y = 0?</summary>
# <p>−log 0.9, small, and −log 0.1, more than twenty times larger: confident mistakes dominate J.</p></details>
#
# <details class="question"><summary>Why not squared error with a sigmoid output?</summary>
# <p>Its gradient carries a factor σ'(z), which vanishes when the unit is confidently wrong; cross-entropy cancels it.</p></details>
#
# <details class="question"><summary>Why does the loss need clipping, and what does Keras clip to?</summary>
# <p>log 0 is −∞; Keras clips ŷ to [ε, 1 − ε] with ε = 1e-7, and so do these notes.</p></details>
