# %% [markdown]
# # Backpropagation
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - Output layer (sigmoid + cross-entropy): $dZ^{[L]} = A^{[L]} - Y$, $(1, m)$. <!-- card: With a sigmoid output and cross-entropy, what is the output layer's error $dZ^{[L]}$? -->
# - $dW^{[l]} = \frac{1}{m} dZ^{[l]} A^{[l-1]\top}$, the shape of $W^{[l]}$. <!-- card: What is the weight gradient $dW^{[l]}$? -->
# - $db^{[l]} = \frac{1}{m} \sum_i dZ^{[l](i)}$, the shape of $b^{[l]}$. <!-- card: What is the bias gradient $db^{[l]}$? -->
# - $dZ^{[l-1]} = W^{[l]\top} dZ^{[l]} * A^{[l-1]} (1 - A^{[l-1]})$ for sigmoid units. <!-- card: How is the error $dZ^{[l-1]}$ passed back through sigmoid units? -->
# - Check against finite differences: relative errors far below $10^{-6}$. <!-- card: How small is the relative error when backpropagation's gradients are checked against finite differences? -->
#
# </div>
#
# **Aim:** derive the gradients of the cost $J$ with the chain rule, implement them, and prove
# them right against finite differences and TensorFlow.
#
# ## Notation
#
# $\mathcal{L}^{(i)} = \mathcal{L}(a^{[L](i)}, y^{(i)})$ is the loss of example $i$ and $J = \frac{1}{m} \sum_i \mathcal{L}^{(i)}$
# the cost; $*$ is the element-wise product.
#
# - $dZ^{[l]}$, $(n^{[l]}, m)$: column $i$ is $\partial \mathcal{L}^{(i)} / \partial z^{[l](i)}$, the derivative
#   of example $i$'s **own loss**. No $\frac{1}{m}$ in it.
# - $dW^{[l]} = \partial J / \partial W^{[l]}$ and $db^{[l]} = \partial J / \partial b^{[l]}$: derivatives
#   of the **cost**, the mean over the examples. The $\frac{1}{m}$ enters here, once.
#
# ## The chain rule at the output
#
# For one example, with $a = \sigma(z)$ the output:
# $\frac{\partial \mathcal{L}}{\partial a} = -\frac{y}{a} + \frac{1-y}{1-a}$ and
# $\frac{\partial a}{\partial z} = a (1 - a)$. Their product collapses:
#
# $$\begin{aligned}
# \frac{\partial \mathcal{L}}{\partial z} &= \frac{\partial \mathcal{L}}{\partial a}\,\frac{\partial a}{\partial z} \\
# &= -y(1-a) + (1-y)\,a \\
# &= a - y
# \end{aligned}$$
#
# One column per example gives $dZ^{[L]} = A^{[L]} - Y$.
#
# ## Layer by layer
#
# Going back from $l = L$ to $1$, each layer gives its gradients and passes $dZ$ on:
#
# $$\begin{aligned}
# dW^{[l]} &= \tfrac{1}{m}\, dZ^{[l]} A^{[l-1]\top} \\
# db^{[l]} &= \tfrac{1}{m} \textstyle\sum_{i=1}^{m} dZ^{[l](i)} \\
# dZ^{[l-1]} &= W^{[l]\top} dZ^{[l]} * g'\bigl(Z^{[l-1]}\bigr) \\
# g'(Z^{[l-1]}) &= A^{[l-1]} (1 - A^{[l-1]}) \quad \text{(sigmoid)}
# \end{aligned}$$
#
# Shapes check the formulas: $dW^{[l]}$ is $(n^{[l]}, m)(m, n^{[l-1]}) = (n^{[l]}, n^{[l-1]})$, like $W^{[l]}$.
#
# The course writes the hidden step in two lines, through $dA^{[l]} = \partial \mathcal{L} / \partial A^{[l]}$:
# $dA^{[l]} = W^{[l+1]\top} dZ^{[l+1]}$, then $dZ^{[l]} = dA^{[l]} * g'(Z^{[l]})$. Substituting the first into the
# second gives the compact line above (with $l - 1$ for $l$).

# %% [markdown]
# <!-- fold print: The hidden-layer step, derived in four lines -->
# Layer $l$'s activations reach the cost only through the next layer, $Z^{[l+1]} = W^{[l+1]} A^{[l]} + b^{[l+1]}$.
# For one example, unit $k$'s activation $a^{[l]}_k$ enters every $z^{[l+1]}_j$ with weight $W^{[l+1]}_{jk}$, so
# the chain rule sums over $j$; then $a^{[l]} = g(z^{[l]})$ acts element by element:
#
# $$\begin{aligned}
# \frac{\partial \mathcal{L}}{\partial a^{[l]}_k} &= \sum_j dz^{[l+1]}_j \, W^{[l+1]}_{jk}
#   \quad \text{(} \partial z^{[l+1]}_j / \partial a^{[l]}_k = W^{[l+1]}_{jk} \text{)} \\
# dA^{[l]} &= W^{[l+1]\top} dZ^{[l+1]} \\
# \frac{\partial \mathcal{L}}{\partial z^{[l]}_k} &= \frac{\partial \mathcal{L}}{\partial a^{[l]}_k}\, g'(z^{[l]}_k) \\
# dZ^{[l]} &= dA^{[l]} * g'(Z^{[l]})
# \end{aligned}$$
#
# The same two lines in code (`tests/test_by_hand.py` checks $dA$ against finite differences):

# %% tags=["hide-input"]
from snippets.course import show

show.source(module="course/by_hand.py", section="hidden-step")

# %% [markdown]
# <!-- end fold -->

# %% [markdown]
# <!-- fold print: Worked by hand: a 2-2-1 network, forward, loss, backward and one update -->
# Two inputs $x = (1, 2)$, label $y = 1$, two sigmoid hidden units and one output, $\alpha = 0.5$. Every line is
# one formula, on numbers small enough for a calculator (rounded to 4 decimals); the last line shows that after the
# update the same example gives a smaller loss:

# %% tags=["hide-input"]
import numpy as np

from snippets.course import by_hand

formulas = {
    "Z1": "W1 x + b1", "A1": "σ(Z1)", "Z2": "W2 A1 + b2", "A2": "σ(Z2) = ŷ", "J": "−[y log ŷ + (1−y) log(1−ŷ)]",
    "dZ2": "A2 − y", "dW2": "dZ2 A1ᵀ", "db2": "dZ2", "dA1": "W2ᵀ dZ2", "dZ1": "dA1 * A1 (1 − A1)",
    "dW1": "dZ1 xᵀ", "db1": "dZ1", "new W1": "W1 − α dW1", "new b1": "b1 − α db1", "new W2": "W2 − α dW2",
    "new b2": "b2 − α db2",
}  # fmt: skip
values = by_hand.steps()


def shown(v):  # a column as (a, b)ᵀ, a row as (a, b), a matrix row by row, to 4 decimals
    v = np.round(np.atleast_2d(v), 4) + 0.0  # + 0.0: no −0.0
    if v.size == 1:
        return f"{v.item():g}"
    if v.shape[1] == 1:
        return f"({', '.join(f'{x:g}' for x in v[:, 0])})ᵀ"
    return " ".join("(" + ", ".join(f"{x:g}" for x in row) + ")" for row in v)


given = [f"{key:<7}= {shown(value)}" for key, value in by_hand.PARAMS.items()]
steps = [f"{name:<7}= {formula}\n{'':9}= {shown(values[name])}" for name, formula in formulas.items()]
after = by_hand.steps({key: values[f"new {key}"] for key in by_hand.PARAMS})  # the same example, updated weights
loss = [f"J before {float(values['J']):.4f}, after one step {float(after['J']):.4f}"]
show.pre("\n".join(given + [""] + steps + [""] + loss))

# %% [markdown]
# <!-- end fold -->

# %% [markdown]
# ## Unrolled for this network
#
# The same equations written out for 400-25-15-1, layer by layer, and the computation graph they follow.
#
# <details class="notes-fold"><summary>The nine lines for 400-25-15-1, with A[0] = X</summary>
#
# $$\begin{aligned}
# dZ^{[3]} &= A^{[3]} - Y \\
# dW^{[3]} &= \tfrac{1}{m}\, dZ^{[3]} A^{[2]\top} \\
# db^{[3]} &= \tfrac{1}{m} \textstyle\sum_i dZ^{[3](i)} \\
# dZ^{[2]} &= W^{[3]\top} dZ^{[3]} * A^{[2]} (1 - A^{[2]}) \\
# dW^{[2]} &= \tfrac{1}{m}\, dZ^{[2]} A^{[1]\top} \\
# db^{[2]} &= \tfrac{1}{m} \textstyle\sum_i dZ^{[2](i)} \\
# dZ^{[1]} &= W^{[2]\top} dZ^{[2]} * A^{[1]} (1 - A^{[1]}) \\
# dW^{[1]} &= \tfrac{1}{m}\, dZ^{[1]} X^{\top} \\
# db^{[1]} &= \tfrac{1}{m} \textstyle\sum_i dZ^{[1](i)}
# \end{aligned}$$
#
# </details>

# %% [markdown]
# <!-- fold: The computation graph: the forward pass down, the gradients back up -->
# The forward pass runs down, the gradients flow back up, and each $dZ^{[l]}$ gives the gradients of the
# parameters that feed it.

# %% tags=["hide-input"]
from snippets import numpy_net
from snippets.course import architecture, plots, show

plots.show(
    architecture.computation_graph(numpy_net.LAYER_SIZES),
    alt="Computation graph of the 400-25-15-1 network drawn top to bottom: X, then Z1 = W1 A0 + b1, A1 = g(Z1), Z2, A2, Z3, A3 and the cost J. Each Z node receives its W and b. Dashed orange arrows run back up beside the nodes, labelled dZ3 = A3 − Y, dZ2 = W3ᵀ dZ3 * g'(Z2) and dZ1 = W2ᵀ dZ2 * g'(Z1); each parameter pair is labelled with its gradients dW and db.",
    fmt="svg",
)

# %% [markdown]
# <!-- end fold -->

# %% [markdown]
# ## The code
#
# It starts from $dZ^{[L]} = A^{[L]} - Y$, then loops over the layers from $l = L$ down to 1 with the
# equations of "layer by layer"; each comment is the formula of its line.

# %% tags=["hide-input"]
show.source(module="numpy_net.py", section="backward")

# %% [markdown]
# ## Gradient check
#
# Each gradient against two independent references, finite differences and TensorFlow's `GradientTape`, as a
# relative error per array.
#
# <details class="notes-fold"><summary>The two references, and the measure</summary>
#
# - **finite differences**: nudge each parameter by $\pm\varepsilon$ and difference the cost,
#   $\dfrac{J(\theta + \varepsilon) - J(\theta - \varepsilon)}{2 \varepsilon}$;
# - **TensorFlow**: `tf.GradientTape` differentiates the same forward pass with Keras' loss.
#
# The measure is the relative error $\dfrac{\lVert a - b \rVert}{\lVert a \rVert + \lVert b \rVert}$ per array.
#
# </details>

# %% [markdown]
# <!-- fold: The check's code: central differences, and the two networks it runs on -->

# %% tags=["hide-input"]
show.source(module="gradcheck.py", section="numerical")

# %% [markdown]
# Finite differences cost two forward passes per parameter, so they run on a small 5-4-3-1
# network with 8 random examples; GradientTape runs on the full 400-25-15-1 network with 200 real
# digits. Everything is float64.

# %%
from snippets import data, gradcheck, numpy_net

rng = np.random.default_rng(1)
X_small, Y_small = rng.normal(size=(5, 8)), rng.integers(0, 2, size=(1, 8)).astype(float)
p_small = numpy_net.init_params((5, 4, 3, 1), seed=3)
fd = gradcheck.compare(
    gradcheck.numerical_grads(X_small, Y_small, p_small), gradcheck.backprop_grads(X_small, Y_small, p_small)
)
X, Y = data.load("train", n=200)
p = numpy_net.init_params(seed=0)
tape = gradcheck.compare(gradcheck.tape_grads(X, Y, p), gradcheck.backprop_grads(X, Y, p))

# %% [markdown]
# <!-- end fold -->

# %% tags=["hide-input"]
print(f"largest relative error: {max(fd.values()):.1e} (finite differences), {max(tape.values()):.1e} (GradientTape)")
show.table(
    ["gradient", "shape (5-4-3-1)", "vs finite differences", "shape (400-25-15-1)", "vs GradientTape"],
    [[key, p_small[key[1:]].shape, f"{fd[key]:.1e}", p[key[1:]].shape, f"{tape[key]:.1e}"] for key in fd],
    align=["left", "right", "right", "right", "right"],
)

# %% [markdown]
# Both are far below $10^{-6}$: the gradients are right. A wrong formula gives $10^{-2}$ or more;
# the test suite checks that a deliberately broken gradient is caught.

# %% [markdown]
# ## Practice
#
# <p class="notes-screen-only">Answer, then press <strong>Check</strong> for why, or a hint; <strong>Another
# one</strong> gives fresh numbers. Progress stays in this browser.</p>

# %% tags=["hide-input"]
from snippets.practice import quiz

quiz.questions("backprop")

# %% [markdown]
# ## Summary
#
# - $dZ^{[L]} = A^{[L]} - Y$, per example: the sigmoid's derivative cancels against the cross-entropy's.
# - $dW^{[l]} = \frac1m dZ^{[l]} A^{[l-1]\top}$, $db^{[l]} = \frac1m \sum_i dZ^{[l](i)}$: the $\frac1m$ of the mean, once.
# - $dZ^{[l-1]} = W^{[l]\top} dZ^{[l]} * A^{[l-1]}(1 - A^{[l-1]})$ carries the error one layer back.
# - Every gradient has the shape of its parameter; check them against finite differences before
#   trusting a training curve.
#
# ## Self-check
#
# <details class="question"><summary>Why is dZ[L] simply A[L] − Y for a sigmoid output with cross-entropy?</summary>
# <p>The cross-entropy's derivative with respect to a, times the sigmoid's derivative a(1 − a), simplifies to a − y.</p></details>
#
# <details class="question"><summary>Where does the 1/m come from, and why is it not in dZ?</summary><!-- card: none (the practice question on which gradients carry 1/m asks it) -->
# <p>J is the mean of the m example losses. dZ holds each example's own derivative; the mean over
# examples happens when dW and db sum over the columns, so 1/m appears there, once.</p></details>
#
# <details class="question"><summary>What is the shape of db2 and how is it computed?</summary><!-- card: none (the item on db[l] and Vectorization's self-check on db ask it) -->
# <p>(15, 1): dZ2 summed over the m columns (keepdims) and divided by m.</p></details>
#
# <details class="question"><summary>Why check gradients with central rather than one-sided differences?</summary>
# <p>The error of (J(θ+ε) − J(θ−ε))/2ε shrinks like ε², the one-sided one only like ε.</p></details>

# %% tags=["hide-input"]
quiz.key("backprop")
