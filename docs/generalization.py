# %% [markdown]
# # Generalization: validation and overfitting
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - Three sets: **training** (fits the weights), **validation** (held out from training; chooses epochs and
#   settings), **test** (used once, for the final figure). <!-- card: What is each of the training, validation and test sets used for? -->
# - Overfitting: the training loss keeps falling while the validation loss turns up. <!-- card: none (the practice question on the signs of overfitting asks it) -->
# - Early stopping: keep the weights of the epoch with the lowest validation loss; stop after *patience* epochs
#   without a new best. <!-- card: What does early stopping do? -->
# - More data is the surest cure: the same network overfits 100 digits, not 10,665 (the 12,665 training digits less
#   2,000 held out). <!-- card: What is the surest cure for overfitting? -->
# - L2 regularisation: $J + \frac{\lambda}{2m} \sum_l \lVert W^{[l]} \rVert^2$, so each step also shrinks $W$:
#   $dW^{[l]} \mathrel{+}= \frac{\lambda}{m} W^{[l]}$ (weight decay). <!-- card: What does L2 regularisation add to the cost $J$? -->
#
# </div>
#
# **Aim:** answer "how do you know the network generalizes?" with a validation set, the loss curves of both
# implementations, and an overfitting run.
#
# ## A validation set, held out of the training digits
#
# The test digits must not steer any choice, or the test figure stops measuring new digits. So the choices are
# made on a **validation** set cut from the 12,665 training digits: a seeded draw, stratified (each class gives
# its share, so both parts keep the classes' proportions).

# %% [markdown]
# <!-- fold: The split: data.holdout -->

# %% tags=["hide-input"]
from snippets import data
from snippets.course import show

show.source(data.holdout)

# %% [markdown]
# <!-- end fold -->

# %%
(X_fit, Y_fit), (X_val, Y_val) = data.load_holdout()
print(f"fit: {X_fit.shape[1]:,} digits, {Y_fit.mean():.1%} ones")
print(f"validation: {X_val.shape[1]:,} digits, {Y_val.mean():.1%} ones")

# %% [markdown]
# ## Training and validation loss, both implementations
#
# Each implementation with its headline settings (NumPy: gradient descent, $\alpha = 0.5$; Keras: Adam,
# $\alpha = 10^{-3}$; mini-batches of 32, 10 epochs), trained on the fit part and scored on the validation part
# after every epoch.
#
# <details class="notes-fold"><summary>How the two losses of an epoch are measured</summary><p>As in Keras, the
# training loss of an epoch is the mean over its steps, measured before each step, and the validation loss is
# measured once, with the weights at the end of the epoch.</p></details>

# %%
from snippets.course import generalization

holdout = generalization.holdout_runs()
runs = holdout["runs"]
for impl, run in runs.items():
    h = run["history"]
    print(f"{impl}: training loss {h['loss'][0]:.4f} → {h['loss'][-1]:.4f}, "
          f"validation loss {h['val_loss'][0]:.4f} → {h['val_loss'][-1]:.4f}, "
          f"validation accuracy {h['val_accuracy'][-1]:.2%}")  # fmt: skip

# %% tags=["hide-input"]
from snippets.course import plots

plots.show(
    plots.train_val(
        {"NumPy": runs["numpy"]["history"], "Keras": runs["keras"]["history"]},
        title="10,665 digits: training and validation loss",
    ),  # fmt: skip
    alt="Training loss (solid) and validation loss (dashed) per epoch on a log scale, for NumPy and Keras trained on 10,665 digits: for both, the two curves fall together over the 10 epochs, and the validation loss stays close to the training loss.",
    fmt="svg",
)

# %%
best = {impl: generalization.early_stopping(run["history"]["val_loss"]) for impl, run in runs.items()}
for impl, stop in best.items():
    print(f"{impl}: lowest validation loss at epoch {stop['best']} of {runs[impl]['epochs']}")

# %% [markdown]
# With 10,665 digits to learn from, neither implementation overfits in 10 epochs: the validation loss falls with
# the training loss, to a value of the same order, and is lowest at or near the last epoch. The weights
# generalize to digits they were not trained on.
#
# ## Overfitting, on 100 digits
#
# The same NumPy network trained on only 100 digits of the fit part (50 of each), for many epochs (mini-batches
# of 10, $\alpha = 0.5$), scored on the same 2,000 validation digits after each epoch:

# %%
small = generalization.small_run()
h = small["history"]
stop = generalization.early_stopping(h["val_loss"], generalization.PATIENCE)
for epoch in (stop["best"], len(h["loss"])):
    print(f"epoch {epoch}: training loss {h['loss'][epoch - 1]:.5f}, validation loss {h['val_loss'][epoch - 1]:.4f}, "
          f"validation accuracy {h['val_accuracy'][epoch - 1]:.2%}")  # fmt: skip
print(f"lowest validation loss: epoch {stop['best']}")
print(
    f"early stopping, patience {generalization.PATIENCE}: stops after epoch {stop['stop']}, keeps epoch {stop['best']}"
)

# %% tags=["hide-input"]
plots.show(
    plots.train_val(
        {"100 digits": h},
        title="100 digits: training and validation loss",
        marks={"lowest validation loss": stop["best"], "early stopping stops": stop["stop"]},
        ylim=2 * max(h["val_loss"][stop["best"] :]),
    ),
    alt="Training loss (solid) and validation loss (dashed) per epoch on a linear scale, for the network trained on 100 digits: the training loss keeps falling towards zero over all the epochs, while the validation loss falls, reaches its lowest value early, and then slowly rises. Vertical lines mark the lowest validation loss and the epoch where early stopping stops.",
    fmt="svg",
)

# %% [markdown]
# This is overfitting: after its best epoch the network keeps fitting its 100 digits ever more closely (its
# training loss keeps falling), and every further epoch makes it worse on digits it has not seen (the validation
# loss rises). Here the validation accuracy barely moves while the validation loss rises: the network grows more
# confident, including on the digits it gets wrong, and cross-entropy charges for that confidence.
#
# Early stopping watches the validation loss, stops once it has not improved for `PATIENCE` epochs, and keeps the
# weights of the best epoch (Keras: `keras.callbacks.EarlyStopping(monitor="val_loss", patience=20,
# restore_best_weights=True)`):

# %% [markdown]
# <!-- fold: The code: early_stopping -->

# %% tags=["hide-input"]
show.source(generalization.early_stopping)

# %% [markdown]
# <!-- end fold -->

# %%
print(f"lowest validation loss, 100 digits: {min(h['val_loss']):.4f}")
print(f"lowest validation loss, 10,665 digits (NumPy): {min(runs['numpy']['history']['val_loss']):.4f}")

# %% [markdown]
# The network trained on all 10,665 fit digits reaches a far lower validation loss than the best epoch of the
# 100-digit run: more data, not more epochs, is what generalizes best. Weight decay (L2) is the next section; a
# smaller network and dropout are other cures, not shown here.
#
# ## When overfitting costs accuracy, and L2 against it
#
# On clean digits the 100-digit run lost confidence, not accuracy. Flip 20 of its 100 labels (seeded) and the
# network must learn wrong answers to fit them all: it does, and the validation digits, whose labels are right,
# pay. L2 regularisation adds a penalty on the weights to the cost, which changes one line of backpropagation:
#
# $$\begin{aligned}
# J_{L2} &= J + \frac{\lambda}{2m} \sum_{l} \lVert W^{[l]} \rVert^2 \\
# dW^{[l]} &= \tfrac1m dZ^{[l]} A^{[l-1]\top} + \frac{\lambda}{m} W^{[l]}
# \end{aligned}$$

# %% [markdown]
# <!-- fold: The code: l2_cost and l2_grads -->

# %% tags=["hide-input"]
show.source(module="course/regularization.py", section="l2")

# %% [markdown]
# <!-- end fold -->

# %% [markdown]
# The same network, data and settings (mini-batches of 10, $\alpha = 0.5$, 300 epochs) with three values of
# $\lambda$, scored on the 2,000 validation digits after each epoch:

# %%
import numpy as np

from snippets.course import regularization

noisy = regularization.noisy_runs()
for lambd, run in noisy["runs"].items():
    va = run["history"]["val_accuracy"]
    best = int(np.argmax(va))
    print(f"λ = {lambd:g}: validation accuracy {va[best]:.2%} at its best (epoch {best + 1}), {va[-1]:.2%} at epoch "
          f"{len(va)}; training accuracy {run['history']['accuracy'][-1]:.0%}, "
          f"{run['flipped_learnt']} of {noisy['flipped']} flipped labels learnt")  # fmt: skip

# %% tags=["hide-input"]
epochs = np.arange(1, noisy["epochs"] + 1)
plots.show(
    plots.curves(
        epochs,
        {f"λ = {lambd:g}": run["history"]["val_accuracy"] for lambd, run in noisy["runs"].items()},
        xlabel="epoch",
        ylabel="validation accuracy",
        title="100 digits, 20 labels flipped",
        legend="below",
    ),
    alt="Validation accuracy per epoch for three values of lambda on 100 digits with 20 flipped labels: without L2 it rises to about 99 percent early, then falls to about 85 percent; with lambda 1 it stays near 98 percent; with lambda 3 it stays near one half.",
    fmt="svg",
)

# %% [markdown]
# Without L2 ($\lambda = 0$) the network reaches 100% training accuracy by learning every flipped label, and its
# validation accuracy falls well below its best: overfitting that costs accuracy. With $\lambda = 1$ the penalty
# keeps the weights small enough that the flipped labels are not worth learning: most stay wrong on the training
# set, and the validation accuracy ends far above the run without L2, though it swings from epoch to epoch. With $\lambda = 3$ the penalty wins over the data: the
# weights shrink until the network answers the same for every digit, and accuracy falls to about one half.
# $\lambda$ is chosen on the validation set, like the number of epochs.
#
# ## The test set, once
#
# Only the final models meet the test set, once each: the 10-epoch runs above (the lowest validation loss was at or
# near their last epoch, so there is nothing to stop early).

# %%
for impl, run in runs.items():
    print(f"{impl}: {show.count(run['test_errors'], 'test error')} of {holdout['m_test']:,}")

# %% [markdown]
# The site's headline runs, which the other pages report, train on all 12,665 training digits with the same
# settings; this page shows that those settings do not overfit.

# %% [markdown]
# ## Practice
#
# <p class="notes-screen-only">Answer, then press <strong>Check</strong> for why, or a hint; <strong>Another
# one</strong> gives fresh numbers. Progress stays in this browser.</p>

# %% tags=["hide-input"]
from snippets.practice import quiz

quiz.questions("generalization")

# %% [markdown]
# ## Summary
#
# - Validation data comes out of the training data (here 2,000 of 12,665, stratified, seeded); the test set is
#   only for the final figure.
# - On 10,665 digits both implementations' validation loss falls with their training loss for all 10 epochs: no
#   overfitting.
# - On 100 digits the validation loss turns up while the training loss keeps falling: overfitting. Early stopping
#   keeps the best epoch's weights.
#
# ## Self-check
#
# <details class="question"><summary>Why not choose the number of epochs on the test set?</summary>
# <p>Then the test set has been used to fit a setting, and its score is no longer a fair estimate on new digits.
# Choose on a validation set held out of the training data; use the test set once, at the end.</p></details>
#
# <details class="question"><summary>What does overfitting look like on the loss curves?</summary><!-- card: none (the practice question on the signs of overfitting asks it) -->
# <p>The training loss keeps falling while the validation loss stops falling and rises.</p></details>
#
# <details class="question"><summary>The validation loss rises but the validation accuracy does not fall. Is that overfitting?</summary>
# <p>Yes: the network's probabilities get more extreme, and more confidently wrong on the digits it misses, which
# cross-entropy charges for; accuracy only counts which side of 0.5 each one falls.</p></details>
#
# <details class="question"><summary>What does early stopping with patience 20 do?</summary><!-- card: none (the item on early stopping asks it) -->
# <p>After each epoch it checks the validation loss; when 20 epochs have passed without a new lowest value, it stops
# and restores the weights of the epoch with the lowest value.</p></details>
#
# <details class="question"><summary>Why is the validation set stratified?</summary>
# <p>So that it has the same share of each class as the training data; a chance imbalance would bias its loss and
# accuracy.</p></details>

# %% tags=["hide-input"]
quiz.key("generalization")
