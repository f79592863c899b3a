"""The practice questions of data/ (docs/data.py)."""

import numpy as np

from snippets import data
from snippets.practice.kinds import Choice, Number, Option, Shape, question


@question("data", "the shape of X")
def x_shape(v):
    X, _ = data.load("train")
    side, raw = data.SIZES  # the notes' 20×20 images, averaged down from MNIST's 28×28
    return Shape(
        f"The training set holds {X.shape[1]:,} digits of 20×20 pixels. What is the shape of $X$, in the notes' layout?",
        X.shape,
        "One example per column: 400 pixel values down each column, one column per digit.",
        (
            (
                X.shape[::-1],
                "That is Keras' layout, $X^\\top$: examples as rows. The notes put each example in a column.",
            ),
            ((raw * raw, X.shape[1]), f"{raw * raw} = {raw}×{raw} is MNIST's raw size; these are {side}×{side}."),
            (
                (X.shape[1], side, side),
                f"That is the stack of images; each {side}×{side} image is read row by row into one column of $X$.",
            ),
        ),
        given={"m": X.shape[1]},
    )


@question("data", "pixels in an image")
def pixels(v):
    side = (20, 28, 16, 10)[v]
    n = np.zeros((side, side)).reshape(-1).size  # as data.load flattens each image
    small, raw = data.SIZES  # the notes' 20×20 and MNIST's 28×28
    other, whose = (small, "the notes'") if side == raw else (raw, "MNIST's raw")
    return Number(
        f"An image of {side}×{side} pixels is read row by row into a vector. How many inputs $n^{{[0]}}$ is that?",
        n,
        0.5,
        f"{side} rows of {side} pixels: {side} · {side} = {n} numbers, one input unit each.",
        (
            (2 * side, f"You added the sides, {side} + {side}: a square image holds side × side pixels."),
            (side, f"That is one row of {side} pixels; the image has {side} such rows, read one after another."),
            (
                other**2,
                f"{other**2} is {other}×{other}, the size of {whose} images: this image is {side}×{side}, "
                "so count its own rows and columns.",
            ),
            (
                n - 1,
                f"That is the last pixel's index, counted from 0 (pixel $(r, c)$ lands at ${side} r + c$): "
                "count the pixels, not the last index.",
            ),
        ),  # fmt: skip
        given={"side": side},
    )


@question("data", "the shape of Y")
def y_shape(v):
    _, Y = data.load("test")
    m = Y.shape[1]
    return Shape(
        f"The test set has {m:,} labels. What is the shape of $Y$?",
        Y.shape,
        "One row of 0s and 1s, one column per example, like the output $A^{[3]}$ it is compared with.",
        (
            ((m,), "A rank-1 array: the notes keep $Y$ 2-D, a row like the output $A^{[3]}$ it is compared with."),
            (
                (m, 1),
                "That is a column, Keras' layout: the notes put examples in columns. It fails silently: $A^{[3]} - Y$ broadcasts to $(m, m)$.",
            ),
            ((2, m), "One row: each example has a single label, 0 or 1, not a row per class."),
        ),  # fmt: skip
        given={"m": m},
    )


@question("data", "how an image becomes a vector")
def flattening(v):
    images, _ = data.images("test")
    X, _ = data.load("test")
    by_rows = np.array_equal(X[:, 0], images[0].reshape(-1))
    by_columns = np.array_equal(X[:, 0], images[0].T.reshape(-1))
    return Choice(
        "How is a 20×20 digit turned into the 400 numbers of its column of $X$?",
        (
            Option(
                "Row by row: the first 20 numbers are the top row of pixels.",
                by_rows,
                "Yes: `images.reshape(m, 400)` reads each image row by row (NumPy's C order).",
            ),
            Option(
                "Column by column: the first 20 numbers are the left column.",
                by_columns,
                "That would be the transpose of each image (Fortran order); a classic pitfall when loading data.",
            ),
            Option(
                "Each pixel is scaled from 0–255 to [0, 1].",
                bool(X.max() <= 1 and X.min() >= 0),
                "Yes: the bytes are divided by 255, and the 20×20 average stays in [0, 1].",
            ),
            Option(
                "The 28×28 image is cropped to its central 20×20.",
                False,
                "No: it is area-averaged down to 20×20, so no ink is cut off.",
            ),
        ),  # fmt: skip
        "Rows first, scaled to [0, 1]; Keras then takes the transpose, one example per row.",
    )
