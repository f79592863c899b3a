# %% [markdown]
# # NumPy vs TensorFlow
#
# **Aim:** compare the two implementations line by line, then on results measured side by side.
#
# ## In the notes
#
# | | NumPy, by hand | TensorFlow / Keras |
# |---|---|---|
# | define | `init_params`: a dict of `W[l]` (n[l], n[l-1]) and `b[l]` (n[l], 1) | `Sequential` of `Dense` layers; kernel (n[l-1], n[l]) = `W[l].T` |
# | data layout | examples as columns: `X` (400, m) | examples as rows: `X.T` (m, 400) |
# | forward | `Z = W @ A + b`, `A = sigmoid(Z)`, written out | `model(X)`: each `Dense` computes σ(A K + b) |
# | loss | binary cross-entropy, written out | `BinaryCrossentropy()` |
# | gradients | backprop written by hand (chain rule) | automatic differentiation (`GradientTape`) |
# | update | θ := θ − α dθ (gradient descent) | an optimizer, here Adam |
# | training loop | Python loop over epochs and batches | `model.fit(X, Y, epochs, batch_size)` |
# | precision | float64 | float32 |

# %% [markdown]
# ## Side by side
#
# The tabs switch together across the page (and the site): pick NumPy or TensorFlow once.

# %%
from snippets import keras_net, numpy_net, show

show.tabs(
    {"NumPy": show.source(numpy_net.init_params), "TensorFlow": show.source(module="keras_net.py", section="build")}
)

# %% [markdown]
# **Forward pass**

# %%
show.tabs(
    {"NumPy": show.source(module="numpy_net.py", section="forward"), "TensorFlow": show.source(keras_net.predict_proba)}
)

# %% [markdown]
# **Loss**

# %%
from snippets import losses

show.tabs({
    "NumPy": show.source(losses._bce),
    "TensorFlow": show.code("loss=keras.losses.BinaryCrossentropy()  # in model.compile, see build_model\n"
                            "# clips ŷ to [1e-7, 1 - 1e-7], then -mean(y log ŷ + (1 - y) log(1 - ŷ))"),
})  # fmt: skip

# %% [markdown]
# **Training**

# %%
show.tabs(
    {
        "NumPy": show.source(module="training.py", section="train"),
        "TensorFlow": show.source(module="keras_net.py", section="train"),
    }
)

# %% [markdown]
# ## Results, measured at build
#
# Both trained on all 12,665 training digits with the same epochs and batch size; scored on the
# 2,115 test digits.

# %%
import numpy as np

from snippets import results

runs = {impl: results.run(impl) for impl in ("numpy", "keras")}
P_np, P_tf = runs["numpy"]["P"], runs["keras"]["P"]
show.table(
    ["", "NumPy", "TensorFlow / Keras"],
    [
        ["optimizer", f"gradient descent, α = {runs['numpy']['lr']}", f"Adam, α = {runs['keras']['lr']}"],
        ["epochs × batch size", *(f"{r['epochs']} × {r['batch_size']}" for r in runs.values())],
        ["test accuracy", *(f"{r['test_accuracy']:.2%}" for r in runs.values())],
        ["test errors", *(f"{r['test_errors']} of {r['P'].shape[1]}" for r in runs.values())],
        ["final training loss", *(f"{r['history']['loss'][-1]:.4f}" for r in runs.values())],
    ],
)

# %%
print(
    f"same predicted label on {np.mean((P_np >= 0.5) == (P_tf >= 0.5)):.2%} of test digits; "
    f"probabilities differ by {np.median(np.abs(P_np - P_tf)):.1e} (median), {np.max(np.abs(P_np - P_tf)):.2f} (max)"
)

# %% tags=["timing"]
show.table(
    ["timing (this build's machine)", "NumPy", "TensorFlow / Keras"],
    [
        ["training time", *(f"{r['train_seconds']:.2f} s" for r in runs.values())],
        ["per epoch", *(f"{r['train_seconds'] / r['epochs'] * 1000:.0f} ms" for r in runs.values())],
        ["ratio", f"{runs['keras']['train_seconds'] / runs['numpy']['train_seconds']:.1f}x faster", "1x"],
    ],
)

# %% [markdown]
# Timings change from build to build; the committed benchmark `scripts/bench_epoch.py` measures them
# properly (median of repeated epochs). At the same batch size the NumPy loop does the same
# arithmetic with far less machinery per step: Keras pays for its generality (graph execution,
# data pipeline, callbacks) on every one of the hundreds of small steps in an epoch. The gap grows with full batches,
# and shrinks or reverses for large networks, where the matrix products dominate.
#
# ## Misclassified test digits

# %%
from snippets import plots

wrong = {impl: r["misclassified"] for impl, r in runs.items()}
X_wrong = np.hstack([w["X"] for w in wrong.values()])
titles = [f"{impl}: y={y}, ŷ={p:.2f}" for impl, w in wrong.items() for y, p in zip(w["y"], w["p"], strict=True)]
print({impl: w["index"].tolist() for impl, w in wrong.items()}, "(test-set indices)")
plots.show(
    plots.digit_grid(X_wrong, titles, ncols=max(1, min(6, X_wrong.shape[1])), scale=1.6),
    alt="The test digits that either model gets wrong, each titled with the model, the true label and the predicted probability of a one.",
)

# %% [markdown]
# ## Summary
#
# - Same network, same data, same batch size; by hand you write the gradients and the loop, Keras writes them for you.
# - Both get all but a handful of the test digits right, and agree with each other on almost all of them.
# - For a network this small, the hand-written NumPy loop is the faster one.
#
# ## Self-check
#
# <details class="question"><summary>Name three things Keras does that the NumPy code does by hand.</summary>
# <p>Differentiation (backprop), the update rule (Adam vs gradient descent), the epoch and batch loop with shuffling.</p></details>
#
# <details class="question"><summary>Why might the two disagree on a digit when both are nearly always right?</summary>
# <p>Different optimizers and initial weights end in different minima; ambiguous digits fall near either boundary.</p></details>
#
# <details class="question"><summary>When would Keras be the faster one?</summary>
# <p>With large layers or batches (the matrix products dominate and TensorFlow parallelizes them), or on a GPU.</p></details>
