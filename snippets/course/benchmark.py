"""Per-epoch training time, NumPy by hand vs Keras fit: the cases timed and the committed results.

`scripts/bench_epoch.py --write` times every case in CASES in one run, on the full training set
(12,665 examples of 400 pixels), and writes `benchmark.json` beside this module; `load()` reads it.
Each case trains for `epochs` epochs; the first (building, graph tracing, XLA compiling) is dropped
and the median of the rest is kept. Timings depend on the machine and its load: compare ratios.

load() returns a dict:
    machine: str (CPU model); cpus: int; date: "YYYY-MM-DD"; numpy, tensorflow, keras: versions (str)
    examples: int, m, examples per epoch; epochs_timed: int, epochs per case after the first
    rows: one dict per case, in CASES order:
        case: str, a name in CASES; impl: "numpy" | "keras"; layer_sizes: [n0, ..., nL]
        weights: int, entries of all W[l] (biases aside); dtype: "float64" (NumPy) | "float32" (Keras)
        batch_size: int, or None for NumPy full batch; lr: float
        steps_per_execution: int | None, jit_compile: bool | None (XLA), op_determinism: bool | None
            (Keras compile options and TensorFlow's op determinism; None for NumPy)
        first_epoch_s: float, seconds from the call to the end of epoch 1 (dropped)
        epoch_s: [float], seconds of each timed epoch; median_epoch_s: float, their median
        steps_per_epoch: int = ceil(examples / batch_size), 1 for full batch
        median_step_us: float = median_epoch_s / steps_per_epoch, in microseconds
        arithmetic_gflop_per_step: float = 6 * weights * batch / 1e9, the matrix products of one
            full batch (2 flops per weight per example forward, 4 backward)
        reference: str, the case the ratio is against: plain Keras fit on the same network
        speedup_vs_reference: float = reference's median_epoch_s / this row's median_epoch_s (> 1: faster)
"""

import json
import math
from pathlib import Path
from typing import NamedTuple

JSON_FILE = Path(__file__).with_name("benchmark.json")
COURSE = (400, 25, 15, 1)  # the course's network
WIDE = (400, 1024, 1024, 1)  # wide enough that matrix products, not per-step overhead, dominate


class Case(NamedTuple):
    """One timed training run. Keras options are None for NumPy; batch_size None is NumPy's full batch."""

    name: str
    impl: str  # "numpy" or "keras"
    layer_sizes: tuple[int, ...]
    batch_size: int | None
    lr: float
    reference: str  # the Keras fit case this one's ratio is against
    steps_per_execution: int | None = None
    jit_compile: bool | None = None
    op_determinism: bool | None = None  # Keras only; XLA needs it off


_REF, _WIDE_REF = "keras fit, batch 32", "keras fit, batch 256 (400-1024-1024-1)"
_KERAS = {"steps_per_execution": 1, "jit_compile": False, "op_determinism": True}


def _keras(name, sizes, batch_size, reference, **options):
    return Case(name, "keras", sizes, batch_size, 1e-3, reference, **{**_KERAS, **options})


CASES = (
    _keras(_REF, COURSE, 32, _REF),
    _keras("keras fit, batch 32, steps_per_execution 32", COURSE, 32, _REF, steps_per_execution=32),
    _keras("keras fit, batch 32, op determinism off", COURSE, 32, _REF, op_determinism=False),
    _keras("keras fit, batch 32, XLA", COURSE, 32, _REF, jit_compile=True, op_determinism=False),
    _keras(
        "keras fit, batch 32, XLA, steps_per_execution 32",
        COURSE,
        32,
        _REF,
        steps_per_execution=32,
        jit_compile=True,
        op_determinism=False,
    ),
    _keras("keras fit, full batch", COURSE, 12665, _REF),
    Case("numpy, batch 32", "numpy", COURSE, 32, 0.5, _REF),
    Case("numpy, full batch", "numpy", COURSE, None, 1.0, _REF),
    _keras(_WIDE_REF, WIDE, 256, _WIDE_REF),
    _keras(
        "keras fit, batch 256, XLA, steps_per_execution 32 (400-1024-1024-1)",
        WIDE,
        256,
        _WIDE_REF,
        steps_per_execution=32,
        jit_compile=True,
        op_determinism=False,
    ),
    Case("numpy, batch 256 (400-1024-1024-1)", "numpy", WIDE, 256, 0.1, _WIDE_REF),
)


def weights(layer_sizes) -> int:
    """Number of weights, sum of n[l] * n[l-1]: the multiply-adds per example of one forward pass."""
    return sum(a * b for a, b in zip(layer_sizes, layer_sizes[1:], strict=False))


def steps_per_epoch(batch_size: int | None, examples: int) -> int:
    """Gradient steps in one epoch: ceil(examples / batch_size); 1 for full batch (None)."""
    return math.ceil(examples / min(batch_size or examples, examples))


def gflop_per_step(layer_sizes, batch_size: int | None, examples: int) -> float:
    """GFLOP of one full step's matrix products: 6 * weights * batch / 1e9 (forward 2, backward 4)."""
    return 6 * weights(layer_sizes) * min(batch_size or examples, examples) / 1e9


def load(path=JSON_FILE) -> dict:
    """The committed results (schema in the module docstring); ValueError if they no longer match CASES."""
    bench = json.loads(Path(path).read_text())
    names = [row["case"] for row in bench["rows"]]
    if names != [case.name for case in CASES]:
        raise ValueError(f"{path} holds cases {names}, not CASES: rerun scripts/bench_epoch.py --write")
    return bench
