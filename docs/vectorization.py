# %% [markdown]
# # Vectorization and broadcasting
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - The notes' loop over the $m$ examples,
#
#     ```python
#     for i in range(m):
#         z[i] = np.dot(W, X[:, i]) + b
#     ```
#
#     and its vectorized form, `Z = np.dot(W, X) + b`: same numbers, far faster. <!-- card: What one line replaces the loop over the $m$ examples that computes `z[i] = np.dot(W, X[:, i]) + b`? -->
# - Broadcasting stretches size-1 axes: $(n, m) + (n, 1) \to (n, m)$ adds $b$ to every column (example). <!-- card: What does broadcasting make of $(n, m) + (n, 1)$? -->
# - $(1, 3) + (3, 1) \to (3, 3)$: both operands stretch. <!-- card: none (the practice question on the shape of (1, 3) + (3, 1) asks it) -->
# - A rank-1 array $(n,)$ lines up with the **last** axis: use $(n, 1)$ columns and $(1, m)$ rows. <!-- card: Which axis does a rank-1 array $(n,)$ line up with when NumPy broadcasts it? -->
#
# </div>
#
# **Aim:** replace the loop over examples by one matrix product, and know exactly what NumPy's
# broadcasting does in $W A + b$.
#
# ## The notes' loop and its vectorized form
#
# For one unit with weights $W$, $(1, n_x)$, and bias $b$, the notes compute $z$ example by example,
# then all at once:

# %% tags=["hide-input"]
from snippets.course import show

show.source(module="course/notes.py", section="loop")

# %% [markdown]
# Both, for the first unit of layer 1 (400 weights), on all 2,115 test digits:

# %%
import numpy as np

from snippets import data, numpy_net
from snippets.course import notes

X, _ = data.load("test")
params = numpy_net.init_params(seed=0)
W, b = params["W1"][:1], params["b1"][:1]  # unit 1 of layer 1: W (1, 400), b (1, 1)
z = notes.loop(W, X, b)
Z = notes.vectorized(W, X, b)
print(f"z: {z.shape}, Z: {Z.shape} | largest |z.T − Z|: {np.max(np.abs(z.T - Z)):.1e}")

# %% tags=["timing"]
import timeit

t_loop = min(timeit.repeat(lambda: notes.loop(W, X, b), number=3, repeat=3)) / 3
t_vec = min(timeit.repeat(lambda: notes.vectorized(W, X, b), number=200, repeat=5)) / 200
print(f"loop: {t_loop * 1e3:.2f} ms | vectorized: {t_vec * 1e3:.3f} ms | {t_loop / t_vec:.0f}x faster")

# %% [markdown]
# Both give the same $z$ up to float64 rounding (the difference printed above). The loop makes 2,115 separate
# calls through the Python interpreter; `np.dot(W, X)` does the same multiplications in one call into compiled BLAS
# code (timings from the machine that built this page). A whole layer, `numpy_net.dense`, is `W @ A_prev + b`.
#
# ## Broadcasting
#
# NumPy stretches an axis of size 1 to match the other operand, without copying. The notes'
# example: a row plus a column.

# %% tags=["hide-input"]
show.source(module="course/notes.py", section="broadcasting")

# %%
notes.broadcasting()

# %% [markdown]
# The row $(1, 3)$ is repeated down 3 rows and the column $(3, 1)$ across 3 columns: element
# $(i, j)$ is $B_i + A_j$. In a layer, $Z = WA + b$ adds a column $(n, 1)$ to $(n, m)$: unit $i$'s
# bias $b_i$ is added to every example.

# %%
b = np.array([[1.0], [2.0], [3.0]])  # (3, 1): one bias per unit
Z = np.zeros((3, 4))  # (3, 4): 3 units, 4 examples
print(f"{Z.shape} + {b.shape} -> {(Z + b).shape}")
print(Z + b)

# %% [markdown]
# Row $i$, unit $i$, gets $b_i$ in every column.
#
# ### The rank-1 pitfall
#
# A 1-D array of shape $(3,)$ is neither a row nor a column. NumPy lines it up with the **last**
# axis, the examples. Added to a $(3, 4)$ array it fails; added to a $(3, 3)$ array it runs, and
# adds the wrong thing:

# %%
b_flat = np.array([1.0, 2.0, 3.0])  # (3,)
try:
    Z + b_flat
except ValueError as error:
    print("(3, 4) + (3,):", error)
print("(3, 3) + (3,):")
print(np.zeros((3, 3)) + b_flat)

# %% [markdown]
# Element $(i, j)$ got `b_flat[j]`: the bias meant for unit $j$ went to example $j$, in every
# unit's row. With the column $(3, 1)$ above, element $(i, j)$ gets $b_i$, as intended. Keep biases
# as explicit columns $(n, 1)$; the `snippets` functions refuse anything else:

# %%
try:
    numpy_net.dense(X, params["W1"], params["b1"].ravel())
except ValueError as error:
    print("ValueError:", error)


# %% [markdown]
# ## Practice
#
# <p class="notes-screen-only">Answer, then press <strong>Check</strong> for why, or a hint; <strong>Another
# one</strong> gives fresh numbers. Progress stays in this browser.</p>

# %% tags=["hide-input"]
from snippets.practice import quiz

quiz.questions("vectorization")

# %% [markdown]
# ## Summary
#
# - Replace loops over examples with one matrix product: `Z = np.dot(W, X) + b`. Same numbers, far faster.
# - Broadcasting stretches size-1 axes: $(n, m) + (n, 1)$ adds $b$ to every column, so unit $i$'s
#   bias $b_i$ goes to row $i$ for every example.
# - $(1, 3) + (3, 1)$ gives $(3, 3)$; a rank-1 $(n,)$ lines up with the last axis. Use $(n, 1)$ or $(1, m)$.
#
# ## Self-check
#
# <details class="question"><summary>What does NumPy give for an array of shape (25, 200) plus one of shape (25,)?</summary>
# <p>An error: (25,) is lined up with the last axis, 200. A (25, 1) column would give (25, 200).</p></details>
#
# <details class="question"><summary>What does np.array([[1, 2, 3]]) + np.array([[1], [2], [3]]) give?</summary><!-- card: none (the practice questions on this sum ask it) -->
# <p>A (3, 3) array whose element (i, j) is (i + 1) + (j + 1): rows [2, 3, 4], [3, 4, 5], [4, 5, 6].</p></details>
#
# <details class="question"><summary>How do you compute db, the mean of dZ over the examples, as a column?</summary>
# <p>dZ.sum(axis=1, keepdims=True) / m, shape (n, 1).</p></details>
#
# <details class="question"><summary>Why is vectorized NumPy faster than a Python loop that does the same arithmetic?</summary>
# <p>One call into compiled BLAS instead of thousands of interpreted Python iterations.</p></details>

# %% tags=["hide-input"]
quiz.key("vectorization")
