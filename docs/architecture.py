# %% [markdown]
# # Architecture: layers, units and shapes
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - Layer $l$: $z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}$ and $a^{[l]} = g(z^{[l]})$, with $a^{[0]} = x$. <!-- card: none (Forward propagation's item on each layer asks it) -->
# - $W^{[l]}$ is $(n^{[l]}, n^{[l-1]})$, one row per unit; $b^{[l]}$ is $(n^{[l]}, 1)$. <!-- card: What shapes do the parameters $W^{[l]}$ and $b^{[l]}$ of layer $l$ have? -->
# - For $m$ examples: $Z^{[l]}, A^{[l]}$ are $(n^{[l]}, m)$; $m$ never changes a parameter's shape. <!-- card: none (the practice question on the shape of Z[2] asks it) -->
# - 400-25-15-1: $25 \cdot 400 + 25$, $15 \cdot 25 + 15$, $1 \cdot 15 + 1$ parameters, 10,431 in all. <!-- card: none (the practice question on the parameter count asks it) -->
# - Keras stores the kernel $W^{[l]\top}$, $(n^{[l-1]}, n^{[l]})$, and takes examples as rows. <!-- card: What does Keras store as a layer's kernel? -->
# - No hidden layer: the boundary $\hat y = 0.5$ is a straight line ($w^\top x + b = 0$); hidden layers with a nonlinear $g$ bend it. <!-- card: none (the self-check on the two rings asks it) -->
#
# </div>
#
# **Aim:** know the shape of every array in the network, and count its parameters.
#
# **Notation:** layer $l = 1, \dots, L$ has $n^{[l]}$ units; $n^{[0]} = 400$ inputs. The course's network has $L = 3$ layers: 400 inputs, hidden layers of 25 and 15 sigmoid units,
# and one sigmoid output unit giving $\hat y = P(y = 1 \mid x)$.

# %% tags=["hide-input"]
from snippets import numpy_net
from snippets.course import architecture, plots, show

plots.show(
    architecture.diagram(numpy_net.LAYER_SIZES),
    alt="Diagram of the 400-25-15-1 network: four columns of units (400 inputs, 25 and 15 hidden, 1 output), each unit connected to every unit of the next layer.",
)

# %% [markdown]
# ## The layer equations
#
# For one example, a column $a^{[l-1]}$ of the previous layer's activations, layer $l$ computes
#
# $$\begin{aligned}
# z^{[l]} &= W^{[l]} a^{[l-1]} + b^{[l]} \\
# a^{[l]} &= g\bigl(z^{[l]}\bigr)
# \end{aligned}$$
#
# Shapes: $W^{[l]}$, $(n^{[l]}, n^{[l-1]})$, times $a^{[l-1]}$, $(n^{[l-1]}, 1)$, gives $(n^{[l]}, 1)$: the
# shape of $b^{[l]}$, $z^{[l]}$ and $a^{[l]}$.
#
# With $m$ examples side by side as columns, the same equations read $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$ and
# $A^{[l]} = g(Z^{[l]})$, with $b^{[l]}$ added to every column ([Forward propagation](forward.py)).
#
# <details class="notes-fold"><summary>Unit by unit: row j of W[l] is unit j</summary>
# <p>Row $j$ of $W^{[l]}$ holds unit $j$'s weights, so $z^{[l]}_j = W^{[l]}_{j,:}\, a^{[l-1]} + b^{[l]}_j$. Here
# $g = \sigma$ in every layer and $a^{[0]} = x$, the 400 pixels.</p></details>
#
# ## Every shape, computed from the model
#
# The table is built from the weights of the Keras model below (converted to the notes' layout),
# for a batch of all $m = 12{,}665$ training examples.

# %%
from snippets import keras_net
from snippets.course import architecture

model = keras_net.build_model()
params = keras_net.from_keras(model)
rows = architecture.layer_table(params, m=12665)

# %% tags=["hide-input"]
show.table(
    ["layer", "units n[l]", "W[l]", "b[l]", "Z[l], A[l]", "parameters"],
    [list(row.values()) for row in rows] + [["total", "", "", "", "", sum(r["parameters"] for r in rows)]],
    align=["left", "right", "right", "right", "right", "right"],
)

# %% [markdown]
# Layer $l$ has $n^{[l]} \times n^{[l-1]}$ weights plus $n^{[l]}$ biases: $25 \cdot 400 + 25 = 10{,}025$,
# $15 \cdot 25 + 15 = 390$, $1 \cdot 15 + 1 = 16$. Keras counts the same:

# %%
counts = [layer.count_params() for layer in model.layers]
names = [layer.name for layer in model.layers]
print("Keras:", dict(zip(names, counts, strict=True)), "total", model.count_params())
print(f"share of the parameters in W1 and b1: {counts[0] / sum(counts):.1%}")

# %% [markdown]
# ## Keras stores the transpose
#
# A Keras `Dense` layer keeps a **kernel** of shape $(n^{[l-1]}, n^{[l]})$ and takes examples as rows,
# computing $A^\top = g(A_{prev}^\top K + b)$. That is the notes' $A = g(W A_{prev} + b)$ with $K = W^\top$.

# %% [markdown]
# <!-- fold: The weight transfer: from_keras and to_keras transpose each kernel -->

# %% tags=["hide-input"]
show.source(module="keras_net.py", section="transfer")

# %%
[(layer.name, layer.get_weights()[0].shape, params[f"W{l}"].shape) for l, layer in enumerate(model.layers, 1)]

# %% [markdown]
# <!-- end fold -->

# %% [markdown]
# ## Where hidden layers matter
#
# Without hidden layers the network is one sigmoid unit, logistic regression, and its boundary is a straight line;
# each hidden layer applies a nonlinear $g$ before the next weighted sum, and that lets the boundary bend.
#
# <details class="notes-fold"><summary>Why: the boundary of one sigmoid unit, and layers without g</summary>
# <p>One unit gives $\hat y = \sigma(w^\top x + b)$. Its boundary, $\hat y = 0.5$, is where $w^\top x + b = 0$: a
# straight line (in 400 dimensions, a flat hyperplane). Without $g$, $W^{[2]}(W^{[1]} x + b^{[1]}) + b^{[2]}$ is
# again one linear map $W x + b$, however many layers are stacked.</p></details>
#
# On the 0s and 1s a straight boundary almost suffices: logistic regression makes about as few test errors
# as the full network ([Home](index.py#baselines)). It does not on two rings of 400 points, the inner one
# labelled 1, the outer 0, fitted by the same `training.train` (full batch, sigmoid units) for three networks.

# %%
from snippets.course import circles

fits = circles.fit_all()
for name, fit in fits.items():
    sizes = "-".join(map(str, fit["layer_sizes"]))
    print(f"{name} ({sizes}): training {fit['train_accuracy']:.1%}, 400 new points {fit['test_accuracy']:.1%}")

# %% tags=["hide-input"]
X_rings, Y_rings = circles.rings()
short = dict(zip(fits, ["no hidden layer", "1 hidden layer", "2 hidden layers"], strict=True))
plots.show(
    plots.decision_boundaries(X_rings, Y_rings, {short[name]: fit for name, fit in fits.items()}),
    alt="Three panels of the two rings of points, inner ring orange (label 1), outer ring blue (label 0), each with a network's boundary in black: without a hidden layer a straight line cuts through both rings; with one or two hidden layers a closed curve runs between the rings.",
)

# %% [markdown]
# Without a hidden layer the boundary is a straight line through both rings, and the accuracy stays
# near one half, what guessing gives with two equal classes. One hidden layer of 8 units bends it into a
# closed curve between the rings; a second hidden layer changes little on this problem. (Deeper networks
# pay off on harder data than either of these; that is true of networks in general, not shown here.)

# %% [markdown]
# ## Practice
#
# <p class="notes-screen-only">Answer, then press <strong>Check</strong> for why, or a hint; <strong>Another
# one</strong> gives fresh numbers. Progress stays in this browser.</p>

# %% tags=["hide-input"]
from snippets.practice import quiz

quiz.questions("architecture")

# %% [markdown]
# ## Summary
#
# - $W^{[l]}$: $(n^{[l]}, n^{[l-1]})$; $b^{[l]}$: $(n^{[l]}, 1)$; $Z^{[l]}, A^{[l]}$: $(n^{[l]}, m)$.
# - 400-25-15-1 has 10,431 parameters, almost all of them in the first layer.
# - Keras' kernel is $W^\top$: $(n_{in}, n_{out})$, with examples as rows.
# - No hidden layer means a straight boundary: enough for 0 vs 1 digits, not for two rings, where one hidden layer bends it round.
#
# ## Self-check
#
# <details class="question"><summary>What is the shape of W2, and why?</summary><!-- card: none (the practice question on the shape of W[2] asks it) -->
# <p>(15, 25): one row per unit of layer 2 (15), one column per input from layer 1 (25).</p></details>
#
# <details class="question"><summary>How many parameters would the network have with 784 inputs (28x28 pixels) instead of 400?</summary>
# <p>20,031: 25 · 784 + 25 = 19,625 in the first layer, plus the same 390 + 16 as before. Only the first layer grows, since the others do not see the inputs.</p></details>
#
# <details class="question"><summary>Does the number of examples m change the shape of any parameter?</summary>
# <p>No. m appears only in Z and A (and X, Y); W and b are the same for any batch size.</p></details>
#
# <details class="question"><summary>Why can a network with no hidden layer not separate two rings of points, one inside the other?</summary>
# <p>Its boundary σ(wᵀx + b) = 0.5 is the line wᵀx + b = 0, and no straight line has the inner ring on one side and
# the outer ring on the other: it gets about half the points right. A hidden layer with a nonlinear g bends the boundary.</p></details>

# %% tags=["hide-input"]
quiz.key("architecture")
