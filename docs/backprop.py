# %% [markdown]
# # Backpropagation
#
# **Aim:** derive the gradients of $J$ with the chain rule, implement them, and prove them right
# against finite differences and TensorFlow.
#
# **Notation:** $dX$ means $\partial J / \partial X$, same shape as $X$; $*$ is element-wise.
#
# ## The chain rule, layer by layer
#
# For a sigmoid output and cross-entropy, $\partial L / \partial \hat y = -\frac{y}{\hat y} + \frac{1-y}{1-\hat y}$
# and $\partial \hat y / \partial z = \hat y (1 - \hat y)$; their product collapses to
#
# $$dZ^{[L]} = A^{[L]} - Y.$$
#
# Then for $l = L, \dots, 1$:
#
# $$dW^{[l]} = \frac{1}{m}\, dZ^{[l]} A^{[l-1]\top}, \qquad
#   db^{[l]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[l](i)}, \qquad
#   dZ^{[l-1]} = W^{[l]\top} dZ^{[l]} * g'\bigl(Z^{[l-1]}\bigr),$$
#
# with $g'(Z) = A (1 - A)$ for the sigmoid. Shapes check the formulas: $dW^{[l]}$ is
# $(n^{[l]}, m)(m, n^{[l-1]}) = (n^{[l]}, n^{[l-1]})$, like $W^{[l]}$.
#
# ## The code

# %%
from snippets import numpy_net, show

show.source(module="numpy_net.py", section="backward")

# %% [markdown]
# ## Gradient check
#
# Two independent references:
#
# - **finite differences**: nudge each parameter by $\pm\varepsilon$ and difference the loss,
#   $\frac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon}$;
# - **TensorFlow**: `tf.GradientTape` differentiates the same forward pass with Keras' loss.
#
# The measure is the relative error $\frac{\lVert a - b \rVert}{\lVert a \rVert + \lVert b \rVert}$ per array.

# %%
show.source(module="gradcheck.py", section="numerical")

# %%
show.source(module="gradcheck.py", section="tape")

# %% [markdown]
# Finite differences cost two forward passes per parameter, so they run on a small 5-4-3-1
# network with 8 random examples; GradientTape runs on the full 400-25-15-1 network with 200 real
# digits. Everything is float64.

# %%
import numpy as np

from snippets import data, gradcheck

rng = np.random.default_rng(1)
X_small, Y_small = rng.normal(size=(5, 8)), rng.integers(0, 2, size=(1, 8)).astype(float)
p_small = numpy_net.init_params((5, 4, 3, 1), seed=3)
fd = gradcheck.compare(
    gradcheck.numerical_grads(X_small, Y_small, p_small), gradcheck.backprop_grads(X_small, Y_small, p_small)
)

X, Y = data.load("train", n=200)
p = numpy_net.init_params(seed=0)
tape = gradcheck.compare(gradcheck.tape_grads(X, Y, p), gradcheck.backprop_grads(X, Y, p))
show.table(
    ["gradient", "shape (5-4-3-1)", "vs finite differences", "shape (400-25-15-1)", "vs GradientTape"],
    [[key, p_small[key[1:]].shape, f"{fd[key]:.1e}", p[key[1:]].shape, f"{tape[key]:.1e}"] for key in fd],
    align=["left", "right", "right", "right", "right"],
)

# %% [markdown]
# Errors far below $10^{-6}$ mean the gradients are right (a wrong formula gives $10^{-2}$ or more;
# the test suite checks that a deliberately broken gradient is caught).
#
# ## Summary
#
# - $dZ^{[L]} = A^{[L]} - Y$; $dW^{[l]} = \frac1m dZ^{[l]} A^{[l-1]\top}$; $db^{[l]} = \frac1m \sum dZ^{[l]}$;
#   $dZ^{[l-1]} = W^{[l]\top} dZ^{[l]} * A^{[l-1]}(1 - A^{[l-1]})$.
# - Every gradient has the shape of its parameter.
# - Check gradients against finite differences before trusting training curves.
#
# ## Self-check
#
# <details class="question"><summary>Why is dZ[L] simply A[L] − Y?</summary>
# <p>The cross-entropy's derivative with respect to ŷ times the sigmoid's derivative ŷ(1 − ŷ) cancel to ŷ − y.</p></details>
#
# <details class="question"><summary>What is the shape of db2 and how is it computed?</summary>
# <p>(15, 1): the mean of dZ2 over the m columns (sum with keepdims, divided by m).</p></details>
#
# <details class="question"><summary>Why use central rather than one-sided differences?</summary>
# <p>The error of (J(θ+ε) − J(θ−ε))/2ε shrinks like ε², the one-sided one only like ε.</p></details>
