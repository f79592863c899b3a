# %% [markdown]
# # Hidden activations: sigmoid, tanh, ReLU
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - The output unit stays a sigmoid: $\hat y = \sigma(z^{[L]})$ is a probability for two classes. Hidden layers may use any $g$. <!-- card: none (the self-check on why the output unit stays a sigmoid asks it) -->
# - $\tanh z = 2\sigma(2z) - 1 \in (-1, 1)$, $\tanh' z = 1 - \tanh^2 z \le 1$. <!-- card: What is $\tanh z$ in terms of the sigmoid? -->
# - $\operatorname{ReLU}(z) = \max(0, z)$, $\operatorname{ReLU}'(z) = 1$ if $z > 0$, else 0. <!-- card: What is $\operatorname{ReLU}(z)$? -->
# - In terms of the output $a = g(z)$: $\sigma' = a(1 - a)$, $\tanh' = 1 - a^2$, $\operatorname{ReLU}' = \mathbb{1}[a > 0]$. <!-- card: How are $\sigma'$, $\tanh'$ and $\operatorname{ReLU}'$ written in terms of a layer's output $a = g(z)$? -->
# - Backprop multiplies by $g'(Z^{[l]})$ once per layer: $\sigma' \le \frac14$ shrinks the gradient at every sigmoid layer. <!-- card: none (the practice question on two sigmoid layers asks it) -->
#
# </div>
#
# **Aim:** answer "why ReLU rather than sigmoid in the hidden layers?" with the same network, data and start,
# changing only $g$ in the hidden layers.
#
# **Notation:** $g$ is the hidden layers' activation; $dZ^{[l-1]} = W^{[l]\top} dZ^{[l]} * g'(Z^{[l-1]})$
# ([Backpropagation](backprop.py#notation)).
#
# ## The three functions

# %%
import numpy as np

from snippets import activations

z = np.linspace(-4, 4, 401)
for name in ("sigmoid", "tanh", "relu"):
    value, slope = getattr(activations, name), getattr(activations, f"{name}_prime")
    print(f"{name:>7}: g(0) = {value(0.0):.2f}, g'(0) = {slope(0.0):.2f}, largest g' = {slope(z).max():.2f}")

# %% tags=["hide-input"]
from snippets.course import plots

plots.show(
    plots.curves(
        z,
        {"σ'(z)": activations.sigmoid_prime(z), "tanh'(z)": activations.tanh_prime(z), "ReLU'(z)": activations.relu_prime(z)},
        xlabel="z", ylabel="g'(z)", title="The slopes backprop multiplies by",
    ),
    alt="The derivatives of the three activations for z from −4 to 4: σ′ is a bump of height 0.25 at z = 0; tanh′ a bump of height 1 at z = 0; ReLU′ is 0 for negative z and 1 for positive z.",
    fmt="svg",
)  # fmt: skip

# %% [markdown]
# Each derivative is written from the layer's output $A$, which backpropagation keeps in its cache; the forward
# pass uses $g$ in the hidden layers and $\sigma$ for the output:

# %% tags=["hide-input"]
from snippets.course import show

show.source(module="activations.py", section="hidden")

# %% [markdown]
# ## The gradient at the start
#
# The same initial weights (the headline NumPy run's Glorot start), one backward pass over all 12,665 training
# digits, for each hidden activation: the size of each layer's weight gradient, and the mean slope $g'$ of each
# hidden layer.

# %%
from snippets.course import hidden_layers

runs = hidden_layers.compare()

# %% tags=["hide-input"]
show.table(
    ["hidden g", "‖dW[1]‖", "‖dW[2]‖", "‖dW[3]‖", "mean g′, layer 1", "mean g′, layer 2"],
    [[name, *(f"{n:.3f}" for n in run["grad_norms"]), *(f"{s:.2f}" for s in run["mean_g_prime"])]
     for name, run in runs.items()],
    align=["left"] + ["right"] * 5,
)  # fmt: skip

# %%
for name, run in runs.items():
    print(f"{name}: ‖dW[1]‖ / ‖dW[3]‖ = {run['grad_norms'][0] / run['grad_norms'][2]:.2f}")

# %% [markdown]
# With sigmoid hidden units the first layer, the farthest from the loss, gets the smallest gradient: on its way
# back the error is multiplied by $\sigma' \le \frac14$ at each sigmoid layer. With tanh and ReLU the first layer
# gets the largest gradient instead.
#
# ## Training with each
#
# The headline settings (mini-batches of 32, $\alpha = 0.5$, 10 epochs, the same start and the same batches),
# with only the hidden activation changed; the sigmoid run is the headline run itself.

# %% tags=["hide-input"]
plots.show(
    plots.history({name: run["history"] for name, run in runs.items()}, title="Hidden activation"),
    alt="Training loss on a log scale, above training accuracy, per epoch, for sigmoid, tanh and ReLU hidden layers: the tanh and ReLU losses are several times lower than the sigmoid's after the first epoch and stay below it.",
    fmt="svg",
)

# %% tags=["hide-input"]
show.table(
    ["hidden g", "loss, epoch 1", "loss, epoch 10", "test errors (of 2,115)"],
    [[name, f"{run['history']['loss'][0]:.3g}", f"{run['history']['loss'][-1]:.3g}", run["test_errors"]]
     for name, run in runs.items()],
    align=["left", "right", "right", "right"],
)  # fmt: skip

# %%
sigmoid = runs["sigmoid"]["history"]["loss"]
for name in ("tanh", "relu"):
    loss = runs[name]["history"]["loss"]
    print(f"{name}: first-epoch loss {sigmoid[0] / loss[0]:.1f} times lower than sigmoid's, "
          f"last-epoch loss {sigmoid[-1] / loss[-1]:.1f} times lower")  # fmt: skip

# %% [markdown]
# **What is measured here.** With tanh or ReLU hidden layers, the same network from the same start learns
# faster: its loss is several times lower after the first epoch and stays lower. The test errors differ by at
# most one digit of 2,115: too few to rank the three.
#
# **What is only true of deeper networks** (not shown here: this network is too shallow): the vanishing gradient,
# and ReLU's dead units.
#
# <details class="notes-fold"><summary>Vanishing gradients and dead units, in deeper networks</summary>
# <p>With 2 hidden layers the sigmoid's factor ≤ ¼ is applied twice, and the first layer still learns. In a network
# with many sigmoid layers the factors multiply, and the gradient of the early layers can shrink towards zero (the
# <em>vanishing gradient</em>); that is why ReLU became the default for hidden layers. This network is too shallow
# to show it. ReLU has its own failure, not seen here either: a unit whose z is negative for every example gets no
# gradient again (a "dead" unit).</p></details>

# %% [markdown]
# ## Practice
#
# <p class="notes-screen-only">Answer, then press <strong>Check</strong> for why, or a hint; <strong>Another
# one</strong> gives fresh numbers. Progress stays in this browser.</p>

# %% tags=["hide-input"]
from snippets.practice import quiz

quiz.questions("hidden-activations")

# %% [markdown]
# ## Summary
#
# - Output: sigmoid (a probability). Hidden: sigmoid, tanh or ReLU; the choice changes $g$ and $g'$, nothing else.
# - $\sigma' \le \frac14$, $\tanh' \le 1$, $\operatorname{ReLU}' \in \{0, 1\}$: backprop multiplies by $g'$ once per hidden layer.
# - Here, from the same start, tanh and ReLU give the first layer a larger gradient than sigmoid and train faster; the test errors barely differ.
# - Vanishing gradients need depth; this network has only two hidden layers.
#
# ## Self-check
#
# <details class="question"><summary>Why does the output unit stay a sigmoid when the hidden layers use ReLU?</summary>
# <p>The output must be a probability in (0, 1) for the binary cross-entropy; ReLU's output is unbounded above and 0
# for every negative z.</p></details>
#
# <details class="question"><summary>Write tanh′ and ReLU′ in terms of the layer's output a.</summary><!-- card: none (the item on the derivatives in terms of a asks it) -->
# <p>tanh′ = 1 − a²; ReLU′ = 1 where a > 0, else 0.</p></details>
#
# <details class="question"><summary>With sigmoid hidden units, which layer's weights get the smallest gradient at the start?</summary>
# <p>The first: its error has been multiplied by σ′ ≤ ¼ at each of the two sigmoid layers on the way back from
# the output.</p></details>
#
# <details class="question"><summary>Does a network with two sigmoid hidden layers, like 400-25-15-1, show the vanishing gradient problem?</summary>
# <p>Only its first sign: with two hidden layers the first layer's gradient is smaller, but it still learns. The
# problem itself appears with many sigmoid layers, where the factors multiply.</p></details>

# %% tags=["hide-input"]
quiz.key("hidden-activations")
