# %% [markdown]
# # NumPy vs TensorFlow
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - NumPy: you write forward, loss, backprop and the update; examples are **columns**, $W$ is $(n_{out}, n_{in})$. <!-- card: none (the practice question on what fit does for you asks it) -->
# - Keras: you declare layers, a loss and an optimizer; `fit` does the rest; examples are **rows**, and the kernel $K = W^\top$. <!-- card: none (the practice question on what fit does for you asks it) -->
# - Like for like (Keras `SGD`, the same start and batches), Keras' loss curve lies on the NumPy one. <!-- card: none (the practice question on what both runs must share asks it) -->
# - With Adam from its own start, as the notes train it, Keras also gets all but a handful of the 2,115 test digits right. <!-- card: How well does Keras, trained with Adam from its own start, do on the 2,115 test digits? -->
# - For a network this small, per-step overhead dominates, and the NumPy loop is faster on a CPU. <!-- card: none (the self-check on why the NumPy loop is faster asks it) -->
#
# </div>
#
# **Aim:** compare the two implementations line by line, then on results measured side by side.
#
# ## The comparison
#
# | | NumPy, from scratch | TensorFlow / Keras |
# |---|---|---|
# | **Model definition** | a dict of weights $W^{[l]}$ $(n^{[l]}, n^{[l-1]})$ and biases $b^{[l]}$ $(n^{[l]}, 1)$, initialized by hand | `Sequential` of `Dense` layers; each kernel is $(n^{[l-1]}, n^{[l]}) = W^{[l]\top}$ |
# | **Forward propagation** | written out: `Z = np.dot(W, A) + b`, `A = sigmoid(Z)`, layer by layer | `model(X.T)` or `model.predict(X.T)`: each `Dense` computes $\sigma(A K + b)$ |
# | **Training** | backprop by the chain rule and the update $\theta := \theta - \alpha\, d\theta$, by hand, in a loop over epochs and batches | `model.fit(X.T, Y.T, epochs, batch_size)`: automatic differentiation and an optimizer (here Adam) |
# | **Activation & loss** | `sigmoid` and binary cross-entropy written as functions, stable forms included | by name: `activation='sigmoid'`, `loss='binary_crossentropy'` |
# | **Use case** | learning and checking the mechanics: every number is visible | real projects: bigger models, GPUs, less code to get wrong |
#
# Two more differences, in how each stores its numbers:
#
# | | NumPy, from scratch | TensorFlow / Keras |
# |---|---|---|
# | data layout | examples as columns: `X` $(400, m)$ | examples as rows: `X.T` $(m, 400)$ |
# | precision | float64 | float32 |
#
# ## Side by side
#
# The same four steps in each library: define, forward pass, loss, training.

# %% [markdown]
# <!-- fold: The code side by side: four listings, NumPy and TensorFlow in tabs -->
# The tabs switch together across the page (and the site): pick NumPy or TensorFlow once.
#
# **Define**

# %% tags=["hide-input"]
from snippets import keras_net, losses, numpy_net
from snippets.course import show

show.tabs(
    {"NumPy": show.source(numpy_net.init_params), "TensorFlow": show.source(module="keras_net.py", section="build")}
)

# %% [markdown]
# **Forward pass**

# %% tags=["hide-input"]
show.tabs(
    {"NumPy": show.source(module="numpy_net.py", section="forward"), "TensorFlow": show.source(keras_net.predict_proba)}
)

# %% [markdown]
# **Loss**, as each training loop reports it: both from $Z^{[L]}$, exact even for saturated outputs
# ([Loss](loss.py#what-keras-fit-computes)).

# %% tags=["hide-input"]
show.tabs({
    "NumPy": show.source(losses.bce_from_logits),
    "TensorFlow": show.code("loss=keras.losses.BinaryCrossentropy()  # in model.compile, see build_model\n"
                            "# with a sigmoid output, fit computes it from the sigmoid's input z (the logits form):\n"
                            "# mean(max(z, 0) - y z + log(1 + exp(-|z|))), nothing clipped; handed bare\n"
                            "# probabilities instead, it clips ŷ to [1e-7, 1 - 1e-7]"),
})  # fmt: skip

# %% [markdown]
# **Training**

# %% tags=["hide-input"]
show.tabs(
    {
        "NumPy": show.source(module="training.py", section="train"),
        "TensorFlow": show.source(module="keras_net.py", section="train"),
    }
)

# %% [markdown]
# <!-- end fold -->

# %% [markdown]
# ## Results, measured at build
#
# Three runs on all 12,665 training digits, 10 epochs of mini-batches of 32, scored on the 2,115 test digits:
#
# - **NumPy**: the site's headline NumPy run, gradient descent with $\alpha = 0.5$ (shared with [Home](index.py));
# - **Keras, like for like**: Keras with `SGD(learning_rate=0.5)`, plain gradient descent, from the NumPy run's
#   initial weights (copied in with `to_keras`) and on its batches, in its order;
# - **Keras, Adam**: the site's headline Keras run, as the notes' Keras code trains it: Adam with
#   $\alpha = 10^{-3}$, from Keras' own initial weights.

# %%
import numpy as np

from snippets.course import results

runs = {"NumPy": results.headline("numpy"), "Keras, like for like": results.like_for_like(),
        "Keras, Adam": results.headline("keras")}  # fmt: skip
P_np, P_tf = runs["NumPy"]["P"], runs["Keras, Adam"]["P"]

# %% tags=["hide-input"]
show.table(
    ["", *runs],
    [
        ["optimizer", *(f"{name}, α = {r['lr']}" for name, r in zip(["gradient descent", "SGD (gradient descent)", "Adam"],
                                                                 runs.values(), strict=True))],
        ["initial weights", "Glorot uniform, NumPy's draw", "the NumPy run's", "Glorot uniform, Keras' draw"],
        ["test accuracy", *(f"{r['test_accuracy']:.2%}" for r in runs.values())],
        ["test errors", *(f"{r['test_errors']} of {r['P'].shape[1]:,}" for r in runs.values())],
        ["final training loss", *(f"{r['history']['loss'][-1]:.4f}" for r in runs.values())],
    ],
)  # fmt: skip

# %%
same = runs["Keras, like for like"]
print(f"like for like: largest per-epoch difference in training loss {same['largest_loss_gap']:.1e} "
      f"(epoch {same['largest_loss_gap_epoch']}), on losses from {runs['NumPy']['history']['loss'][0]:.4f} "
      f"down to {runs['NumPy']['history']['loss'][-1]:.4f}")  # fmt: skip
print(f"NumPy vs Keras Adam: same predicted label on {np.mean((P_np >= 0.5) == (P_tf >= 0.5)):.2%} of the test digits")
print(f"|P_numpy − P_adam|: median {np.median(np.abs(P_np - P_tf)):.1e}, largest {np.max(np.abs(P_np - P_tf)):.2f}")

# %% tags=["hide-input"]
from snippets.course import plots

plots.show(
    plots.history(
        {name: r["history"] for name, r in runs.items()},
        title="Three runs",
        styles={"Keras, like for like": {"color": "black", "ls": "--", "marker": "x", "ms": 5}},
    ),  # fmt: skip
    alt="Training loss on a log scale, above training accuracy, per epoch, for the three runs: the NumPy run (blue) and Keras like for like (black, dashed, drawn over it) lie on top of each other; Keras with Adam (orange) starts higher and ends close to them.",
    fmt="svg",
)

# %% [markdown]
# **Like for like, the two implementations compute the same thing.** Same weights, batches, loss and update: the
# Keras loss curve lies on the NumPy one, and their largest per-epoch difference (above) is of the order of
# float32 rounding (Keras computes in float32, NumPy in float64).
#
# **The notes' Keras code trains differently**, with Adam from its own initial weights. It agrees with the NumPy
# model on almost every digit, with probabilities that differ far more than rounding would explain.
#
# <details class="notes-fold"><summary>Why the probabilities differ</summary>
# <p>The two start from different weights (each library draws its own), take different steps, and after 10 epochs
# hold different weights. Nothing here shows whether either has reached a minimum of J. Adam's update is on
# <a href="gradient-descent.py#adam-a-step-per-parameter">Gradient descent</a>.</p></details>
#
# ## Misclassified test digits

# %%
wrong = {impl: results.headline(impl)["misclassified"] for impl in ("numpy", "keras")}
print({impl: w["index"].tolist() for impl, w in wrong.items()}, "(test-set indices)")

# %% tags=["hide-input"]
X_wrong = np.hstack([w["X"] for w in wrong.values()])
titles = [f"{impl}\ny={y}, ŷ={p:.2f}" for impl, w in wrong.items() for y, p in zip(w["y"], w["p"], strict=True)]
plots.show(
    plots.digit_grid(X_wrong, titles, ncols=max(1, min(3, X_wrong.shape[1])), scale=1.5),
    alt="The test digits that either model gets wrong, each titled with the model, the true label and the predicted probability of a one.",
)

# %% [markdown]
# ## Speed
#
# For a network this small, each step is microseconds of arithmetic and Keras' per-step machinery dominates, so the
# NumPy loop is the fastest here; with wide layers the arithmetic dominates and Keras is the faster one.

# %% [markdown]
# <!-- fold: The speed measured: one epoch at batch 32, NumPy against Keras' strongest option -->
# From the committed benchmark (`make bench`), one epoch of this network at batch 32, measured side by side in one
# run; Keras' strongest option here is `steps_per_execution` (32 batches per call into its compiled graph):

# %%
from snippets.course import benchmark

bench = benchmark.load()
rows = {row["case"]: row for row in bench["rows"]}
cases = {
    "Keras, plain fit": "keras fit, batch 32",
    "Keras, steps_per_execution 32": "keras fit, batch 32, steps_per_execution 32",
    "NumPy": "numpy, batch 32",
}

# %% tags=["hide-input"]
show.table(
    ["batch 32, 400-25-15-1", "times faster than plain fit", "ms per epoch"],
    [[name, f"{rows[case]['speedup_vs_reference']:.2f}x", f"{rows[case]['median_epoch_s'] * 1e3:,.0f}"]
     for name, case in cases.items()],
    align=["left", "right", "right"],
)  # fmt: skip

# %% [markdown]
# The NumPy loop is the fastest even against Keras' best option. The [benchmark page](benchmark.py) has the
# details (XLA, op determinism, a wide network).
# <!-- end fold -->

# %% [markdown]
# ## Practice
#
# <p class="notes-screen-only">Answer, then press <strong>Check</strong> for why, or a hint; <strong>Another
# one</strong> gives fresh numbers. Progress stays in this browser.</p>

# %% tags=["hide-input"]
from snippets.practice import quiz

quiz.questions("numpy-vs-tensorflow")

# %% [markdown]
# ## Summary
#
# - Same network, same data, same batch size: by hand you write the gradients and the loop; Keras writes them for you.
# - Like for like (SGD, the same initial weights and batches), Keras follows the NumPy loss curve to float32 rounding.
# - With Adam, as the notes train it, Keras gets all but a handful of the test digits right too, and agrees with
#   NumPy on almost all of them.
# - NumPy: examples as columns, $W$ $(n_{out}, n_{in})$, float64. Keras: examples as rows, kernel $W^\top$, float32.
# - This network is so small that per-step overhead, not arithmetic, sets the speed: the NumPy loop
#   beats Keras' best option at batch 32. With wide layers Keras is the faster one ([Benchmark](benchmark.py)).
#
# ## Self-check
#
# <details class="question"><summary>Which three things does Keras do for you that the NumPy code does by hand?</summary><!-- card: none (the practice question on what fit does for you asks it) -->
# <p>Differentiation (backprop), the update rule (Adam vs gradient descent), the epoch and batch loop with shuffling.</p></details>
#
# <details class="question"><summary>How do you make a Keras run compute what the NumPy loop computes?</summary><!-- card: none (the practice question on what both runs must share asks it) -->
# <p>Same network and loss, the optimizer `SGD(learning_rate=α)` (plain gradient descent), the NumPy initial weights
# copied in (kernel = Wᵀ), and the same batches in the same order. Then only float32 rounding separates the two
# loss curves.</p></details>
#
# <details class="question"><summary>Why might the NumPy network and Keras trained with Adam disagree on a digit when both are nearly always right?</summary>
# <p>They start from different weights and take different steps, so after 10 epochs they hold different weights and give
# different probabilities; an ambiguous digit can fall on either side of 0.5 in one and not the other.</p></details>
#
# <details class="question"><summary>Why is the NumPy loop faster than Keras on a CPU for a network as small as 400-25-15-1?</summary>
# <p>A step of batch 32 is a few million floating-point operations, microseconds of arithmetic. Keras spends longer
# than that per step on its machinery (dispatching the compiled step, the data pipeline, callbacks); the NumPy loop
# spends only a few dozen small calls.</p></details>
#
# <details class="question"><summary>When would Keras be faster than the NumPy loop?</summary>
# <p>When the arithmetic dominates: wide layers or large batches, where TensorFlow's kernels and threads pay off,
# and on a GPU, which NumPy does not use.</p></details>

# %% tags=["hide-input"]
quiz.key("numpy-vs-tensorflow")
