"""Per-epoch training time, NumPy by hand vs Keras fit, measured side by side in one run.

Usage: python scripts/bench_epoch.py [--epochs 7] [--json]

Trains on the full 0/1 training set (12,665 x 400). Each trainer's epochs are timed by the same
per-epoch callback; the first epoch is dropped (Keras traces its graph then) and the median of the
rest is reported, with every ratio taken against Keras fit at batch size 32 from this same run.
Timings depend on the machine: compare ratios, not seconds.
"""

import argparse
import json
import os
import platform
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from snippets import data, keras_net, training  # noqa: E402

CASES = [  # (name, trainer, batch size, learning rate)
    ("keras fit, batch 32", keras_net.train, 32, 1e-3),
    ("numpy, batch 32", training.train, 32, 0.5),
    ("numpy, full batch", training.train, None, 1.0),
]


def epoch_seconds(trainer, X, Y, epochs, batch_size, lr):
    """Wall time of each epoch after the first, from the end of one epoch to the end of the next."""
    stamps = []
    trainer(X, Y, epochs=epochs, batch_size=batch_size, lr=lr, callback=lambda *_: stamps.append(time.perf_counter()))
    return [b - a for a, b in zip(stamps, stamps[1:], strict=False)]


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=7, help="epochs per trainer; all but the first are timed")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    X, Y = data.load("train")
    rows = []
    for name, trainer, batch_size, lr in CASES:
        seconds = epoch_seconds(trainer, X, Y, args.epochs, batch_size, lr)
        rows.append({"case": name, "median_epoch_s": statistics.median(seconds), "epochs_timed": len(seconds)})
    keras_s = rows[0]["median_epoch_s"]
    for row in rows:
        row["speedup_vs_keras_b32"] = keras_s / row["median_epoch_s"]
    if args.json:
        print(json.dumps({"machine": platform.processor() or platform.machine(), "cpus": os.cpu_count(), "rows": rows}))
        return
    print(f"{X.shape[1]} examples, {os.cpu_count()} CPUs; median of {args.epochs - 1} epochs each")
    for row in rows:
        ms, ratio = row["median_epoch_s"] * 1e3, row["speedup_vs_keras_b32"]
        print(f"{row['case']:<22} {ms:8.1f} ms/epoch   {ratio:5.1f}x vs keras fit, batch 32")


if __name__ == "__main__":
    main()
