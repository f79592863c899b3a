# %% [markdown]
# # Key takeaways
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# Six ideas carry the whole course. Each links to the lesson that shows it running.
#
# </div>
#
# 1. **Hidden layers let a network draw nonlinear boundaries, where the data needs them.** Each layer
#    computes $z^{[l]} = W^{[l]} a^{[l-1]} + b^{[l]}$ and then a nonlinear $a^{[l]} = g(z^{[l]})$; without
#    $g$, any stack of layers collapses to one linear map $W x + b$. On two rings of points a network
#    without hidden layers draws a straight line and gets about half right, one hidden layer bends the
#    boundary round them ([Architecture](architecture.py#where-hidden-layers-matter)). On 0 vs 1 digits a
#    straight boundary is almost enough: logistic regression makes about as few test errors as the network
#    ([the baselines](index.py#baselines)).
# 2. **The sigmoid outputs probabilities.** $\sigma(z) = 1 / (1 + e^{-z})$ maps any $z$ into $(0, 1)$, so
#    the output $\hat y = a^{[L]}$ reads as $P(y = 1 \mid x)$, and the predicted label is
#    $\mathbb{1}[\hat y \ge 0.5]$. ([Activation](activation.py))
# 3. **Cross-entropy measures the error of a probability.** The cost $J$ is the mean over the
#    examples of $-[y \log \hat y + (1 - y) \log(1 - \hat y)]$: it charges most for confident
#    mistakes, and with a sigmoid output its derivative with respect to the output's $z$ is simply
#    $a - y$ per example. ([Loss](loss.py))
# 4. **Backpropagation is the chain rule, layer by layer.** From $dZ^{[L]} = A^{[L]} - Y$, each layer
#    gives $dW^{[l]}$ and $db^{[l]}$ and passes the error back,
#    $dZ^{[l-1]} = W^{[l]\top} dZ^{[l]} * g'(Z^{[l-1]})$;
#    gradient descent then steps against them. ([Backpropagation](backprop.py),
#    [Gradient descent](gradient-descent.py))
# 5. **TensorFlow automates training; NumPy reveals the mechanics.** Keras' `fit` differentiates and
#    updates for you; writing it in NumPy shows every shape and every derivative, and both get
#    all but a handful of the test digits right here. ([TensorFlow](tf-keras.py), [NumPy vs TensorFlow](numpy-vs-tensorflow.py))
# 6. **Vectorization and broadcasting make it fast and short.** `Z = np.dot(W, X) + b` replaces a loop
#    over the examples, and broadcasting adds the bias column $b$ to every example.
#    ([Vectorization](vectorization.py))
#
# ## What an interviewer asks next
#
# - **Why not start from zero weights?** Every unit of a layer would stay a copy of the others; random weights
#   break the symmetry, scaled by the layer sizes (Glorot). ([Initialization](initialization.py))
# - **Why ReLU rather than sigmoid in hidden layers?** Backpropagating through a sigmoid layer multiplies the
#   gradient by $\sigma' \le \frac14$ (the $W^\top$ factor may then make it larger or smaller); $\tanh' \le 1$ (1 only
#   at $z = 0$) and ReLU's slope of 1 where a unit is active shrink it far less, and here they train faster from the
#   same start. The output stays a sigmoid.
#   ([Hidden activations](hidden-activations.py))
# - **How do you know it generalizes?** Watch the loss on a validation set held out of the training data; the test
#   set is for the final figure only. ([Generalization](generalization.py))
# - **What does Adam add to gradient descent?** Momentum ($V$), a step scaled per parameter ($\sqrt{S}$), and bias
#   correction. Like for like, with plain SGD, Keras follows the NumPy loss curve.
#   ([Gradient descent](gradient-descent.py#adam-a-step-per-parameter), [NumPy vs TensorFlow](numpy-vs-tensorflow.py#results-measured-at-build))
#
# ## Baselines
#
# The test accuracy of the network means little alone. On the same 2,115 test digits (the runs
# [Home](index.py#baselines) reports, computed once per build):

# %% tags=["hide-input"]
from snippets.course import results, show

show.table(
    ["model", "test accuracy", "test errors"],
    [[r["model"], f"{r['test_accuracy']:.2%}", f"{r['test_errors']:,}"] for r in results.baselines()],
    align=["left", "right", "right"],
)

# %% [markdown]
# Next: the [Formula summary](formulas.md), then the [Revision checklist](checklist.md).
