# %% [markdown]
# # TensorFlow / Keras
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - Define: `Sequential([Input(shape=(400,)), Dense(25, activation='sigmoid'), Dense(15, activation='sigmoid'), Dense(1, activation='sigmoid')])`. <!-- card: How is the 400-25-15-1 sigmoid network defined in Keras? -->
# - Compile: `model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])`. <!-- card: Which call gives the Keras model its optimizer, loss and metric? -->
# - Fit: `model.fit(X.T, Y.T, epochs=10, batch_size=32)`: Keras takes examples as **rows**, $(m, 400)$. <!-- card: Which call trains the Keras model on the notes' X and Y, for 10 epochs in batches of 32? -->
# - `Dense(25)` holds a kernel $(400, 25) = W^{[1]\top}$ and a bias of shape `(25,)`. <!-- card: none (the practice questions on a Dense layer's kernel and bias ask it) -->
# - `fit` differentiates the forward pass itself (no hand-written backprop) and applies Adam. <!-- card: none (the self-check on where the backward pass is asks it) -->
#
# </div>
#
# **Aim:** build, train and use the same network with Keras' `Sequential`, `Dense` and `fit`.
#
# ## The code a user writes
#
# Three calls: define the layers, compile with a loss and an optimizer, fit to the data.

# %% tags=["hide-input"]
from snippets.course import show

show.source(module="course/notes.py", section="keras")

# %%
import keras
import numpy as np

from snippets import keras_net
from snippets.course import notes

keras.utils.set_random_seed(0)
model = notes.keras_model()

# %% tags=["hide-input"]
lines = []
model.summary(line_length=64, print_fn=lambda text, line_break=True: lines.append(text))
show.pre("\n".join(lines))

# %% [markdown]
# `optimizer='adam'` is Adam with its default learning rate, $\alpha = 10^{-3}$. With a sigmoid output
# layer, `'binary_crossentropy'` inside `fit` computes the loss from $z^{[L]}$, exactly, as the NumPy training loop
# does ([Loss](loss.py#what-keras-fit-computes)).

# %% [markdown]
# <!-- fold: The site's Keras code: build_model and train, the same model with a seed and the notes' layout -->
# The rest of the site trains `keras_net.build_model()`, the same model with named layers, a seed
# and a learning rate as arguments. From the same seed, the two start from the same weights:

# %%
library = keras_net.build_model(seed=0)
same = all(np.array_equal(a, b) for a, b in zip(model.get_weights(), library.get_weights(), strict=True))
print("parameters:", model.count_params(), "and", library.count_params(), "| same initial weights:", same)

# %% [markdown]
# `keras_net.train` calls `fit` on the notes' layout, transposing for Keras:

# %% tags=["hide-input"]
show.source(module="keras_net.py", section="train")

# %% [markdown]
# <!-- end fold -->

# %% [markdown]
# ## Fit
#
# The site's headline Keras run: all 12,665 training digits, 10 epochs, batches of 32 (computed
# once per build, shared with [Home](index.py) and [NumPy vs TensorFlow](numpy-vs-tensorflow.py)).

# %%
from snippets.course import results

run = results.headline("keras")
print(
    f"test accuracy {run['test_accuracy']:.2%}:",
    f"{show.count(run['test_errors'], 'error')} in {run['P'].shape[1]:,} test digits",
)

# %% tags=["hide-input"]
from snippets.course import plots

plots.show(
    plots.history({"Keras (Adam)": run["history"]}),
    alt="Keras training history: the loss, on a log scale, falls steeply in the first epochs and keeps decreasing; training accuracy climbs towards 100%.",
    fmt="svg",
)

# %% [markdown]
# <!-- fold: Training time, on the machine that built this page -->

# %% tags=["timing"]
print(f"{run['epochs']} epochs in {run['train_seconds']:.1f} s on the machine that built this page")

# %% [markdown]
# <!-- end fold -->

# %% [markdown]
# ## Predictions
#
# The site's `keras_net.predict_proba` calls the model on `X.T` (Keras' own `model.predict` returns
# an $(m, 1)$ column) and returns $\hat y = P(y=1 \mid x)$ as a $(1, m)$ row like the NumPy version;
# the predicted label is $\mathbb{1}[\hat y \ge 0.5]$. Ten test digits, spread over the test set, titled
# label → prediction, then the probability $\hat y$:

# %% tags=["hide-input"]
from snippets import data

X_test, Y_test = data.load("test")
P = run["P"]
pick = list(range(0, X_test.shape[1], X_test.shape[1] // 10))[:10]
titles = [f"{int(Y_test[0, i])} → {int(P[0, i] >= 0.5)}\n{P[0, i]:.3f}" for i in pick]
plots.show(
    plots.digit_grid(X_test[:, pick], titles, ncols=5, scale=1.1),
    alt="Ten test digits spread over the test set, each titled with its true label, the Keras model's predicted label and its probability of being a one.",
)


# %% [markdown]
# ## Practice
#
# <p class="notes-screen-only">Answer, then press <strong>Check</strong> for why, or a hint; <strong>Another
# one</strong> gives fresh numbers. Progress stays in this browser.</p>

# %% tags=["hide-input"]
from snippets.practice import quiz

quiz.questions("tf-keras")

# %% [markdown]
# ## Summary
#
# - `Sequential([Input(shape=(400,)), Dense(25, activation='sigmoid'), Dense(15, activation='sigmoid'), Dense(1, activation='sigmoid')])`.
# - `compile(optimizer='adam', loss='binary_crossentropy')`, then `fit(X.T, Y.T, epochs=10, batch_size=32)`.
# - `fit` returns a history of loss and accuracy per epoch; `predict` gives probabilities, one row per example.
#
# ## Self-check
#
# <details class="question"><summary>What does Dense(25) hold, and in what shape?</summary><!-- card: none (the practice questions on a Dense layer's kernel and bias ask it) -->
# <p>A kernel (n_in, 25) = W1.T and a bias (25,): 10,025 parameters for 400 inputs.</p></details>
#
# <details class="question"><summary>Where is the backward pass when a Keras model is trained?</summary>
# <p>Inside fit: TensorFlow differentiates the forward pass automatically (GradientTape) and Adam applies the step.</p></details>
#
# <details class="question"><summary>What shape must X have for model.fit?</summary><!-- card: none (the practice question on what model.fit takes asks it) -->
# <p>(m, 400): examples as rows, the transpose of the notes' X.</p></details>

# %% tags=["hide-input"]
quiz.key("tf-keras")
