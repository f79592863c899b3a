# %% [markdown]
# # Try it: draw a digit
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - The drawing pad runs the site's headline NumPy network, the one [Home](index.py) scores, in your browser. <!-- card: none (a fact about this site, not one to review) -->
# - Before it sees your drawing, the drawing is made to look like MNIST: ink's bounding box scaled into a 20×20 box, centre of mass moved to the centre of 28×28, then averaged down to 20×20. <!-- card: How is a drawing made to look like an MNIST digit before the network reads it? -->
# - Forward propagation is three lines, one per layer: $A^{[l]} = \sigma(W^{[l]} A^{[l-1]} + b^{[l]})$. <!-- card: none (Forward propagation's item on each layer asks it) -->
# - A first-layer unit's trained weights are still mostly their random start; what training changed, $W^{[1]} - W^{[1]}_{\text{start}}$, shows the strokes of a 0 and a 1. <!-- card: What part of a first-layer unit's trained weights shows the strokes of a 0 and a 1? -->
#
# </div>
#
# **Aim:** hand the network a digit of your own, and watch it decide, layer by layer.
#
# Draw a 0 or a 1 in the square with a mouse, a finger or a pen; the network answers after every
# stroke. Below the pad: what the network sees (the 20×20 input), the 25 and 15 hidden activations
# (from pale, 0, to deep blue, 1) and $P(y = 1)$. Choose a unit of layer 1 (click it, or Tab to it)
# to see what training changed in its incoming weights ([below](#what-training-changed-in-layer-1)).
#
# <div class="digit-widget digit-loading" id="digit-widget" data-net="digit-net.json" data-digits="test-digits.json">
# <p id="digit-status" role="status">Loading the network…</p>
# <div class="digit-row">
# <figure class="digit-pad"><canvas id="digit-canvas" width="280" height="280" role="img" aria-label="Drawing pad: draw a 0 or a 1 with a mouse, a finger or a pen"></canvas>
# <div class="digit-buttons"><button id="digit-clear" type="button" class="md-button">Clear</button><button id="digit-sample" type="button" class="md-button">Show me a test digit</button></div>
# <p id="digit-prediction" aria-live="polite" data-label="" data-p="">Draw a 0 or a 1.</p></figure>
# <figure><canvas id="digit-input" width="20" height="20" role="img" aria-label="The 20 by 20 input the network sees"></canvas><figcaption>What the network sees: 20×20 inputs, 0 (white) to 1 (black).</figcaption></figure>
# </div>
# <div class="digit-network">
# <p class="digit-layer-title" id="digit-a1-title">Layer 1: 25 units, a<sup>[1]</sup> (choose one to see its weights)</p>
# <div class="digit-row">
# <div class="digit-units" id="digit-a1" role="group" aria-labelledby="digit-a1-title"></div>
# <figure><canvas id="digit-weights" width="20" height="20" role="img" aria-label="Incoming weights of the chosen unit of layer 1"></canvas><figcaption id="digit-weights-caption">Choose a unit of layer 1 to see its weights.</figcaption></figure>
# </div>
# <p class="digit-layer-title" id="digit-a2-title">Layer 2: 15 units, a<sup>[2]</sup></p>
# <div class="digit-units" id="digit-a2" role="list" aria-labelledby="digit-a2-title"></div>
# <p class="digit-layer-title">Output: <span id="digit-output">P(y = 1) = –</span></p>
# </div>
# </div>
#
# ## The network in your browser
#
# The pad runs the headline NumPy network in this page's JavaScript: the same forward pass, on its weights.

# %% [markdown]
# <!-- fold: How: the weights file, the forward pass it runs, and what rounding to 32 bits changes -->
# The weights are exported when the site is built, from the headline run (computed once per build,
# as every page's results are), into `digit-net.json` beside this page: each matrix as 32-bit floats.
# The page's JavaScript reads them back and runs the same forward pass as the NumPy version:

# %% tags=["hide-input"]
from snippets.course import show

show.source(module="numpy_net.py", section="forward")

# %% [markdown]
# Rounding the weights to 32 bits changes almost nothing, on all 2,115 test digits:

# %%
import json

import numpy as np

from snippets import data, numpy_net
from snippets.course import export, results

headline = results.headline("numpy")
payload = export.digit_net(headline["model"], start=numpy_net.init_params(seed=headline["seed"]))  # as shipped
shipped = export.read_digit_net(payload)  # the float32 weights, as the browser reads them
X_test, Y_test = data.load("test")
P = numpy_net.predict_proba(X_test, shipped)
size = len(json.dumps(payload, separators=(",", ":")))
print(f"weights file (the weights, and what training changed in W1): {size:,} bytes")
print(f"largest change in P(y = 1) from rounding: {np.abs(P - headline['P']).max():.1e}")
print(f"test accuracy: {np.mean((P >= 0.5) == Y_test):.2%} (headline run: {headline['test_accuracy']:.2%})")

# %% [markdown]
# The browser tests check that the page's JavaScript gives the same activations and $P(y = 1)$ as
# `numpy_net.forward` on these weights, to $10^{-6}$, on every test digit.
# <!-- end fold -->

# %% [markdown]
# ## Making a drawing look like MNIST
#
# A network only knows the inputs it was trained on, so your drawing goes through the same steps as MNIST's
# digits: a digit drawn small in a corner and one drawn across the whole pad give about the same input.
#
# <details class="notes-fold"><summary>The steps: scaled, centred, averaged down to 20×20</summary>
# <p>Every MNIST digit was scaled so that its ink fits a 20×20 box (keeping its shape), then placed in a 28×28
# image so that its centre of mass sits in the middle; the site's data then averages each image down to 20×20
# (<a href="data.py">Data</a>). The pen on screen is thick; the network gets the line through its middle, drawn
# with an MNIST-like pen.</p></details>
#
# "Show me a test digit" puts real test digits through the network: first those the headline run
# gets wrong, then a few of each class.

# %%
wrong = headline["misclassified"]
print(f"{wrong['index'].size} of {Y_test.shape[1]:,} test digits misclassified:")
for index, label, p in zip(wrong["index"], wrong["y"], wrong["p"], strict=True):
    print(f"  test digit {index}: labelled {label}, P(y = 1) = {p:.3f}")

# %% tags=["hide-input"]
from snippets.course import plots

plots.show(
    plots.digit_grid(
        wrong["X"],
        [f"{label}, p = {p:.2f}" for label, p in zip(wrong["y"], wrong["p"], strict=True)],
        ncols=max(2, wrong["X"].shape[1]),
        scale=1.6,
    ),
    alt="The test digits the headline NumPy run gets wrong, as 20 by 20 images, each titled with its label and the network's P(y = 1).",
)

# %% [markdown]
# ## What training changed in layer 1
#
# Unit $j$ of layer 1 computes $z_j = W^{[1]}_{j,:}\, x + b_j$: its 400 weights can be drawn as a 20×20
# image, one weight per pixel. Drawn as they are after training, they look mostly like the random
# numbers training started from: ten epochs of small steps moved them only part of the way.

# %%
W1, W1_start = headline["model"]["W1"], numpy_net.init_params(seed=headline["seed"])["W1"]
change = W1 - W1_start
X_train, Y_train = data.load("train")
zero_minus_one = X_train[:, Y_train[0] == 0].mean(axis=1) - X_train[:, Y_train[0] == 1].mean(axis=1)
like_start = [np.corrcoef(w, w0)[0, 1] for w, w0 in zip(W1, W1_start, strict=True)]
along = np.abs([np.corrcoef(d, zero_minus_one)[0, 1] for d in change])
start_along = np.abs([np.corrcoef(w0, zero_minus_one)[0, 1] for w0 in W1_start])
print(
    f"correlation of each trained row of W1 with its start: {min(like_start):.2f} to {max(like_start):.2f}, "
    f"median {np.median(like_start):.2f}"
)
print(
    f"|correlation| with (mean 0 − mean 1), what training changed: median {np.median(along):.2f}, "
    f"{min(along):.2f} to {max(along):.2f}"
)
print(f"|correlation| with (mean 0 − mean 1), the starting weights: at most {max(start_along):.2f}")

# %% [markdown]
# What training changed, $W^{[1]} - W^{[1]}_{\text{start}}$, is another picture. For most units it lies
# along the difference between an average 0 and an average 1 (the second line above), which the random
# start does not (the third line): two lobes of one sign, left and right of the centre, where a 0 has
# ink, and a stroke of the other sign down the middle, where a 1 has it. A few units, the faint ones,
# changed little. The drawing pad shows the same change for the unit you
# choose. Orange: training raised the weight (ink there now pushes $z_j$ up more); blue: it lowered it.

# %% tags=["hide-input"]
plots.show(
    plots.weight_images(change, [f"unit {j + 1}" for j in range(change.shape[0])], ncols=5),
    alt="Twenty-five 20 by 20 images, one per unit of layer 1, of what training changed in its weights: most show a ring of one colour and a vertical stroke of the other colour down the middle, some only faintly.",
)


# %% [markdown]
# ## Practice
#
# <p class="notes-screen-only">Answer, then press <strong>Check</strong> for why, or a hint; <strong>Another
# one</strong> gives fresh numbers. Progress stays in this browser.</p>

# %% tags=["hide-input"]
from snippets.practice import quiz

quiz.questions("try-it")

# %% [markdown]
# ## Summary
#
# - The same forward pass runs in NumPy and in the browser: three dense sigmoid layers.
# - An input must look like the training data: same scale, same centring, same resolution.
# - Hidden activations are numbers between 0 and 1; the output is $P(y = 1)$, and the label is 1 when it is at least 0.5.
# - A first-layer unit's weights are one per pixel, a 20×20 image; here they are still mostly the random start, and the change training made shows the 0's ring and the 1's stroke.
#
# ## Self-check
#
# <details class="question"><summary>Why not feed the network a drawing's pixels, scaled straight down to 20×20?</summary>
# <p>A digit drawn small, or in a corner, would then look like nothing the network was trained on: every
# MNIST digit fills a 20×20 box and is centred by its centre of mass. The network has never seen
# other positions or sizes, and nothing in a dense layer makes it tolerate them.</p></details>
#
# <details class="question"><summary>In the figure of what training changed, take a unit whose change is orange on both sides and blue down the middle. Which digit did training make it respond to more?</summary><!-- card: Training raised a first-layer unit's weights on both sides of the centre and lowered them down the middle. Which digit did it make the unit respond to more? -->
# <p>A 0: its ink lies left and right of the centre, where training raised the weights, and not down the middle, where it lowered them,
# so training raised that unit's z, and σ(z), for 0s and lowered them for 1s. A unit changed the opposite way learnt the opposite.</p></details>
#
# <details class="question"><summary>The network says 1 with P(y = 1) = 0.52 for a drawing. What does that tell you?</summary>
# <p>That it is barely on the 1 side of the 0.5 threshold: the drawing lies between what the network
# learnt of 0s and of 1s. A small change of the drawing can flip the answer.</p></details>
#
# <details class="question"><summary>Why does the drawing pad ship 32-bit weights when NumPy trained 64-bit ones?</summary>
# <p>Half the size of 64-bit ones, and the rounding changes P(y = 1) by far less than anything a reader could
# see.</p></details>

# %% tags=["hide-input"]
quiz.key("try-it")
