# %% [markdown]
# # Neural networks, 0 vs 1: executable revision notes
#
# <div class="ways-in">
#
# - **Revise in 20 minutes:** [every lesson's must-know on one page](revise.md), in lesson order, each linked to
#   its lesson. Printable on one sheet: the [cheat sheet](cheatsheet.md).
# - **Practise:** a [mock exam](exam.py), one question from every lesson, graded at the end;
#   [review cards](review.md), the [revision checklist](checklist.md) and the [coding exercises](exercises.py).
# - **Learn in depth:** the lessons, from [Data](data.py) to [Try it](try-it.py), each with the code that
#   computes its numbers.
#
# </div>
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - Task: tell handwritten 0s from 1s, real MNIST digits, 20x20 pixels = 400 inputs.
# - Network: 400-25-15-1, sigmoid units; output $\hat y = a^{[3]} = P(y = 1 \mid x)$, a probability; predicted label $\mathbb{1}[\hat y \ge 0.5]$ (1 if $\hat y \ge 0.5$, else 0).
# - Each layer: $Z^{[l]} = W^{[l]} A^{[l-1]} + b^{[l]}$, $A^{[l]} = \sigma(Z^{[l]})$; cost: binary cross-entropy.
# - Built twice: by hand in NumPy (backprop, gradient descent) and with Keras (`fit`, Adam).
#
# </div>
#
# **Aim:** revise how a small neural network learns to tell handwritten 0s from 1s, built twice,
# from scratch in NumPy and with TensorFlow/Keras, and check that both agree.
#
# Everything below was computed when this site was built, by the code shown on each page
# (the [`snippets`](reference.md) package). The network is the course's 400-25-15-1 with sigmoid
# units; the data are the real MNIST digits 0 and 1 ([Data](data.md)).
#
# ## Headline results
#
# Both implementations are trained on all 12,665 training digits (20x20 pixels) with the same
# epochs and batch size, and tested on the 2,115 test digits they never saw. These runs are
# computed once per build; every page that reports them shows these same numbers.

# %% tags=["hide-input"]
from snippets import data
from snippets.course import plots, results, show

runs = {impl: results.headline(impl) for impl in ("numpy", "keras")}
show.table(
    ["implementation", "test accuracy", "test errors", "optimizer", "epochs × batch"],
    [
        [
            "NumPy" if impl == "numpy" else "Keras",
            f"{r['test_accuracy']:.2%}",
            f"{r['test_errors']} / {r['P'].shape[1]:,}",
            f"{'gradient descent' if impl == 'numpy' else 'Adam'}, α = {r['lr']}",
            f"{r['epochs']} × {r['batch_size']}",
        ]
        for impl, r in runs.items()
    ],
    align=["left", "right", "right", "left", "right"],
)

# %% [markdown]
# ## Baselines
#
# What these numbers should be compared with, on the same 2,115 test digits: answering the most
# frequent training label for every digit, whatever its pixels, and logistic regression, the same
# NumPy code and settings with no hidden layer (400-1: one sigmoid unit, a straight boundary).

# %% tags=["hide-input"]
show.table(
    ["model", "test accuracy", "test errors"],
    [[r["model"], f"{r['test_accuracy']:.2%}", f"{r['test_errors']:,} / {r['m']:,}"] for r in results.baselines()],
    align=["left", "right", "right"],
)

# %% [markdown]
# Any model must beat the majority class by far, and both networks do. But on this pair of digits a
# single sigmoid unit already makes about as few test errors as the networks (the table): 0s and 1s
# are almost separable by a straight boundary in pixel space, so the hidden layers have little to add here.
# [Architecture](architecture.py#where-hidden-layers-matter) shows data where they matter.

# %% [markdown]
# ## What the network sees
#
# The first ten test digits, each titled with its label:

# %% tags=["hide-input"]
X_test, Y_test = data.load("test")
plots.show(
    plots.digit_grid(X_test[:, :10], [f"label {int(y)}" for y in Y_test[0, :10]], ncols=5),
    alt="A grid of the first ten MNIST test images, handwritten zeros and ones, each titled with its label.",
)

# %% [markdown]
# ## How to use these notes
#
# Before a test, start with [Revise in 20 minutes](revise.md), then practise. To learn, read the lessons in
# order: [Data](data.md), [Architecture](architecture.md), [Activation](activation.md), [Loss](loss.md),
# [Forward propagation](forward.md), [Backpropagation](backprop.md), [Gradient descent](gradient-descent.md),
# then the TensorFlow side and [Vectorization](vectorization.md). Each lesson opens with what to memorise
# ("In one minute") and ends with practice questions, a summary and self-check questions. How long the two
# headline runs took to train is on the [Benchmark](benchmark.py#the-headline-runs-training-time) page.
#
# Every executed page can be downloaded as a Jupyter notebook, with its outputs (link at the top
# of the page).
