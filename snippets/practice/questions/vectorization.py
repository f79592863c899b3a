"""The practice questions of vectorization/ (docs/vectorization.py)."""

import numpy as np

from snippets import numpy_net
from snippets.course import show
from snippets.practice.kinds import Number, Shape, question, rng


@question("vectorization", "the notes' broadcast")
def broadcast_shape(v):
    result = np.array([[1, 2, 3]]) + np.array([[1], [2], [3]])
    return Shape(
        "What is the shape of `np.array([[1, 2, 3]]) + np.array([[1], [2], [3]])`?",
        result.shape,
        "$(1, 3) + (3, 1)$: each size-1 axis stretches to the other's size, so both operands become $(3, 3)$.",
        (
            ((1, 3), "Both operands stretch: the column $(3, 1)$ too."),
            ((3, 1), "Both operands stretch: the row $(1, 3)$ too."),
        ),
        given={"a": (1, 3), "b": (3, 1)},
    )


@question("vectorization", "one entry of a broadcast sum")
def broadcast_entry(v):
    r = rng(v, 7)
    row = np.array([[1, 2, 3]]) if v == 0 else r.integers(1, 10, size=(1, 3))
    col = np.array([[1], [2], [3]]) if v == 0 else r.integers(10, 40, size=(3, 1))
    i, j = (2, 0) if v == 0 else tuple(int(k) for k in r.integers(0, 3, size=2))
    entry = int((row + col)[i, j])
    from_one = ()  # S[i, j] read as if NumPy counted from 1, where both indices allow it
    if i and j:
        slip = int(row[0, j - 1] + col[i - 1, 0])
        from_one = ((slip, f"NumPy counts from 0: `S[{i}, {j}]` is row {i + 1}, column {j + 1}."),)
    return Number(
        f"`S = np.array({row.tolist()}) + np.array({col.tolist()})`. What is `S[{i}, {j}]`?",
        entry,
        0.5,
        f"`S[i, j] = row[0, j] + col[i, 0]` $= {row[0, j]} + {col[i, 0]} = {entry}$.",
        (
            (
                int(row[0, i] + col[j, 0]),
                "You swapped the indices: `i` picks the row of `S`, and the rows come from the column operand.",
            ),
            *from_one,
            (
                int(row[0, i] + col[i, 0]),
                "Each operand takes its own index: the row operand runs along the columns "
                "of `S`, so `j` picks its entry.",
            ),
            (
                int(row[0, j] + col[j, 0]),
                "Each operand takes its own index: the column operand runs down the rows "
                "of `S`, so `i` picks its entry.",
            ),
            (int(row[0, j]), "That is the row operand's entry alone: broadcasting adds the column operand's to it."),
            (int(col[i, 0]), "That is the column operand's entry alone: broadcasting adds the row operand's to it."),
        ),
        given={"row": row.tolist(), "col": col.tolist(), "i": i, "j": j},
        counts=False,  # a sum of whole numbers, not a count: a decimal is not told to round
    )


@question("vectorization", "a rank-1 bias")
def rank_one(v):
    result = np.zeros((25, 1)) + np.zeros(25)
    return Shape(
        "A bias stored rank-1 meets a column: what is the shape of `np.zeros((25, 1)) + np.zeros(25)`?",
        result.shape,
        "A rank-1 array $(25,)$ lines up with the last axis, as $(1, 25)$: then both stretch, to $(25, 25)$. Keep $b$ as $(n, 1)$.",
        (
            ((25, 1), "A rank-1 array lines up with the **last** axis, as a row $(1, 25)$: both operands stretch."),
            ((25,), "The result keeps the larger rank: two axes."),
            ((1, 25), "That is how the rank-1 array lines up, as a row; the column $(25, 1)$ stretches too."),
        ),  # fmt: skip
        given={"a": (25, 1), "b": (25,)},
    )


@question("vectorization", "dot products in the loop")
def loop_count(v):
    n_out, m = ((25, 32), (15, 32), (25, 100), (1, 12665))[v]
    n_in = {25: 400, 15: 25, 1: 15}[n_out]
    calls = []
    numpy_net.dense_loop(
        np.zeros((n_in, m)), np.zeros((n_out, n_in)), np.zeros((n_out, 1)), g=lambda z: calls.append(1) or z
    )
    return Number(
        f"The notes' loop computes a layer of {show.count(n_out, 'unit')} for $m = {m:,}$ examples, one dot product of a "
        "weight row $W_j$ with an example $x^{(i)}$ at a time. "
        "How many dot products is that?",
        len(calls),
        0.5,
        f"One per unit and example: ${n_out} · {m} = {len(calls):,}$. `np.dot(W, X)` does them all in one call.",
        (
            (m, "That is one per example; each of the units needs its own."),
            (n_out, "That is one per unit; each unit takes a dot product with every example."),
            (n_out + m, "Every unit meets every example: count the pairs, so multiply, not add."),
            (n_out * n_in, "That counts weights; count the (unit, example) pairs."),
        ),
        given={"n_out": n_out, "m": m},
    )
