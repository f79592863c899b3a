# %% [markdown]
# # Coding exercises
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - Five exercises: the course lab's three (a dense layer unit by unit, the same layer vectorized, the Keras
#   model) and two it lacks (backpropagation, a gradient-descent step).
# - Each is a notebook from [Downloads](downloads.md): fill in one function, run the check below it.
# - The check runs your function on several cases (real digits, $m = 1$, other layer sizes and activations)
#   and names the likely mistake: a transposed $W$, a missing bias or $\frac1m$, inputs changed in place.
#
# </div>
#
# **Aim:** write the network's pieces yourself, with feedback, before looking at the solution.
#
# **Coming from the course lab?** Its layout is the transpose of the notes'. Write the exercises in the notes':
#
# | | the lab | these exercises (the notes) |
# |---|---|---|
# | weights | `W` is (inputs, units), $(n_{in}, n_{out})$; unit $j$ is the column `W[:, j]` | `W` is $(n_{out}, n_{in})$; unit $j$ is the row `W[j]` |
# | examples | rows: `A_in` is $(m, n_{in})$ | columns: `A_in` is $(n_{in}, m)$ |
# | one layer | `Z = np.matmul(A_in, W) + b` | `Z = np.dot(W, A_in) + b`, with `b` $(n_{out}, 1)$ |
#
# A check given a solution written in the lab's layout says so, and what to change.
#
# Each task below shows the cell you fill in, the check's verdict on the reference solution, and that
# solution, folded: open it once your own passes, or when you are stuck.

# %% tags=["hide-input"]
from snippets.course import show
from snippets.practice import exercises

exercises.show("my_dense")

# %% [markdown]
# The loop is the notes' non-vectorized form; its vectorized twin comes next.

# %% tags=["hide-input"]
exercises.show("my_dense_v")

# %% tags=["hide-input"]
exercises.show("my_model")

# %% tags=["hide-input"]
exercises.show("my_backward")

# %% tags=["hide-input"]
exercises.show("my_update")

# %% [markdown]
# ## What the checks catch
#
# A wrong solution gets one line naming its likely mistake, and the case that showed it. Five typical
# mistakes, each run through its check here:

# %% tags=["hide-input"]
show.table(["a typical mistake", "what its check prints"], exercises.mistakes_report())

# %% [markdown]
# ## Summary
#
# - A layer is $A = g(W A_{in} + b)$: unit by unit a loop over the rows of $W$, vectorized one matrix product.
# - Backpropagation gives each parameter a gradient of its own shape; the $\frac1m$ sits in $dW$ and $db$.
# - A step returns new parameters: changing `params` in place would also change the caller's copy.
#
# ## Self-check
#
# <details class="question"><summary>Your my_dense_v returns (m, n_out) instead of (n_out, m). What went wrong?</summary>
# <p>You computed A_in.T @ W.T, Keras' layout (examples as rows): the notes keep examples as columns, W @ A_in.</p></details>
#
# <details class="question"><summary>Why does check_my_update care whether params changed?</summary>
# <p>A caller (a training loop, a comparison with a start) may still hold them: an update in place
# silently changes the start the notes compare against.</p></details>
