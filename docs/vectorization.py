# %% [markdown]
# # Vectorization and broadcasting
#
# **Aim:** see why the vectorized layer is the one to use, and how NumPy's broadcasting makes
# $W A + b$ work.
#
# ## Loop vs vectorized, timed
#
# The two layers from [Forward propagation](forward.md), on the first layer of the network
# (25 units, 400 inputs) and 200 real digits:

# %%
import timeit

import numpy as np

from snippets import data, numpy_net, show

X, _ = data.load("test", n=200)
params = numpy_net.init_params(seed=0)
W1, b1 = params["W1"], params["b1"]
same = np.allclose(numpy_net.dense_loop(X, W1, b1), numpy_net.dense(X, W1, b1))
print("same result:", same)

# %% tags=["timing"]
t_loop = min(timeit.repeat(lambda: numpy_net.dense_loop(X, W1, b1), number=1, repeat=3))
t_vec = min(timeit.repeat(lambda: numpy_net.dense(X, W1, b1), number=20, repeat=5)) / 20
show.table(
    ["layer", "time for 200 examples", "speed-up"],
    [
        ["dense_loop (Python loops)", f"{t_loop * 1e3:.1f} ms", "1x"],
        ["dense (W @ A + b)", f"{t_vec * 1e3:.3f} ms", f"{t_loop / t_vec:.0f}x"],
    ],
)

# %% [markdown]
# The loop runs 25 x 200 dot products one at a time through the Python interpreter; the matrix
# product does the same arithmetic in one call to optimized, parallel BLAS code.
#
# ## Broadcasting
#
# NumPy stretches a size-1 dimension to match the other operand, without copying. Each example
# below prints its real output and shapes.

# %%
b = np.array([[1.0], [2.0], [3.0]])  # (3, 1): one bias per unit
Z = np.zeros((3, 4))  # (3, 4): 3 units, 4 examples
print(f"{Z.shape} + {b.shape} -> {(Z + b).shape}")
print(Z + b)

# %% [markdown]
# That is exactly $Z = WA + b$: $b$ is added to every column (every example).

# %%
row = np.array([[10.0, 20.0, 30.0, 40.0]])  # (1, 4): one value per example
print(f"{Z.shape} + {row.shape} -> {(Z + row).shape}")
print(Z + row)

# %%
col, r = np.arange(3).reshape(3, 1), np.arange(4).reshape(1, 4)
print(f"{col.shape} * {r.shape} -> {(col * r).shape} (an outer product)")
print(col * r)

# %% [markdown]
# ### The rank-1 pitfall
#
# A 1-D array of shape `(3,)` is neither a row nor a column. Added to a $(3, 4)$ array it is
# matched against the **last** axis (4), and fails; added to a $(3, 3)$ array it silently adds
# along the wrong axis:

# %%
b_flat = np.array([1.0, 2.0, 3.0])  # (3,)
try:
    Z + b_flat
except ValueError as error:
    print("(3, 4) + (3,):", error)
print("(3, 3) + (3,) adds per column, not per row:")
print(np.zeros((3, 3)) + b_flat)

# %% [markdown]
# Keep biases as explicit columns, `(n, 1)`; the `snippets` functions refuse anything else:

# %%
try:
    numpy_net.dense(X, W1, b1.ravel())
except ValueError as error:
    print("ValueError:", error)

# %% [markdown]
# ## Summary
#
# - Replace loops over units and examples with one matrix product: same numbers, far faster.
# - Broadcasting stretches size-1 axes: $(n, m) + (n, 1)$ adds $b$ to every example.
# - Avoid rank-1 arrays `(n,)`; use `(n, 1)` or `(1, m)`.
#
# ## Self-check
#
# <details class="question"><summary>What is the shape of (25, 200) + (25, 1)? And (25, 200) + (25,)?</summary>
# <p>(25, 200); the second is an error: (25,) is matched against the last axis, 200.</p></details>
#
# <details class="question"><summary>How do you compute db = mean of dZ over examples, keeping a column?</summary>
# <p>dZ.sum(axis=1, keepdims=True) / m, shape (n, 1).</p></details>
#
# <details class="question"><summary>Why is the vectorized layer faster if it does the same arithmetic?</summary>
# <p>One call into compiled BLAS instead of thousands of interpreted Python iterations.</p></details>
