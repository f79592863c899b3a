# %% [markdown]
# # Forward propagation
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - Start from $A^{[0]} = X$, $(400, m)$, one example per column. <!-- card: What does forward propagation start from? -->
# - Each layer: $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$, then $A^{[l]} = \sigma(Z^{[l]})$, both $(n^{[l]}, m)$. <!-- card: What does each layer compute in the forward pass over $m$ examples? -->
# - $b^{[l]}$, $(n^{[l]}, 1)$, is broadcast across the $m$ columns. <!-- card: none (Vectorization's item on broadcasting asks it) -->
# - The prediction is $\hat Y = A^{[3]}$, $(1, m)$: $P(y = 1 \mid x)$ for every example. <!-- card: none (the practice question on the shape of Ŷ asks it) -->
# - Keep every $Z^{[l]}$ and $A^{[l]}$: backpropagation needs them. <!-- card: What must the forward pass keep for backpropagation? -->
#
# </div>
#
# **Aim:** compute the network's prediction for a batch of examples, with the notes' own code, and
# check it against the library and against Keras.
#
# ## The notes' code
#
# The notes write the first two layers; this network has a third, the output unit, so the snippet
# continues with `Z3` and `A3`:

# %% tags=["hide-input"]
from snippets.course import show

show.source(module="course/notes.py", section="forward")

# %% [markdown]
# In `np.dot(W1, X) + b1`, the product is $(25, m)$ and `b1` is $(25, 1)$: NumPy *broadcasts* `b1`, adding it to
# every one of the $m$ columns ([Broadcasting](vectorization.py#broadcasting)).
#
# Run it on the 2,115 real test digits, with the weights of an untrained network, and compare
# with the library's `numpy_net.forward`:

# %%
import numpy as np

from snippets import data, numpy_net
from snippets.course import notes

X_test, Y_test = data.load("test")
params = numpy_net.init_params(seed=0)
A3 = notes.forward(X_test, **params)
AL, cache = numpy_net.forward(X_test, params)
print("A3:", A3.shape, "| largest |notes − numpy_net.forward|:", np.max(np.abs(A3 - AL)))

# %% [markdown]
# ## The same computation for any number of layers
#
# `numpy_net.forward` is the notes' code as a loop over the layers. It keeps every $Z^{[l]}$ and
# $A^{[l]}$ in a cache for [backpropagation](backprop.md). Its hidden layers' $g$ is the sigmoid unless another is
# asked for ([Hidden activations](hidden-activations.py)); the output is always a sigmoid:

# %% tags=["hide-input"]
show.source(module="numpy_net.py", section="forward")

# %% tags=["hide-input"]
show.table(["array", "shape"], [[key, value.shape] for key, value in cache.items()], align=["left", "right"])

# %% [markdown]
# ## What an untrained network predicts

# %%
Z3 = cache["Z3"]
print(f"ŷ, all test digits: {AL.min():.3f} to {AL.max():.3f}")
print(f"mean ŷ, zeros: {AL[Y_test == 0].mean():.3f}")
print(f"mean ŷ, ones:  {AL[Y_test == 1].mean():.3f}")
print(f"A2 (inputs of the output unit): {cache['A2'].min():.2f} to {cache['A2'].max():.2f}")
print(f"Z3 = W3 A2 + b3: {Z3.min():+.2f} to {Z3.max():+.2f}")
print(f"sum of W3's weights: {params['W3'].sum():+.2f}")

# %% [markdown]
# The untrained network gives every digit nearly the same $\hat y$, zeros and ones alike: it
# cannot tell them apart yet. Why is that value not 0.5? The output unit adds up 15 hidden
# activations, each between 0 and 1, weighted by random $W^{[3]}$ (and $b^{[3]} = 0$). Unless
# those weights cancel, $z^{[3]}$ lands away from 0, on the side of the sign of their sum, and
# $\sigma(z^{[3]})$ away from 0.5. [Training](gradient-descent.md) moves the zeros towards 0 and
# the ones towards 1.
#
# ## NumPy and Keras, same weights, same predictions
#
# Copy the NumPy weights into the Keras model (`to_keras`, kernel $= W^\top$) and run both on all
# test digits. Keras computes in float32, NumPy in float64:

# %%
from snippets import keras_net

model = keras_net.to_keras(params)
P_keras = keras_net.predict_proba(X_test, model)
print(f"all {AL.shape[1]} test digits: largest |NumPy − Keras| = {np.max(np.abs(AL - P_keras)):.1e}")

# %% tags=["hide-input"]
show.table(
    ["example", "label", "NumPy ŷ", "Keras ŷ"],
    [[i, int(Y_test[0, i]), f"{AL[0, i]:.7f}", f"{P_keras[0, i]:.7f}"] for i in range(4)],
    align=["right", "right", "right", "right"],
)

# %% [markdown]
# The difference is at float32's precision, about $10^{-7}$ on values below 1.

# %% [markdown]
# ## Practice
#
# <p class="notes-screen-only">Answer, then press <strong>Check</strong> for why, or a hint; <strong>Another
# one</strong> gives fresh numbers. Progress stays in this browser.</p>

# %% tags=["hide-input"]
from snippets.practice import quiz

quiz.questions("forward")

# %% [markdown]
# ## Summary
#
# - $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$, $A^{[l]} = \sigma(Z^{[l]})$, for $l = 1, 2, 3$; $\hat Y = A^{[3]}$.
# - The notes' six lines and the library's loop over layers compute the same numbers.
# - Untrained, the network gives every digit about the same probability, set by its random weights.
# - Keep $Z$ and $A$ of every layer: backpropagation needs them.
#
# ## Self-check
#
# <details class="question"><summary>In Z1 = np.dot(W1, X) + b1, what are the shapes for m = 50?</summary><!-- card: none (the practice question on np.dot(W1, X) + b1 asks it) -->
# <p>(25, 400) · (400, 50) + (25, 1) → (25, 50); b1 is broadcast across the 50 columns.</p></details>
#
# <details class="question"><summary>Why does an untrained sigmoid network, with random weights, not predict 0.5?</summary>
# <p>z3 sums positive hidden activations times random output weights; unless the weights cancel,
# z3 is not 0, so σ(z3) is not 0.5. It is about the same for every digit, since nothing yet links
# the weights to the digits.</p></details>
#
# <details class="question"><summary>How is one layer's forward step written in Keras' layout?</summary>
# <p>A.T = g(A_prev.T @ K + b) with K = W.T: examples are rows.</p></details>
#
# <details class="question"><summary>Why do the NumPy network and Keras give slightly different outputs with the same weights?</summary>
# <p>Keras computes in float32 (about 7 significant digits), NumPy in float64.</p></details>

# %% tags=["hide-input"]
quiz.key("forward")
