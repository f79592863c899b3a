# %% [markdown]
# # Gradient descent and the learning rate
#
# **Aim:** train the NumPy network by gradient descent, and see what the learning rate does.
#
# **Notation:** $\alpha$ is the learning rate. Each step moves every parameter against its gradient:
#
# $$W^{[l]} := W^{[l]} - \alpha\, dW^{[l]}, \qquad b^{[l]} := b^{[l]} - \alpha\, db^{[l]}.$$
#
# One **epoch** is one pass over the training set: one step with the full batch, or $\lceil m / B \rceil$
# steps with mini-batches of $B$ examples (reshuffled every epoch).

# %%
from snippets import show, training

show.source(module="numpy_net.py", section="update")

# %%
show.source(module="training.py", section="train")

# %% [markdown]
# ## Training curves
#
# Full-batch gradient descent and mini-batches of 32 on all 12,665 training digits. Each epoch's
# point is the mean loss and accuracy over its steps, as Keras reports them.

# %%
from snippets import data, plots

X, Y = data.load("train")
_, full = training.train(X, Y, epochs=60, lr=2.0)
_, mini = training.train(X, Y, epochs=10, lr=0.5, batch_size=32)
plots.show(
    plots.history({"NumPy, full batch (α = 2)": full, "NumPy, batches of 32 (α = 0.5)": mini}),
    alt="Loss on a log scale and training accuracy per epoch for full-batch and mini-batch gradient descent; the mini-batch run reaches a lower loss in far fewer epochs.",
    fmt="svg",
)

# %%
print(f"full batch: {len(full['loss'])} epochs = {len(full['loss'])} steps, final loss {full['loss'][-1]:.4f}")
print(
    f"batches of 32: {len(mini['loss'])} epochs = {len(mini['loss']) * -(-X.shape[1] // 32)} steps, final loss {mini['loss'][-1]:.4f}"
)

# %% [markdown]
# An epoch of mini-batches makes hundreds of small, noisy steps instead of one exact one, which
# for this problem is the faster way down.
#
# ## The learning rate: too small, good, too large
#
# The same network and start, full-batch gradient descent on 1,000 training digits, three values of $\alpha$:

# %%
X_small, Y_small = data.load("train", n=1000)
rates = {"too small": 0.05, "good": 2.0, "too large": 40.0}
runs = {f"{name} (α = {lr})": training.train(X_small, Y_small, epochs=60, lr=lr)[1] for name, lr in rates.items()}
plots.show(
    plots.history(runs, title="Learning rate"),
    alt="Loss and accuracy per epoch for three learning rates: with α = 0.05 the loss barely falls; with α = 2 it drops steadily towards zero; with α = 40 it jumps up and oscillates at a high value while accuracy stays near chance.",
    fmt="svg",
)

# %%
show.table(
    ["learning rate", "loss after 1 epoch", "loss after 60", "epochs where the loss went up", "final accuracy"],
    [
        [
            name,
            f"{h['loss'][0]:.3f}",
            f"{h['loss'][-1]:.3f}",
            sum(b > a for a, b in zip(h["loss"], h["loss"][1:], strict=False)),
            f"{h['accuracy'][-1]:.1%}",
        ]
        for name, h in runs.items()
    ],
    align=["left", "right", "right", "right", "right"],
)

# %% [markdown]
# - **Too small:** every step is safe but tiny; after 60 epochs the loss has hardly moved.
# - **Good:** the loss falls steadily; a few bumps are harmless.
# - **Too large:** steps overshoot the minimum, the loss goes *up*, and the sigmoid units saturate,
#   where their gradients vanish and training stalls at a bad value.
#
# ## Summary
#
# - $\theta := \theta - \alpha\, d\theta$ for every parameter, every step.
# - Watch the loss per epoch: flat means $\alpha$ too small, rising or oscillating means too large.
# - Mini-batches trade exact steps for many more of them per epoch.
#
# ## Self-check
#
# <details class="question"><summary>The loss goes up from one epoch to the next. First thing to try?</summary>
# <p>Lower the learning rate (after checking the gradients are right).</p></details>
#
# <details class="question"><summary>How many steps is one epoch with m = 12,665 and batches of 32?</summary>
# <p>⌈12,665 / 32⌉, the step count the cell above prints for 10 epochs divided by 10; the last batch holds the remaining examples.</p></details>
#
# <details class="question"><summary>Why can a too-large α stall a sigmoid network rather than blow it up?</summary>
# <p>Huge weights push |z| up, the sigmoids saturate at 0 or 1, and σ'(z) ≈ 0 stops the gradients.</p></details>
