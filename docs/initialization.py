# %% [markdown]
# # Initialization: where training starts
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - All-zero weights: every unit of a layer computes the same thing and gets the same gradient, so the units stay
#   identical (symmetry). Random initial weights break the symmetry. <!-- card: none (the practice question on why the weights do not start at 0 asks it) -->
# - Glorot (Xavier) uniform: $W^{[l]}_{jk} \sim U(-r, r)$, $r = \sqrt{6 / (n^{[l-1]} + n^{[l]})}$, so
#   $\operatorname{Var} W^{[l]}_{jk} = 2 / (n^{[l-1]} + n^{[l]})$; biases 0. Keras' `Dense` default, and this network's. <!-- card: What is Glorot (Xavier) uniform initialization? -->
# - Too large (e.g. $N(0, 1)$ with 400 inputs): large $|z|$, saturated sigmoids, $\sigma' \approx 0$. <!-- card: What goes wrong when the initial weights are too large? -->
# - Too small (e.g. $0.01\,N(0, 1)$): $z \approx 0$ everywhere, tiny gradients in the early layers, a slow start. <!-- card: What goes wrong when the initial weights are too small? -->
#
# </div>
#
# **Aim:** answer "why not start from zero?" and "why this random start?" on this network and these digits.
#
# **Notation:** a unit $j$ of layer $l$ is row $j$ of $W^{[l]}$ and of $b^{[l]}$; its incoming weights are
# $W^{[l]}_{j,:}$.
#
# ## Zero weights: the symmetry problem
#
# If every weight and bias starts at 0, every hidden unit of a layer computes the same $z$ and the same $a$
# for every example, and backpropagation gives every one of them the same gradient. The same update keeps them
# equal, step after step: a layer of 25 units behaves as one unit copied 25 times.
#
# The headline NumPy run (400-25-15-1, mini-batches of 32, $\alpha = 0.5$, 10 epochs), started from zeros instead
# of its random weights. The largest difference between two units of a layer is measured after training:

# %% [markdown]
# <!-- fold: How the difference between units is measured -->

# %% tags=["hide-input"]
from snippets.course import show

show.source(module="course/initialization.py", section="unit-difference")

# %% [markdown]
# <!-- end fold -->

# %%
from snippets.course import initialization, results

symmetry = initialization.symmetry()
digits = symmetry["digits"]
for l, (gap, largest) in enumerate(zip(digits["unit_difference"], digits["largest_weight"], strict=True), 1):
    print(f"layer {l}: largest difference between two units {gap:.1e}, largest weight {largest:.2f}")
print(f"test errors from zeros: {digits['test_errors']} of 2,115; from the random start: "
      f"{results.headline('numpy')['test_errors']}")  # fmt: skip

# %% [markdown]
# The weights have grown far from zero, but the units of each layer are still copies of each other: their
# differences are float64 rounding, not anything learnt. Yet the test errors are as few as from the random start:
# one unit per layer is enough for zeros against ones ([Key takeaways](takeaways.py)). Where one unit is not
# enough, symmetry is fatal. The two rings of
# [Architecture](architecture.py#where-hidden-layers-matter), which need a bent boundary, started from zeros:

# %%
for name, fit in symmetry["rings"].items():
    print(f"{name}: largest difference between two units {max(fit['unit_difference']):.1e}, "
          f"accuracy on new points {fit['test_accuracy']:.1%}")  # fmt: skip

# %% [markdown]
# Started from zeros, those networks score no better than a coin, where their random starts reached 99%
# (Architecture). **Random initial weights break the symmetry**: units that start different get different
# gradients and learn different features. Biases can start at 0, since the weights already differ.
#
# ## Random, but how large?
#
# Three random starts for the same network: this project's Glorot uniform, and two that ignore the layer sizes,
# $N(0, 1)$ and $0.01\,N(0, 1)$. First, the spread of each layer on the first forward pass, over 2,000 training
# digits ("saturated": the share of activations below 0.01 or above 0.99, where $\sigma' < 0.01$):

# %%
starts = initialization.starts()

# %% tags=["hide-input"]
show.table(
    ["start", "std z[1]", "std z[2]", "std z[3]", "saturated, layer 1", "saturated, layer 2"],
    [[name, *(f"{row['std_Z']:.2g}" for row in run["spread"]), *(f"{row['saturated']:.0%}" for row in run["spread"][:2])]
     for name, run in starts.items()],
    align=["left"] + ["right"] * 5,
)  # fmt: skip

# %% [markdown]
# Then the gradient each layer receives on the first backward pass (all 12,665 training digits), and what
# 10 epochs of the headline settings make of each start:

# %% tags=["hide-input"]
show.table(
    ["start", "‖dW[1]‖", "‖dW[2]‖", "‖dW[3]‖", "loss, epoch 1", "loss, epoch 10", "test errors"],
    [[name, *(f"{g:.1e}" for g in run["grad_norms"]), f"{run['history']['loss'][0]:.3f}",
      f"{run['history']['loss'][-1]:.4f}", run["test_errors"]] for name, run in starts.items()],
    align=["left"] + ["right"] * 6,
)  # fmt: skip

# %%
glorot, big, small = starts.values()
print(f"N(0, 1): {big['spread'][0]['saturated']:.0%} of layer 1 saturated at the start")
print(f"0.01 N(0, 1): ‖dW[1]‖ {glorot['grad_norms'][0] / small['grad_norms'][0]:,.0f} times smaller than Glorot's")
for name, run in list(starts.items())[1:]:
    ratio = run["history"]["loss"][-1] / glorot["history"]["loss"][-1]
    print(f"{name}: loss after 10 epochs {ratio:.1f} times Glorot's")

# %% [markdown]
# What the tables show:
#
# - **$N(0, 1)$ is too large for 400 inputs.** $z^{[1]}$ sums 400 weighted pixels, so its spread is several
#   units and a large share of the first layer starts saturated, where $\sigma' \approx 0$.
# - **$0.01\,N(0, 1)$ is too small.** The gradient of an early layer is multiplied by the small weights of the
#   layers after it, so $dW^{[1]}$ is tiny and the first epoch barely lowers the loss, like the start from zeros.
# - **Glorot uniform scales each layer by its sizes**, $\operatorname{Var} W = 2/(n^{[l-1]} + n^{[l]})$, which keeps
#   $z$ in the range where the sigmoid still has a slope. Its run ends with the lowest loss.
# - On this easy task all three end with the same few test errors: here a bad start costs loss and speed,
#   not accuracy. In deeper networks the spread shrinks or grows layer after layer, and a bad start can stop
#   training altogether; that is not shown here.
#
# **The NumPy network uses Glorot uniform** with zero biases, as Keras' default `glorot_uniform` does: both start
# from the same distribution, not from the same numbers.

# %% [markdown]
# <!-- fold: init_params, and each layer's range r -->

# %% tags=["hide-input"]
from snippets import numpy_net

show.source(numpy_net.init_params)

# %%
import numpy as np

sizes = numpy_net.LAYER_SIZES
for l in range(1, len(sizes)):
    n_in, n_out = sizes[l - 1], sizes[l]
    print(f"W[{l}] {n_out} x {n_in}: r = √(6 / ({n_in} + {n_out})) = {np.sqrt(6 / (n_in + n_out)):.3f}")

# %% [markdown]
# <!-- end fold -->

# %% [markdown]
# ## Practice
#
# <p class="notes-screen-only">Answer, then press <strong>Check</strong> for why, or a hint; <strong>Another
# one</strong> gives fresh numbers. Progress stays in this browser.</p>

# %% tags=["hide-input"]
from snippets.practice import quiz

quiz.questions("initialization")

# %% [markdown]
# ## Summary
#
# - Zero weights make the units of a layer identical, forever: here they stay equal to float64 rounding after
#   10 epochs. On the digits that still works (one unit suffices); on the rings it is no better than chance.
# - Random weights break the symmetry; their scale matters. Glorot uniform: $r = \sqrt{6/(n_{in} + n_{out})}$.
# - Too large saturates the sigmoids; too small starves the early layers of gradient.
# - The NumPy network and Keras use the same Glorot uniform formula, each with its own random numbers.
#
# ## Self-check
#
# <details class="question"><summary>Why can a network not learn different features in a layer that starts with all-zero weights?</summary><!-- card: none (the practice question on why the weights do not start at 0 asks it) -->
# <p>Every unit of the layer computes the same output and receives the same gradient, so the same update keeps them
# identical: the layer acts as a single unit. Random initial weights make them differ from the first step.</p></details>
#
# <details class="question"><summary>Is it a problem that the biases start at 0?</summary>
# <p>No. Symmetry is broken as soon as the weights differ; the biases then get different gradients too.</p></details>
#
# <details class="question"><summary>Started from zero weights, the 0-vs-1 digit network still makes only a few test errors. Why does that not show symmetry is harmless?</summary>
# <p>Zeros against ones need only one unit (logistic regression separates them), so a layer of copies is enough here.
# Two rings of points, one inside the other, need several different hidden units, and from zeros the same networks score like a coin.</p></details>
#
# <details class="question"><summary>What is r for W[1] of the 400-25-15-1 network under Glorot uniform?</summary><!-- card: none (the practice question on Glorot's r asks it) -->
# <p>r = √(6 / (400 + 25)) ≈ 0.119 (printed above), so the weights are drawn from U(−0.119, 0.119).</p></details>
#
# <details class="question"><summary>Why does N(0, 1) saturate the first layer of this network?</summary><!-- card: none (the item on weights too large asks it) -->
# <p>z[1] adds 400 pixel values times weights of spread 1, so |z| is typically several units, where the sigmoid is
# flat (σ′ ≈ 0) and almost no gradient passes.</p></details>

# %% tags=["hide-input"]
quiz.key("initialization")
