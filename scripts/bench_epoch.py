"""Per-epoch training time, NumPy by hand vs Keras fit, measured side by side in one run.

Usage: python scripts/bench_epoch.py [--epochs 7] [--json] [--write]

Times every case of snippets.course.benchmark.CASES on the full 0/1 training set (12,665 x 400): the
course's 400-25-15-1 network with Keras' speed options (steps_per_execution, XLA) and NumPy, then
a 400-1024-1024-1 network where the matrix products dominate. Each trainer's epochs are timed by
the same per-epoch callback; the first epoch is dropped (Keras traces and compiles its graph then)
and the median of the rest is reported, each ratio taken against plain Keras fit on the same
network from this same run. Timings depend on the machine: compare ratios, not seconds.
--write saves the results to snippets/course/benchmark.json, which the pages and tests read.
"""

import argparse
import datetime
import importlib.metadata
import json
import os
import platform
import statistics
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))

from snippets import data, keras_net, training  # noqa: E402
from snippets.course import benchmark


def epoch_seconds(case, X, Y, epochs):
    """(seconds from the call to the end of epoch 1, [seconds of each later epoch]) for one case."""
    stamps = []
    kwargs = {"layer_sizes": case.layer_sizes, "epochs": epochs, "batch_size": case.batch_size, "lr": case.lr}
    kwargs["callback"] = lambda *_: stamps.append(time.perf_counter())
    start = time.perf_counter()
    if case.impl == "numpy":
        training.train(X, Y, **kwargs)
    else:
        speed = {"steps_per_execution": case.steps_per_execution, "jit_compile": case.jit_compile,
                 "op_determinism": case.op_determinism}  # fmt: skip
        keras_net.train(X, Y, **kwargs, **speed)
    return stamps[0] - start, [b - a for a, b in zip(stamps, stamps[1:], strict=False)]


def measure(case, X, Y, epochs):
    """One row of benchmark.json (without its ratio): the case's settings, timings and per-step figures."""
    first, seconds = epoch_seconds(case, X, Y, epochs)
    m, median = X.shape[1], round(statistics.median(seconds), 6)
    steps = benchmark.steps_per_epoch(case.batch_size, m)
    return {
        "case": case.name,
        "impl": case.impl,
        "layer_sizes": list(case.layer_sizes),
        "weights": benchmark.weights(case.layer_sizes),
        "dtype": "float64" if case.impl == "numpy" else "float32",
        "batch_size": case.batch_size,
        "lr": case.lr,
        "steps_per_execution": case.steps_per_execution,
        "jit_compile": case.jit_compile,
        "op_determinism": case.op_determinism,
        "first_epoch_s": round(first, 6),
        "epoch_s": [round(s, 6) for s in seconds],
        "median_epoch_s": median,
        "steps_per_epoch": steps,
        "median_step_us": round(median / steps * 1e6, 3),
        "arithmetic_gflop_per_step": round(benchmark.gflop_per_step(case.layer_sizes, case.batch_size, m), 6),
        "reference": case.reference,
    }


def machine():
    """The CPU model from /proc/cpuinfo where there is one, else what platform knows."""
    try:
        with open("/proc/cpuinfo") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def version(*names):
    """The installed version of the first of these distributions found (tensorflow may be tensorflow-cpu)."""
    for name in names:
        try:
            return importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            continue
    return "not installed"


def run(epochs):
    """Time every case in one run; returns the dict that snippets.course.benchmark.load() reads back."""
    X, Y = data.load("train")
    rows = []
    for case in benchmark.CASES:
        print(f"timing {case.name} ...", file=sys.stderr, flush=True)
        rows.append(measure(case, X, Y, epochs))
    medians = {row["case"]: row["median_epoch_s"] for row in rows}
    for row in rows:
        row["speedup_vs_reference"] = round(medians[row["reference"]] / row["median_epoch_s"], 4)
    return {
        "machine": machine(),
        "cpus": os.cpu_count(),
        "date": datetime.date.today().isoformat(),
        "numpy": version("numpy"),
        "tensorflow": version("tensorflow", "tensorflow-cpu"),
        "keras": version("keras"),
        "examples": X.shape[1],
        "epochs_timed": epochs - 1,
        "rows": rows,
    }


def table(bench):
    """The results as text, one block per reference (network)."""
    lines = [
        f"{bench['examples']:,} examples, {bench['cpus']} CPUs ({bench['machine']}), "
        f"median of {bench['epochs_timed']} epochs after the first; NumPy float64, Keras float32",
    ]
    head = f"{'case':<68} {'ms/epoch':>9} {'steps':>6} {'us/step':>8} {'GFLOP/step':>10} {'speedup':>8}"
    for reference in dict.fromkeys(row["reference"] for row in bench["rows"]):
        rows = [row for row in bench["rows"] if row["reference"] == reference]
        sizes = "-".join(map(str, rows[0]["layer_sizes"]))
        lines += ["", f"{sizes}: speedup vs {reference}", head]
        for row in rows:
            lines.append(
                f"{row['case']:<68} {row['median_epoch_s'] * 1e3:9.1f} {row['steps_per_epoch']:6d} "
                f"{row['median_step_us']:8.0f} {row['arithmetic_gflop_per_step']:10.4f} "
                f"{row['speedup_vs_reference']:7.2f}x"
            )
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--epochs", type=int, default=7, help="epochs per case; all but the first are timed")
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--write", action="store_true", help=f"save the results to {benchmark.JSON_FILE}")
    args = parser.parse_args(argv)
    if args.epochs < 2:
        parser.error("--epochs must be at least 2: the first epoch is not timed")
    bench = run(args.epochs)
    text = json.dumps(bench, sort_keys=True, indent=1) + "\n"
    if args.write:
        benchmark.JSON_FILE.write_text(text)
    print(text if args.json else table(bench), end="\n" if not args.json else "")


if __name__ == "__main__":
    main()
