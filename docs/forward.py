# %% [markdown]
# # Forward propagation
#
# **Aim:** compute the network's prediction for a batch of examples, first one unit at a time,
# then vectorized, and check both against Keras.
#
# **Notation:** $A^{[0]} = X$. For $l = 1, \dots, L$:
#
# $$Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}, \qquad A^{[l]} = g\bigl(Z^{[l]}\bigr),$$
#
# and the prediction is $\hat Y = A^{[L]}$, $(1, m)$. For one unit $j$ and one example $i$:
# $z_j^{(i)} = w_j \cdot a^{(i)} + b_j$, where $w_j$ is row $j$ of $W$.
#
# ## One layer, two ways

# %%
from snippets import numpy_net, show

show.source(module="numpy_net.py", section="dense")

# %% [markdown]
# On 50 real test digits, with the first layer of an initialized network, the loop and the
# vectorized layer give the same 25 x 50 activations:

# %%
import numpy as np

from snippets import data

X_test, Y_test = data.load("test")
params = numpy_net.init_params(seed=0)
X = X_test[:, :50]
A_loop = numpy_net.dense_loop(X, params["W1"], params["b1"])
A_vec = numpy_net.dense(X, params["W1"], params["b1"])
print("shapes:", A_loop.shape, A_vec.shape, "| largest difference:", np.max(np.abs(A_loop - A_vec)))

# %% [markdown]
# ## The whole network
#
# `forward` applies the layer $L$ times and keeps every $Z^{[l]}$ and $A^{[l]}$ in a cache for
# [backpropagation](backprop.md):

# %%
show.source(module="numpy_net.py", section="forward")

# %%
AL, cache = numpy_net.forward(X_test, params)
show.table(["array", "shape"], [[key, value.shape] for key, value in cache.items()])

# %% [markdown]
# ## NumPy and Keras, same weights, same predictions
#
# Copy the NumPy weights into the Keras model (`to_keras`, kernel $= W^\top$) and run both on all
# test digits. Keras computes in float32, NumPy in float64, so they agree to float32 precision:

# %%
from snippets import keras_net

model = keras_net.to_keras(params)
P_numpy = numpy_net.predict_proba(X_test, params)
P_keras = keras_net.predict_proba(X_test, model)
show.table(
    ["example", "label", "NumPy ŷ", "Keras ŷ"],
    [[i, int(Y_test[0, i]), f"{P_numpy[0, i]:.7f}", f"{P_keras[0, i]:.7f}"] for i in range(6)],
    align=["right", "right", "right", "right"],
)

# %%
print(f"all {P_numpy.shape[1]} test digits: largest |NumPy − Keras| = {np.max(np.abs(P_numpy - P_keras)):.1e}")

# %% [markdown]
# These weights are untrained, so the predictions hover near 0.5; [training](gradient-descent.md)
# changes that.
#
# ## Summary
#
# - $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$, $A^{[l]} = g(Z^{[l]})$; $b$ broadcasts across the $m$ columns.
# - The loop over units and examples and the matrix product compute the same numbers.
# - Keep $Z$ and $A$ of every layer: backpropagation needs them.
#
# ## Self-check
#
# <details class="question"><summary>In Z1 = W1 X + b1, what are the shapes for m = 50?</summary>
# <p>(25, 400) @ (400, 50) + (25, 1) → (25, 50); b1 is broadcast across the 50 columns.</p></details>
#
# <details class="question"><summary>How would you write the same layer for Keras' layout?</summary>
# <p>A.T = g(A_prev.T @ K + b) with K = W.T: examples are rows.</p></details>
#
# <details class="question"><summary>Why do NumPy and Keras differ at all with the same weights?</summary>
# <p>Keras computes in float32 (about 7 significant digits), NumPy in float64.</p></details>
