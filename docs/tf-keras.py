# %% [markdown]
# # TensorFlow / Keras
#
# **Aim:** build, train and use the same network with Keras' `Sequential`, `Dense` and `fit`.
#
# **Notation:** Keras takes examples as **rows**: it trains on $X^\top$, $(m, 400)$, and $Y^\top$,
# $(m, 1)$. The `snippets` wrappers take the notes' layout and transpose for Keras.
#
# ## Define and compile

# %%
from snippets import keras_net, show

show.source(module="keras_net.py", section="build")

# %% [markdown]
# Binary cross-entropy and Adam with $\alpha = 10^{-3}$, as in the course. `set_random_seed`
# fixes the initial weights and the shuffling, so every build trains the same network.

# %%
model = keras_net.build_model()
lines = []
model.summary(line_length=72, print_fn=lambda text, line_break=True: lines.append(text))
show.pre("\n".join(lines))

# %% [markdown]
# ## Fit

# %%
show.source(module="keras_net.py", section="train")

# %%
from snippets import plots, results

run = results.run("keras")
plots.show(
    plots.history({"Keras (Adam)": run["history"]}),
    alt="Keras training history: the loss falls steeply in the first epochs and keeps decreasing; training accuracy climbs towards 100%.",
    fmt="svg",
)

# %%
print(f"test accuracy {run['test_accuracy']:.2%}, {run['test_errors']} errors in {run['P'].shape[1]}")

# %% tags=["timing"]
print(f"{run['epochs']} epochs in {run['train_seconds']:.1f} s on the machine that built this page")

# %% [markdown]
# ## Predictions
#
# `predict_proba` returns $P(y=1 \mid x)$ as a $(1, m)$ row like the NumPy version; the label is
# $\hat y \ge 0.5$. Twenty test digits, titled label / prediction (probability):

# %%
from snippets import data

X_test, Y_test = data.load("test")
P = run["P"]
pick = list(range(0, 2115, 106))[:20]
titles = [f"{int(Y_test[0, i])} / {int(P[0, i] >= 0.5)} ({P[0, i]:.3f})" for i in pick]
plots.show(
    plots.digit_grid(X_test[:, pick], titles, ncols=10),
    alt="Twenty test digits spread over the test set, each titled with its true label, the Keras model's predicted label and its probability of being a one.",
)

# %% [markdown]
# ## Summary
#
# - `Sequential([Input(400), Dense(25, "sigmoid"), Dense(15, "sigmoid"), Dense(1, "sigmoid")])`.
# - `compile(loss=BinaryCrossentropy(), optimizer=Adam(1e-3))`, then `fit(X.T, Y.T, epochs, batch_size)`.
# - `fit` returns a history of loss and accuracy per epoch; `predict` gives probabilities.
#
# ## Self-check
#
# <details class="question"><summary>What does Dense(25) hold, and in what shape?</summary>
# <p>A kernel (n_in, 25) = W1.T and a bias (25,): 10,025 parameters for 400 inputs.</p></details>
#
# <details class="question"><summary>Where is the backward pass in the Keras code?</summary>
# <p>Inside fit: TensorFlow differentiates the forward pass automatically (GradientTape) and Adam applies the step.</p></details>
#
# <details class="question"><summary>What shape must X have for model.fit?</summary>
# <p>(m, 400): examples as rows, the transpose of the notes' X.</p></details>
