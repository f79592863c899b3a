# %% [markdown]
# # NumPy vs TensorFlow
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - NumPy: you write forward, loss, backprop and the update; examples are **columns**, $W$ is $(n_{out}, n_{in})$.
# - Keras: you declare layers, a loss and an optimizer; `fit` does the rest; examples are **rows**, and the kernel $K = W^\top$.
# - Same data and batch size: both classify all but a handful of the 2,115 test digits correctly.
# - For a network this small, per-step overhead dominates, and the NumPy loop is faster on a CPU.
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
# The tabs switch together across the page (and the site): pick NumPy or TensorFlow once.
#
# **Define**

# %% tags=["hide-input"]
from snippets import keras_net, losses, numpy_net, show

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
    "NumPy": show.source(losses._bce_from_logits),
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
# ## Results, measured at build
#
# The site's headline runs, computed once per build and shared with [Home](index.py): both
# trained on all 12,665 training digits with the same epochs and batch size, and scored on the
# 2,115 test digits.

# %%
import numpy as np

from snippets import results

runs = {impl: results.headline(impl) for impl in ("numpy", "keras")}
P_np, P_tf = runs["numpy"]["P"], runs["keras"]["P"]

# %% tags=["hide-input"]
show.table(
    ["", "NumPy", "TensorFlow / Keras"],
    [
        ["optimizer", f"gradient descent, α = {runs['numpy']['lr']}", f"Adam, α = {runs['keras']['lr']}"],
        ["epochs × batch size", *(f"{r['epochs']} × {r['batch_size']}" for r in runs.values())],
        ["test accuracy", *(f"{r['test_accuracy']:.2%}" for r in runs.values())],
        ["test errors", *(f"{r['test_errors']} of {r['P'].shape[1]:,}" for r in runs.values())],
        ["final training loss", *(f"{r['history']['loss'][-1]:.4f}" for r in runs.values())],
    ],
)

# %%
print(f"same predicted label on {np.mean((P_np >= 0.5) == (P_tf >= 0.5)):.2%} of the test digits")
print(f"|P_numpy − P_keras|: median {np.median(np.abs(P_np - P_tf)):.1e}, largest {np.max(np.abs(P_np - P_tf)):.2f}")

# %% [markdown]
# The two models agree on almost every digit, with probabilities that differ far more than
# float32 rounding would explain: they start from different initial weights (each library draws its
# own), take different steps (gradient descent and Adam), and after 10 epochs hold different weights.
# Nothing here shows whether either has reached a minimum of $J$.
#
# ## Misclassified test digits

# %%
wrong = {impl: r["misclassified"] for impl, r in runs.items()}
print({impl: w["index"].tolist() for impl, w in wrong.items()}, "(test-set indices)")

# %% tags=["hide-input"]
from snippets import plots

X_wrong = np.hstack([w["X"] for w in wrong.values()])
titles = [f"{impl}\ny={y}, ŷ={p:.2f}" for impl, w in wrong.items() for y, p in zip(w["y"], w["p"], strict=True)]
plots.show(
    plots.digit_grid(X_wrong, titles, ncols=max(1, min(3, X_wrong.shape[1])), scale=1.5),
    alt="The test digits that either model gets wrong, each titled with the model, the true label and the predicted probability of a one.",
)

# %% [markdown]
# ## Speed: where the time goes
#
# A training step of this network is tiny: at batch 32 it is about 2 million floating-point
# operations. The committed benchmark (`scripts/bench_epoch.py`, `make bench`) times one epoch of
# each configuration, side by side in one run on a quiet machine: Keras as shipped and with its
# speed options, `steps_per_execution` (several batches per call into the compiled graph) and
# `jit_compile` (XLA), NumPy, and a wider network where the arithmetic is large. Each ratio is
# against plain `fit` on the same network, from the same run.

# %%
from snippets import benchmark

bench = benchmark.load()
rows = {row["case"]: row for row in bench["rows"]}
numpy_full, numpy_32 = rows["numpy, full batch"], rows["numpy, batch 32"]
flops_per_s = numpy_full["arithmetic_gflop_per_step"] * 1e9 / numpy_full["median_epoch_s"]  # NumPy's full-batch rate
arithmetic_us = numpy_32["arithmetic_gflop_per_step"] * 1e9 / flops_per_s * 1e6
print(f"measured {bench['date']} on {bench['machine']}, {bench['cpus']} cores")
print(f"a batch-32 step: {numpy_32['arithmetic_gflop_per_step'] * 1e3:.1f} MFLOP")
print(f"NumPy's full-batch rate: {flops_per_s / 1e9:.0f} GFLOP/s")
print(f"so the arithmetic of a batch-32 step: about {arithmetic_us:.0f} µs")
for case in ("numpy, batch 32", "keras fit, batch 32"):
    step_us = rows[case]["median_step_us"]
    print(f"{case}: {step_us:,.0f} µs per step, {step_us / arithmetic_us:.0f}x that")

# %% tags=["hide-input"]
networks = {
    "The course's network, 400-25-15-1": [400, 25, 15, 1],
    "A wide network, 400-1024-1024-1": [400, 1024, 1024, 1],
}
show.HTML(
    "".join(
        f"<p><strong>{title}</strong></p>"
        + show.table(
            ["case", "times faster than plain fit", "µs per step", "ms per epoch"],
            [
                [
                    r["case"].split(" (")[0].replace("keras fit, ", "Keras, ").replace("numpy, ", "NumPy, "),
                    f"{r['speedup_vs_reference']:.2f}x",
                    f"{r['median_step_us']:,.0f}",
                    f"{r['median_epoch_s'] * 1e3:,.0f}",
                ]
                for r in bench["rows"]
                if r["layer_sizes"] == sizes
            ],
            align=["left", "right", "right", "right"],
        )
        for title, sizes in networks.items()
    )
)

# %% [markdown]
# What the tables show, for the course's network at batch 32:
#
# - **Per-step overhead dominates.** Every configuration spends far longer per step than the
#   arithmetic needs (the lines printed above the tables). Plain `fit` spends most of each step on its
#   machinery: calling into the compiled graph, the data pipeline, metrics and callbacks.
# - **`steps_per_execution` is Keras' strongest option here.** Running 32 batches per call
#   removes most of that per-call cost and makes `fit` several times faster.
# - **XLA alone changes nothing measurable** on this CPU: it compiles the same small matrix
#   products, and the per-step overhead stays.
# - **The NumPy loop is still the fastest at batch 32**: its step is a few dozen small NumPy calls,
#   a few times the arithmetic, where plain `fit` takes tens of times. Full batches are fastest for both, with one step per epoch.
#
# **When Keras wins.** On the wide 400-1024-1024-1 network a step is over a thousand times more
# arithmetic, the matrix products dominate, and plain `fit` is faster than NumPy (TensorFlow's
# float32 kernels against NumPy's float64). GPUs, which NumPy does not use, are where TensorFlow
# is built to win; this benchmark ran on a CPU only and measures none. The headline Keras run keeps TensorFlow's op
# determinism on, so that every build gives the same numbers; the "op determinism off" row shows
# what that costs.
#
# ## Summary
#
# - Same network, same data, same batch size: by hand you write the gradients and the loop; Keras writes them for you.
# - Both get all but a handful of the test digits right, and agree with each other on almost all of them.
# - NumPy: examples as columns, $W$ $(n_{out}, n_{in})$, float64. Keras: examples as rows, kernel $W^\top$, float32.
# - This network is so small that per-step overhead, not arithmetic, sets the speed: the NumPy loop
#   beats every Keras configuration at batch 32. With wide layers Keras is the faster one.
#
# ## Self-check
#
# <details class="question"><summary>Name three things Keras does that the NumPy code does by hand.</summary>
# <p>Differentiation (backprop), the update rule (Adam vs gradient descent), the epoch and batch loop with shuffling.</p></details>
#
# <details class="question"><summary>Why might the two disagree on a digit when both are nearly always right?</summary>
# <p>They start from different weights and take different steps, so after 10 epochs they hold different weights and give
# different probabilities; an ambiguous digit can fall on either side of 0.5 in one and not the other.</p></details>
#
# <details class="question"><summary>Why is the NumPy loop faster for this network on a CPU?</summary>
# <p>A step of batch 32 is a few million floating-point operations, microseconds of arithmetic. Keras spends longer
# than that per step on its machinery (dispatching the compiled step, the data pipeline, callbacks); the NumPy loop
# spends only a few dozen small calls.</p></details>
#
# <details class="question"><summary>When would Keras be the faster one?</summary>
# <p>When the arithmetic dominates: wide layers or large batches, where TensorFlow's kernels and threads pay off,
# and on a GPU, which NumPy does not use.</p></details>
