# %% [markdown]
# # Gradient descent and the learning rate
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - Update every step: $W^{[l]} := W^{[l]} - \alpha\, dW^{[l]}$, $b^{[l]} := b^{[l]} - \alpha\, db^{[l]}$. <!-- card: What is the gradient descent update of $W^{[l]}$ and $b^{[l]}$? -->
# - Adam: $V := \beta_1 V + (1-\beta_1) d\theta$, $S := \beta_2 S + (1-\beta_2) d\theta^2$, bias-corrected;
#   $\theta := \theta - \alpha \hat V / (\sqrt{\hat S} + \varepsilon)$. <!-- card: What are Adam's update rules? -->
# - One epoch = one pass over the data: 1 step (full batch) or $\lceil m / B \rceil$ steps (mini-batches of $B$). <!-- card: How many steps make one epoch, with the full batch and with mini-batches of $B$? -->
# - $\alpha$ too small: the loss falls, slowly. Too large: it jumps and oscillates. <!-- card: What does the loss do when the learning rate $\alpha$ is too small or too large? -->
# - A step is: forward, loss, backward, update. <!-- card: What does one training step do, in order? -->
#
# </div>
#
# **Aim:** train the NumPy network by gradient descent, and read what the learning rate does
# from the loss curve.
#
# **Notation:** $\alpha$ is the learning rate; $\theta$ stands for any parameter $W^{[l]}$ or $b^{[l]}$,
# and $d\theta$ for its gradient $\partial J / \partial \theta$ from [backpropagation](backprop.md).
#
# ## The update and the loop

# %% tags=["hide-input"]
from snippets.course import show

show.source(module="numpy_net.py", section="update")

# %% tags=["hide-input"]
show.source(module="training.py", section="train")

# %% [markdown]
# `training.train` checks its inputs, draws the initial weights and calls this loop. Each
# epoch's point is the mean loss and accuracy over its steps, measured before each step, as
# Keras reports them.
#
# ## Full batch or mini-batches
#
# Two runs on all 12,665 training digits: full-batch gradient descent for 60 epochs, and the
# site's headline NumPy run, mini-batches of 32 for 10 epochs (computed once, shared with
# [Home](index.py) and [NumPy vs TensorFlow](numpy-vs-tensorflow.py)).

# %%
from snippets.course import plots, results

headline = results.headline("numpy")
full = results.histories([(2.0, None)], epochs=60)[(2.0, None)]
mini = headline["history"]
m, B = 12665, headline["batch_size"]
steps = -(-m // B)  # ⌈m / B⌉
epochs = len(full["loss"])
print(f"full batch (α = 2): {epochs} epochs = {epochs} steps, final loss {full['loss'][-1]:.4f}")
print(f"batches of {B} (α = {headline['lr']}): {steps} steps per epoch, {len(mini['loss'])} epochs = "
      f"{steps * len(mini['loss'])} steps, final loss {mini['loss'][-1]:.4f}")  # fmt: skip

# %% tags=["hide-input"]
plots.show(
    plots.history({"full batch (α = 2)": full, f"batches of {B} (α = {headline['lr']})": mini}),
    alt="Loss on a log scale, above training accuracy, per epoch, for full-batch gradient descent over 60 epochs and mini-batches of 32 over 10 epochs; the mini-batch run ends at a far lower loss after only 10 epochs.",
    fmt="svg",
)

# %% [markdown]
# In 10 epochs the mini-batch run makes far more steps than the full-batch run makes in 60 (the
# counts above), and ends at a lower loss: here many cheap, noisy steps beat a few exact ones.
#
# ## The learning rate: too small, good, too large
#
# The same network and start, full-batch gradient descent on 1,000 training digits (500 of each), for 60
# epochs, with three values of $\alpha$:

# %%
rates = results.THREE_RATES  # too small, good, too large: the figure gives each α
traces = results.learning_rates(rates.values(), n=1000, epochs=60)

# %% tags=["hide-input"]
plots.show(
    plots.history({f"{name} (α = {lr})": traces[lr] for name, lr in rates.items()}, title="Learning rate"),
    alt="Loss and accuracy per epoch for three learning rates. With α = 0.05 the loss falls slowly and stays high. With α = 2 it bumps in the first epochs, then falls steadily towards zero. With α = 40 it jumps up after the first step and then zigzags between two high values, while accuracy stays at one half.",
    fmt="svg",
)

# %% tags=["hide-input"]
show.table(
    [
        "α",
        "loss, epoch 60",
        "epochs the loss rose",
        "mean |ŷ − 0.5|",
        "accuracy",
    ],
    [
        [
            f"{name} ({lr})",
            f"{t['loss'][-1]:.3f}",
            sum(b > a for a, b in zip(t["loss"], t["loss"][1:], strict=False)),
            f"{t['margin'][-1]:.3f}",
            f"{t['accuracy'][-1]:.1%}",
        ]
        for name, lr in rates.items()
        for t in [traces[lr]]
    ],
    align=["left", "right", "right", "right", "right"],
)

# %% [markdown]
# The loss, the margin $|\hat y - 0.5|$ and the accuracy are those of epoch 60.
#
# **Too small** ($\alpha = 0.05$): the loss falls every epoch, but slowly; after 60 epochs it is
# still far above the good run's. Accuracy can look fine while the loss says training has hardly begun.
#
# <details class="notes-fold"><summary>Why the accuracy looks fine while the loss is high</summary>
# <p>The predictions already fall on the right side of 0.5 for most digits (the accuracy column), yet barely:
# their mean distance from 0.5 is small, and cross-entropy charges for that lack of confidence.</p></details>
#
# **Good** ($\alpha = 2$): the loss bumps during the first epochs, then falls steadily towards 0.
#
# **Too large** ($\alpha = 40$): the loss does not settle, it zigzags: the output unit flips between answering 0 and
# answering 1 for every digit, so accuracy stays at one half.

# %% [markdown]
# <!-- fold: Why α = 40 zigzags: its first epochs, epoch by epoch -->

# %% tags=["hide-input"]
big = traces[rates["too large"]]
show.table(
    ["epoch", "loss", "mean ŷ", "saturated", "accuracy"],
    [[e + 1, f"{big['loss'][e]:.3f}", f"{big['mean_output'][e]:.3f}", f"{big['saturated'][e]:.0%}", f"{big['accuracy'][e]:.0%}"]
     for e in range(8)],
    align=["right"] * 5,
)  # fmt: skip

# %% [markdown]
# The first step overshoots so far that the output unit says 0 for every digit (mean $\hat y$
# near 0); the next step overshoots back and it says 1 for every digit; and so on, every epoch.
# Each flip is a wrong answer for half the digits, so accuracy stays at one half and the loss
# alternates between two high values instead of falling. Meanwhile most hidden activations have
# saturated near 0 or 1 (the "saturated" column: the share of hidden activations below 0.01 or
# above 0.99), where $\sigma' \approx 0$: almost no gradient
# reaches the hidden layers, and only the output unit keeps moving, too far each time.
# <!-- end fold -->

# %% [markdown]
# ## Explore: nine learning rates
#
# The same experiment (same 1,000 digits, same start, 60 epochs of full-batch gradient descent) for
# nine values of $\alpha$, about three times apart.
#
# <div class="lr-explorer" id="lr-explorer" data-src="learning-rates.json">
# <p class="lr-explorer-help">Move the slider (or focus it and use the arrow keys): the chosen run is drawn in colour, the others in grey.</p>
# <label for="lr-slider">Learning rate α</label>
# <input type="range" id="lr-slider" min="0" max="8" step="1" value="4" disabled>
# <output id="lr-readout" for="lr-slider" aria-live="polite">Loading the curves…</output>
# <div id="lr-figure" role="img" aria-label="Loss and accuracy per epoch for the chosen learning rate"></div>
# </div>
#
# <details class="notes-fold"><summary>What each regime looks like on the slider</summary>
#
# - **Too small** ($\alpha \le 0.1$): the loss curve is almost flat; after 60 epochs it has barely
#   left its starting value. At $\alpha \le 0.03$ accuracy is still at one half; at $\alpha = 0.1$
#   it is already high, with outputs barely past 0.5: accuracy hides how little has been learnt.
# - **Slow** ($\alpha = 0.3$): the loss falls, but is still far from 0 after 60 epochs.
# - **Good** ($1 \le \alpha \le 10$): the loss falls to near 0 and accuracy reaches 100%. From $\alpha = 3$ up,
#   the loss first bumps above its starting value, then falls faster; the good run's $\alpha = 2$ bumps too.
# - **Too large** ($\alpha \ge 30$): the loss jumps up after the first step and stays high;
#   accuracy stays at one half (the network answers the same for every digit).
#
# </details>
#
# The loss is computed from $Z^{[L]}$, in the exact logits form ([Loss](loss.py#the-code)), so these
# high values are what the confidently wrong outputs really cost, not a clipping ceiling.

# %% [markdown]
# <!-- fold print: The nine runs as a table -->

# %%
from snippets.course import export

sweep = results.learning_rates(export.LEARNING_RATES, **export.LEARNING_RATE_RUNS)

# %% tags=["hide-input"]
show.table(
    ["α", "loss, epoch 1", "loss, epoch 60", "accuracy, epoch 60"],
    [[lr, f"{t['loss'][0]:.3f}", f"{t['loss'][-1]:.3f}", f"{t['accuracy'][-1]:.1%}"] for lr, t in sweep.items()],
    align=["right"] * 4,
)

# %% [markdown]
# <!-- end fold -->

# %% [markdown]
# ## Adam: a step per parameter
#
# Adam, the notes' Keras optimizer, keeps two moving averages per parameter and scales each step by them, so
# that parameters with small gradients move too. With $d\theta$ the gradient at step $t = 1, 2, \dots$ and
# $V = S = 0$ at first:
#
# $$
# \begin{aligned}
# V &:= \beta_1 V + (1 - \beta_1)\, d\theta \\
# S &:= \beta_2 S + (1 - \beta_2)\, d\theta^2 \\
# \hat V &= \frac{V}{1 - \beta_1^t}, \quad \hat S = \frac{S}{1 - \beta_2^t} \\
# \theta &:= \theta - \alpha\, \frac{\hat V}{\sqrt{\hat S} + \varepsilon}
# \end{aligned}
# $$
#
# $V$ is the mean of recent gradients (momentum), $S$ their mean square; $\hat V$, $\hat S$ correct their start
# at 0.
#
# <details class="notes-fold"><summary>What each part adds</summary>
# <p>$V$ averages out the noise of mini-batch gradients and keeps moving along a consistent
# direction; dividing by $\sqrt{\hat S}$ gives every parameter a step of about $\alpha$ whatever the size of its
# gradient; the bias correction undoes the pull towards 0 of averages that start at 0, which shrinks $S$ more than
# $V$ (without it, the first step would be about 3 times too large: the output below); $\varepsilon$ keeps the
# division finite.</p></details>

# %% [markdown]
# <!-- fold: Adam in code: the listing, its defaults, and its first step against gradient descent's -->
# In the notes' notation, for every $W^{[l]}$ and $b^{[l]}$:

# %% tags=["hide-input"]
show.source(module="adam.py", section="adam")

# %%
import numpy as np

from snippets import adam, data, numpy_net

print(f"defaults (Keras' Adam): β1 = {adam.BETA1}, β2 = {adam.BETA2}, ε = {adam.EPSILON:g}; the notes' α = "
      f"{results.SETTINGS['keras']['lr']:g}")  # fmt: skip
V1, S1 = 1 - adam.BETA1, 1 - adam.BETA2  # V and S after step 1, per unit of dθ and dθ²
print(
    f"first step without bias correction: V1 / √S1 = {V1:g} / {np.sqrt(S1):.4f} = {V1 / np.sqrt(S1):.2f} "
    "times the corrected step, ±1"
)
X, Y = data.load("train")
start = numpy_net.init_params(seed=0)
_, cache = numpy_net.forward(X, start)
grads = numpy_net.backward(Y, start, cache)
gd = numpy_net.update(start, grads, headline["lr"])
step1, _ = adam.update(start, grads, adam.init_state(start), results.SETTINGS["keras"]["lr"])

# %% tags=["hide-input"]
show.table(
    ["layer", "median |dW|", f"gradient descent, α = {headline['lr']}: median |ΔW|",
     f"Adam, α = {results.SETTINGS['keras']['lr']:g}: median |ΔW|"],
    [[l, f"{np.median(np.abs(grads[f'dW{l}'])):.1e}", f"{np.median(np.abs(gd[f'W{l}'] - start[f'W{l}'])):.1e}",
      f"{np.median(np.abs(step1[f'W{l}'] - start[f'W{l}'])):.1e}"] for l in (1, 2, 3)],
    align=["right"] * 4,
)  # fmt: skip

# %% [markdown]
# The first step from the headline start, on all 12,665 training digits: gradient descent's steps follow the
# gradients, small in the first layer and larger in the last; Adam's first step is about $\alpha$ for every
# parameter whose gradient is not 0 (at $t = 1$, $\hat V / \sqrt{\hat S} = d\theta / |d\theta|$). Keras
# adds $\varepsilon$ slightly differently (to $\sqrt{S}$ before the bias correction); the two agree except where
# $|d\theta|$ is near $\varepsilon$, and `tests/test_adam.py` checks this code against Keras' `Adam` step by step.
# <!-- end fold -->

# %% [markdown]
# ## Practice
#
# <p class="notes-screen-only">Answer, then press <strong>Check</strong> for why, or a hint; <strong>Another
# one</strong> gives fresh numbers. Progress stays in this browser.</p>

# %% tags=["hide-input"]
from snippets.practice import quiz

quiz.questions("gradient-descent")

# %% [markdown]
# ## Summary
#
# - $\theta := \theta - \alpha\, d\theta$ for every parameter, every step.
# - With $m = 12{,}665$ and batches of 32, an epoch is 396 steps (the last one holds 25 examples).
# - Read the loss per epoch: slowly falling means $\alpha$ is too small; jumping up and staying high, or
#   alternating between high values, means it is too large. A bump in the first epochs that then
#   falls steadily is fine (the good run here).
# - Accuracy alone can hide a slow start: look at the loss.
# - Adam: moving averages $V$ (gradients) and $S$ (squared gradients), bias-corrected; each parameter steps by about
#   $\alpha\, \hat V / \sqrt{\hat S}$, not $\alpha\, d\theta$.
#
# ## Self-check
#
# <details class="question"><summary>The loss goes up from one epoch to the next. First thing to try?</summary><!-- card: none (the practice question on a jumping loss asks it) -->
# <p>Lower the learning rate (after checking the gradients are right).</p></details>
#
# <details class="question"><summary>How many steps is one epoch with m = 12,665 and batches of 32?</summary><!-- card: none (the practice question on steps per epoch asks it) -->
# <p>⌈12,665 / 32⌉ = 396: 395 full batches of 32 and a last one of 25 examples.</p></details>
#
# <details class="question"><summary>With α = 0.05 the accuracy reaches the nineties but the cross-entropy stays high. How can that be?</summary>
# <p>Accuracy only asks whether ŷ is on the right side of 0.5; cross-entropy also charges for
# ŷ being close to 0.5. The predictions are right but unconfident.</p></details>
#
# <details class="question"><summary>What does Adam's bias correction fix?</summary>
# <p>V and S start at 0, so their first values are too small: V₁ = (1 − β1) dθ = 0.1 dθ and S₁ = (1 − β2) dθ² =
# 0.001 dθ². S shrinks more, so the uncorrected first step V₁ / √S₁ ≈ 0.1 / 0.032 ≈ 3.2 would be about 3 times too
# large (Kingma and Ba). Dividing by 1 − β1ᵗ and 1 − β2ᵗ scales both back; the correction fades as t grows.</p></details>
#
# <details class="question"><summary>Why do Adam's first steps have about the same size for every parameter?</summary><!-- card: none (the practice question on Adam's first step asks it) -->
# <p>At t = 1, V̂ = dθ and Ŝ = dθ², so V̂ / √Ŝ = ±1: each parameter moves by about α, whatever the size of its
# gradient.</p></details>
#
# <details class="question"><summary>Why does a too-large α make a sigmoid network oscillate instead of blow up?</summary>
# <p>The sigmoid keeps every output in (0, 1), so nothing overflows. Huge steps saturate the
# hidden units (σ′ ≈ 0, no gradient gets through), and the output unit overshoots from "all 0" to
# "all 1" and back.</p></details>

# %% tags=["hide-input"]
quiz.key("gradient-descent")
