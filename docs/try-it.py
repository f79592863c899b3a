# %% [markdown]
# # Try it: draw a digit
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - The network below is the site's headline NumPy run, the one [Home](index.py) scores, running in your browser.
# - Before it sees your drawing, the drawing is made to look like MNIST: ink's bounding box scaled into a 20×20 box, centre of mass moved to the centre of 28×28, then averaged down to 20×20.
# - Forward propagation is three lines, one per layer: $A^{[l]} = \sigma(W^{[l]} A^{[l-1]} + b^{[l]})$.
# - Each first-layer unit's 400 weights form a 20×20 image: the pattern of ink that excites it.
#
# </div>
#
# **Aim:** hand the network a digit of your own, and watch it decide, layer by layer.
#
# Draw a 0 or a 1 in the square with a mouse, a finger or a pen; the network answers after every
# stroke. Below the pad: what the network sees (the 20×20 input), the 25 and 15 hidden activations
# (from pale, 0, to deep blue, 1) and $P(y = 1)$. Choose a unit of layer 1 (click it, or Tab to it)
# to see its incoming weights.
#
# <div class="digit-widget digit-loading" id="digit-widget" data-net="digit-net.json" data-digits="test-digits.json">
# <p id="digit-status" role="status">Loading the network (digit-net.json)…</p>
# <div class="digit-row">
# <figure class="digit-pad"><canvas id="digit-canvas" width="280" height="280" role="img" aria-label="Drawing pad: draw a 0 or a 1 with a mouse, a finger or a pen"></canvas>
# <div class="digit-buttons"><button id="digit-clear" type="button" class="md-button">Clear</button><button id="digit-sample" type="button" class="md-button">Show me a test digit</button></div></figure>
# <figure><canvas id="digit-input" width="20" height="20" role="img" aria-label="The 20 by 20 input the network sees"></canvas><figcaption>What the network sees: 20×20 inputs, 0 (white) to 1 (black).</figcaption></figure>
# </div>
# <p id="digit-prediction" aria-live="polite" data-label="" data-p="">Draw a 0 or a 1.</p>
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
# The weights are exported when the site is built, from the headline run (computed once per build,
# as every page's results are), into `digit-net.json` beside this page: each matrix as 32-bit floats.
# The page's JavaScript reads them back and runs the same forward pass as the NumPy version:

# %% tags=["hide-input"]
from snippets import show

show.source(module="numpy_net.py", section="forward")

# %% [markdown]
# Rounding the weights to 32 bits changes almost nothing, on all 2,115 test digits:

# %%
import json

import numpy as np

from snippets import data, export, numpy_net, results

headline = results.headline("numpy")
payload = export.digit_net(headline["model"])
shipped = export.read_digit_net(payload)  # the float32 weights, as the browser reads them
X_test, Y_test = data.load("test")
P = numpy_net.predict_proba(X_test, shipped)
print(f"weights file: {len(json.dumps(payload, separators=(',', ':'))):,} bytes")
print(f"largest change in P(y = 1) from rounding: {np.abs(P - headline['P']).max():.1e}")
print(f"test accuracy: {np.mean((P >= 0.5) == Y_test):.2%} (headline run: {headline['test_accuracy']:.2%})")

# %% [markdown]
# The browser tests check that the page's JavaScript gives the same activations and $P(y = 1)$ as
# `numpy_net.forward` on these weights, to $10^{-6}$, on every test digit.
#
# ## Making a drawing look like MNIST
#
# A network only knows the inputs it was trained on. Every MNIST digit was scaled so that its ink
# fits a 20×20 box (keeping its shape), then placed in a 28×28 image so that its centre of mass sits
# in the middle; the site's data then averages each image down to 20×20
# ([Data](data.py)). Your drawing goes through the same four steps, so a digit drawn small in a
# corner and one drawn across the whole pad give about the same input. The pen on screen is thick;
# the network gets the line through its middle, drawn with an MNIST-like pen.
#
# "Show me a test digit" puts real test digits through the network: first those the headline run
# gets wrong, then a few of each class.

# %%
wrong = headline["misclassified"]
print(f"{wrong['index'].size} of {Y_test.shape[1]:,} test digits misclassified:")
for index, label, p in zip(wrong["index"], wrong["y"], wrong["p"], strict=True):
    print(f"  test digit {index}: labelled {label}, P(y = 1) = {p:.3f}")

# %% tags=["hide-input"]
from snippets import plots

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
# ## Summary
#
# - The same forward pass runs in NumPy and in the browser: three dense sigmoid layers.
# - An input must look like the training data: same scale, same centring, same resolution.
# - Hidden activations are numbers between 0 and 1; the output is $P(y = 1)$, and the label is 1 when it is at least 0.5.
# - A first-layer unit's weights are a 20×20 template: positive where ink raises its activation, negative where ink lowers it.
#
# ## Self-check
#
# <details class="question"><summary>Why not feed the network the drawing pad's pixels, scaled straight down to 20×20?</summary>
# <p>A digit drawn small, or in a corner, would then look like nothing the network was trained on: every
# MNIST digit fills a 20×20 box and is centred by its centre of mass. The network has never seen
# other positions or sizes, and nothing in a dense layer makes it tolerate them.</p></details>
#
# <details class="question"><summary>A unit of layer 1 shows positive weights in a ring and negative ones down the middle. When is it active?</summary>
# <p>When ink lies on the ring and not in the centre, as in a 0: its weighted sum z is then large, and
# σ(z) close to 1.</p></details>
#
# <details class="question"><summary>The network says 1 with P(y = 1) = 0.52 for a drawing. What does that tell you?</summary>
# <p>That it is barely on the 1 side of the 0.5 threshold: the drawing lies between what the network
# learnt of 0s and of 1s. A small change of the drawing can flip the answer.</p></details>
#
# <details class="question"><summary>Why does the page ship 32-bit weights when NumPy trained 64-bit ones?</summary>
# <p>Half the size (about 56 KB instead of 110 KB for 10,431 numbers), and the rounding changes
# P(y = 1) by far less than anything a reader could see: the change is printed above.</p></details>
