# %% [markdown]
# # Loss: binary cross-entropy
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - One example: $L(\hat y, y) = -\bigl[y \log \hat y + (1 - y) \log(1 - \hat y)\bigr]$. <!-- card: What is the cross-entropy loss $L(\hat y, y)$ of one example? -->
# - The cost: $J = \frac{1}{m} \sum_i L(\hat y^{(i)}, y^{(i)})$, the mean over the $m$ examples. <!-- card: How is the cost $J$ made from the examples' losses? -->
# - $y = 1$ leaves $-\log \hat y$; $y = 0$ leaves $-\log(1 - \hat y)$: confident mistakes cost the most. <!-- card: Which predictions does the cross-entropy loss charge the most for? -->
# - From the logit $z = z^{[L]}$ it is exact for any $z$: $L = \max(z, 0) - z y + \log(1 + e^{-|z|})$; Keras' `fit` uses it for a sigmoid output, and so does the NumPy training loop. <!-- card: How is the loss computed exactly from the logit $z = z^{[L]}$? -->
# - With a sigmoid output its gradient is simply $dZ^{[L]} = A^{[L]} - Y$. <!-- card: none (Backpropagation's item on the output layer asks it) -->
#
# </div>
#
# **Aim:** know the loss the network minimizes, why it suits a sigmoid output, and check it
# against Keras.
#
# **Notation:** $\hat y^{(i)} = a^{[L](i)}$ is the predicted probability for example $i$. The loss of
# one example and the cost $J$ over $m$ examples:
#
# $$\begin{aligned}
# L(\hat y, y) &= -\bigl[y \log \hat y + (1 - y) \log(1 - \hat y)\bigr] \\
# J &= \frac{1}{m} \sum_{i=1}^{m} L\bigl(\hat y^{(i)}, y^{(i)}\bigr)
# \end{aligned}$$
#
# For $y = 1$ only $-\log \hat y$ remains; for $y = 0$ only $-\log(1 - \hat y)$: a confident wrong
# answer costs without bound, a confident right one costs almost nothing.
#
# **Where it comes from: the Bernoulli likelihood.** The network says $P(y = 1 \mid x) = \hat y$, so
#
# $$\begin{aligned}
# P(y \mid x) &= \hat y^{\,y} (1 - \hat y)^{1 - y} \\
# -\log P(y \mid x) &= -\bigl[y \log \hat y + (1 - y) \log(1 - \hat y)\bigr] \\
# &= L(\hat y, y)
# \end{aligned}$$
#
# and over $m$ independent examples $-\frac1m \log \prod_i P(y^{(i)} \mid x^{(i)}) = J$. Minimizing $J$ is
# maximizing the likelihood of the labels. On 8 random predictions:

# %%
import numpy as np

from snippets import losses

rng = np.random.default_rng(0)
Y, Y_hat = rng.integers(0, 2, size=(1, 8)), rng.uniform(0.05, 0.95, size=(1, 8))
print(f"-(1/m) log P(labels) = {losses.negative_log_likelihood(Y_hat, Y):.10f}")
print(f"J, binary cross-entropy = {losses.binary_cross_entropy(Y_hat, Y):.10f}")

# %% tags=["hide-input"]
from snippets.course import plots, show

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
#
# From probabilities, $\hat y$ must be kept away from 0 and 1, where $\log$ is $-\infty$: `EPSILON`
# clips it to $[10^{-7}, 1 - 10^{-7}]$, as Keras' `binary_crossentropy` does when it is handed bare
# probabilities. So a prediction that rounds to exactly 0 or 1 costs at most $-\ln 10^{-7} \approx 16.1$.

# %% [markdown]
# <!-- fold: The code: the clipped form -->

# %% tags=["hide-input"]
show.source(losses.bce)

# %% [markdown]
# <!-- end fold -->

# %% [markdown]
# From the logit $z$, the output unit's input to the sigmoid, there is an exact form with nothing to
# clip: $-\log \sigma(z) = \log(1 + e^{-z})$, and $L = \log(1 + e^{z}) - y z$, rewritten so that
# $e^{z}$ never overflows. The NumPy training loop reports its loss this way, from $Z^{[L]}$
# ([Gradient descent](gradient-descent.py)):

# %% tags=["hide-input"]
show.source(losses.bce_from_logits)

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
# ## What Keras' fit computes
#
# To remember: with a sigmoid output layer, Keras' `fit` computes the loss from the logit $z$, exactly, as the
# NumPy loop does; handed bare probabilities, the loss clips them. The fold shows the difference on one
# confidently wrong output.

# %% [markdown]
# <!-- fold: Keras' internals: the loss of a saturated output, z = −50 -->
# Handed probabilities, `binary_crossentropy` clips them. Inside `fit` and `evaluate` it is not handed
# probabilities: when the last layer is a `Dense` with `activation="sigmoid"`, Keras (with the TensorFlow backend
# used here) keeps the sigmoid's input $z$ with the output and computes the loss from it, in the exact logits form. A
# confidently wrong output shows the difference: one unit whose $z = -50$ for a digit labelled 1.

# %%
model = keras.Sequential([keras.Input(shape=(1,)), keras.layers.Dense(1, activation="sigmoid")])
model.layers[0].set_weights([np.zeros((1, 1)), np.array([-50.0])])  # z = -50 whatever the input
model.compile(loss="binary_crossentropy")
x, y = np.zeros((1, 1)), np.ones((1, 1))
z = np.array([[-50.0]])
y_hat = keras.ops.convert_to_numpy(model(x))  # ŷ = σ(−50) as a plain array: z is not attached to it
saturated = {
    "Keras model.evaluate (the loss fit minimizes)": model.evaluate(x, y, verbose=0),
    "Keras binary_crossentropy(y, ŷ) on the array ŷ": float(keras.losses.binary_crossentropy(y, y_hat)[0]),
    "NumPy from the logit z (the training loop)": losses.binary_cross_entropy_from_logits(z, y),
    "NumPy from ŷ, clipped": losses.binary_cross_entropy(y_hat.astype(float), y),
}

# %% tags=["hide-input"]
show.table(["computed by", "loss for z = −50, y = 1"], [[name, f"{value:.3f}"] for name, value in saturated.items()],
           align=["left", "right"])  # fmt: skip

# %% [markdown]
# The exact loss is $\log(1 + e^{50}) \approx 50$: `evaluate` and the NumPy logits form report it;
# from $\hat y = \sigma(-50) \approx 2 \times 10^{-22}$ both libraries stop at the clipping ceiling,
# $-\ln 10^{-7}$. Both networks of these notes report the exact form, so a saturated output costs
# the same in both.
# <!-- end fold -->

# %% [markdown]
# ## Practice
#
# <p class="notes-screen-only">Answer, then press <strong>Check</strong> for why, or a hint; <strong>Another
# one</strong> gives fresh numbers. Progress stays in this browser.</p>

# %% tags=["hide-input"]
from snippets.practice import quiz

quiz.questions("loss")

# %% [markdown]
# ## Summary
#
# - $J = -\frac1m \sum [y \log \hat y + (1-y)\log(1-\hat y)]$: the negative log-likelihood of the labels.
# - From probabilities, clip $\hat y$ so $J$ is finite at $\hat y \in \{0, 1\}$; from the logit $z$ the loss is exact
#   and needs no clipping. Keras' `fit` uses the logits with a sigmoid output, and so does the NumPy loop.
# - With a sigmoid output it gives the simple gradient $dZ^{[L]} = A^{[L]} - Y$ ([Backpropagation](backprop.md)).
#
# ## Self-check
#
# <details class="question"><summary>How many times larger is the loss of predicting ŷ = 0.9 when y = 0 than when y = 1?</summary>
# <p>More than twenty times: −log 0.1 ≈ 2.30 against −log 0.9 ≈ 0.105. Confident mistakes dominate J.</p></details>
#
# <details class="question"><summary>Why not use squared error as the loss of a sigmoid output?</summary>
# <p>Its gradient carries a factor σ'(z), which vanishes when the unit is confidently wrong; cross-entropy cancels it.</p></details>
#
# <details class="question"><summary>Why does a cross-entropy computed from probabilities need clipping?</summary>
# <p>log 0 is −∞, and a sigmoid output can round to exactly 0 or 1: from probabilities, ŷ is clipped to
# [ε, 1 − ε] with ε = 1e-7. Inside fit and evaluate, with a sigmoid output layer, Keras does not clip:
# it computes the loss from the sigmoid's input z, exactly, as the NumPy training loop does.</p></details>

# %% tags=["hide-input"]
quiz.key("loss")
