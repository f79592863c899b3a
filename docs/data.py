# %% [markdown]
# # Data: MNIST zeros and ones
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - Every 0 and 1 of MNIST: 12,665 training and 2,115 test images, nearly balanced. <!-- card: How many training and test images of 0s and 1s does MNIST hold? -->
# - $X$ is $(400, m)$, one example per **column**; $Y$ is $(1, m)$ of 0s and 1s. <!-- card: none (the practice questions on the shapes of X and Y ask it) -->
# - 28x28 images are area-averaged to 20x20, then read **row by row** into 400 numbers in $[0, 1]$. <!-- card: How are MNIST's 28×28 images brought down to the notes' 20×20? -->
# - Keras wants the transpose: examples as rows, $(m, 400)$. <!-- card: none (the practice question on what model.fit takes asks it) -->
#
# </div>
#
# **Aim:** know exactly what goes into the network: how many examples, what shape, and how an image
# becomes a column of numbers.
#
# **Notation:** $m$ examples; $n^{[0]} = n_x$ inputs per example; $X$ is $(n_x, m)$ with one example
# per **column**, $x^{(i)}$ is column $i$; $Y$ is $(1, m)$ with $y^{(i)} \in \{0, 1\}$.
#
# ## Shapes and class counts

# %%
import numpy as np

from snippets import data
from snippets.course import plots, show

X_train, Y_train = data.load("train")
X_test, Y_test = data.load("test")

# %% tags=["hide-input"]
show.table(
    ["split", "X shape", "Y shape", "zeros", "ones", "pixel range"],
    [
        [name, X.shape, Y.shape, int((Y == 0).sum()), int((Y == 1).sum()), f"[{X.min():.0f}, {X.max():.0f}]"]
        for name, X, Y in (("train", X_train, Y_train), ("test", X_test, Y_test))
    ],
)

# %% [markdown]
# This is MNIST's official split, restricted to the two digits: every 0 and 1 among its 60,000
# training and 10,000 test images. The classes are nearly balanced, so accuracy is a fair summary.
#
# ## A labelled sample

# %% tags=["hide-input"]
rng = np.random.default_rng(0)
pick = rng.choice(X_train.shape[1], size=15, replace=False)
plots.show(
    plots.digit_grid(X_train[:, pick], [f"y = {int(y)}" for y in Y_train[0, pick]], ncols=5),
    alt="Fifteen random training digits in three rows, zeros and ones of many handwriting styles, each titled y = 0 or y = 1.",
)

# %% [markdown]
# ## From 28x28 to 20x20 to a 400-vector
#
# MNIST images are 28x28. The course's network takes 20x20 = 400 inputs, so `data.load` resamples
# each image by **area averaging**: output pixel $i$ covers input pixels $[1.4\,i, 1.4\,(i+1))$ and
# averages them weighted by overlap. That is one matrix $R$ of shape $(20, 28)$ applied to rows and
# to columns, $I_{20} = R\, I_{28}\, R^\top$; each row of $R$ sums to 1, so intensities stay in $[0, 1]$.

# %% [markdown]
# <!-- fold: The code: data.resample_matrix -->

# %% tags=["hide-input"]
show.source(data.resample_matrix)

# %% [markdown]
# <!-- end fold -->

# %% tags=["hide-input"]
X28, _ = data.load("test", size=28)
plots.show(
    plots.image_row([X28[:, 0].reshape(28, 28), X_test[:, 0].reshape(20, 20)], ["28x28 (MNIST)", "20x20 (resampled)"]),
    alt="The first test digit twice: at MNIST's 28 by 28 pixels and after area resampling to 20 by 20; the shape is unchanged, only coarser.",
)

# %% [markdown]
# The image becomes a column by reading it **row by row** (NumPy's default, C order): pixel
# $(r, c)$ lands at index $20 r + c$. `X[:, i].reshape(20, 20)` gives the image back.

# %%
image = X_test[:, 0].reshape(20, 20)
x = image.reshape(400)  # row by row
print("image", image.shape, "-> x", x.shape, "; same pixel:", image[7, 11] == x[20 * 7 + 11])

# %% [markdown]
# ### The transpose pitfall
#
# Reading the pixels **column by column** (Fortran order, as MATLAB and Octave do, where the
# original course data came from) gives the same 400 numbers in another order. Fed back with the
# wrong order, the digit comes out transposed: a model trained on one order sees garbage in the other.

# %%
wrong = x.reshape(20, 20, order="F")  # column by column

# %% tags=["hide-input"]
plots.show(
    plots.image_row([image, wrong], ["row order (right)", "column order (wrong)"]),
    alt="The same digit twice: on the left read row by row as intended, on the right read column by column, which shows it transposed.",
)

# %% [markdown]
# The other transpose is of the whole matrix: these notes put examples in **columns**, $(400, m)$,
# while Keras expects them in **rows**, $(m, 400)$. Every `snippets` function checks the layout and
# names the fix when it is wrong:

# %%
from snippets import numpy_net

try:
    numpy_net.forward(X_test.T, numpy_net.init_params())
except ValueError as error:
    print("ValueError:", error)


# %% [markdown]
# ## Practice
#
# <p class="notes-screen-only">Answer, then press <strong>Check</strong> for why, or a hint; <strong>Another
# one</strong> gives fresh numbers. Progress stays in this browser.</p>

# %% tags=["hide-input"]
from snippets.practice import quiz

quiz.questions("data")

# %% [markdown]
# ## Summary
#
# - 12,665 training and 2,115 test images of 0s and 1s, nearly balanced.
# - $X$ is $(400, m)$, one example per column; $Y$ is $(1, m)$.
# - 28x28 images are area-averaged to 20x20, then flattened row by row.
#
# ## Self-check
#
# <details class="question"><summary>What is the shape of X for a mini-batch of 32 examples?</summary><!-- card: none (the practice question on the shape of X asks it) -->
# <p>(400, 32): one 400-pixel example per column.</p></details>
#
# <details class="question"><summary>At which index of x (counting from 0) does pixel (row 3, column 5) of a 20x20 image end up?</summary>
# <p>At index 20 × 3 + 5 = 65, because the image is flattened row by row.</p></details>
#
# <details class="question"><summary>Why is accuracy a fair measure for telling MNIST's 0s from its 1s?</summary>
# <p>The two classes are nearly balanced, so always guessing
# the larger class scores little more than half.</p></details>
#
# ## Attribution
#
# The MNIST database is by Yann LeCun, Corinna Cortes and Christopher J.C. Burges (derived from NIST
# Special Databases 1 and 3), available under the
# [Creative Commons Attribution-Share Alike 3.0](https://creativecommons.org/licenses/by-sa/3.0/)
# licence. This site ships the digits 0 and 1, unchanged except for that selection, under the same
# licence; the 20x20 versions are computed from them as shown above.

# %% tags=["hide-input"]
quiz.key("data")
