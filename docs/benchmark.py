# %% [markdown]
# # Benchmark: where the time goes
#
# <div class="admonition abstract in-one-minute">
# <p class="admonition-title">In one minute</p>
#
# - A batch-32 step of 400-25-15-1 is about 2 million floating-point operations: microseconds of arithmetic.
# - Per-step overhead, not arithmetic, sets the speed of both implementations at this size.
# - Keras' strongest option here is `steps_per_execution`; XLA alone changes nothing measurable.
# - With wide layers (400-1024-1024-1) the arithmetic dominates and Keras is faster than NumPy.
#
# </div>
#
# **Aim:** the details behind the speed table of [NumPy vs TensorFlow](numpy-vs-tensorflow.py#speed), for the
# curious; nothing here is needed for the lessons.
#
# **Terms:** *XLA* (`jit_compile=True`) compiles the whole training step into one fused program.
# *`steps_per_execution`* runs several batches per call from Python into TensorFlow's compiled graph.
# *Op determinism* makes TensorFlow's operations give the same bits on every run (the site keeps it on, so every
# build gives the same numbers). NumPy's matrix products run in BLAS, the optimized linear-algebra library NumPy
# calls.
#
# ## The cases
#
# A training step of this network is tiny: at batch 32 it is about 2 million floating-point
# operations. The committed benchmark (`scripts/bench_epoch.py`, `make bench`) times one epoch of
# each configuration, side by side in one run on a quiet machine: Keras as shipped and with its
# speed options, `steps_per_execution` (several batches per call into the compiled graph) and
# `jit_compile` (XLA), NumPy, and a wider network where the arithmetic is large. Each ratio is
# against plain `fit` on the same network, from the same run.

# %%
from snippets.course import benchmark, show

bench = benchmark.load()
rows = {row["case"]: row for row in bench["rows"]}
numpy_full, numpy_32 = rows["numpy, full batch"], rows["numpy, batch 32"]
flops_per_s = numpy_full["arithmetic_gflop_per_step"] * 1e9 / numpy_full["median_epoch_s"]  # NumPy's full-batch rate
arithmetic_us = numpy_32["arithmetic_gflop_per_step"] * 1e9 / flops_per_s * 1e6
print(f"measured {bench['date']} on {bench['machine']}, {bench['cpus']} cores")
print(f"a batch-32 step: {numpy_32['arithmetic_gflop_per_step'] * 1e3:.1f} MFLOP")
print(f"NumPy's full-batch rate: {flops_per_s / 1e9:.0f} GFLOP/s")
print(f"so the arithmetic of a batch-32 step: about {arithmetic_us:.0f} µs")
for case in ("numpy, batch 32", "keras fit, batch 32"):
    step_us = rows[case]["median_step_us"]
    print(f"{case}: {step_us:,.0f} µs per step, {step_us / arithmetic_us:.0f}x that")

# %% tags=["hide-input"]
networks = {
    "The course's network, 400-25-15-1": [400, 25, 15, 1],
    "A wide network, 400-1024-1024-1": [400, 1024, 1024, 1],
}
show.HTML(
    "".join(
        f"<p><strong>{title}</strong></p>"
        + show.table(
            ["case", "times faster than plain fit", "µs per step", "ms per epoch"],
            [
                [
                    r["case"].split(" (")[0].replace("keras fit, ", "Keras, ").replace("numpy, ", "NumPy, "),
                    f"{r['speedup_vs_reference']:.2f}x",
                    f"{r['median_step_us']:,.0f}",
                    f"{r['median_epoch_s'] * 1e3:,.0f}",
                ]
                for r in bench["rows"]
                if r["layer_sizes"] == sizes
            ],
            align=["left", "right", "right", "right"],
        )
        for title, sizes in networks.items()
    )
)

# %% [markdown]
# What the tables show, for the course's network at batch 32:
#
# - **Per-step overhead dominates.** Every configuration spends far longer per step than the
#   arithmetic needs (the lines printed above the tables). Plain `fit` spends most of each step on its
#   machinery: calling into the compiled graph, the data pipeline, metrics and callbacks.
# - **`steps_per_execution` is Keras' strongest option here.** Running 32 batches per call
#   removes most of that per-call cost and makes `fit` several times faster.
# - **XLA alone changes nothing measurable** on this CPU: it compiles the same small matrix
#   products, and the per-step overhead stays. XLA needs TensorFlow's op determinism off, so its rows are
#   compared with the "op determinism off" row (the ratio printed below the tables), not only with plain `fit`.
# - **The NumPy loop is still the fastest at batch 32**: its step is a few dozen small NumPy calls,
#   a few times the arithmetic, where plain `fit` takes tens of times. Full batches are fastest for both, with one step per epoch.
#
# **When Keras wins.** On the wide 400-1024-1024-1 network a step is over a thousand times more
# arithmetic, the matrix products dominate, and plain `fit` is faster than NumPy (TensorFlow's
# float32 kernels against NumPy's float64). GPUs, which NumPy does not use, are where TensorFlow
# is built to win; this benchmark ran on a CPU only and measures none. The headline Keras run keeps TensorFlow's op
# determinism on, so that every build gives the same numbers; the "op determinism off" row shows
# what that costs.
#

# %%
off, xla = rows["keras fit, batch 32, op determinism off"], rows["keras fit, batch 32, XLA"]
print(f"XLA against plain fit, both with op determinism off: {off['median_epoch_s'] / xla['median_epoch_s']:.2f}x")

# %% [markdown]
# ## The headline runs' training time
#
# The two runs that Home and every lesson report, timed once on the machine that built this page, first epoch
# included (Keras traces its graph then). A single run on a busy build machine: it changes from build to build,
# and its ratio is not the benchmark's above, which compares medians of repeated epochs on a quiet machine.

# %% tags=["timing", "hide-input"]
from snippets.course import results

runs = {impl: results.headline(impl) for impl in ("numpy", "keras")}
show.table(
    ["implementation", "training time", "per epoch", "relative"],
    [
        [
            "NumPy" if impl == "numpy" else "Keras",
            f"{r['train_seconds']:.2f} s",
            f"{r['train_seconds'] / r['epochs'] * 1000:.0f} ms",
            f"{r['train_seconds'] / runs['numpy']['train_seconds']:.1f}x the NumPy time",
        ]
        for impl, r in runs.items()
    ],
    align=["left", "right", "right", "right"],
)

# %% [markdown]
# ## Summary
#
# - At batch 32 every configuration spends far longer per step than its arithmetic needs: overhead dominates.
# - Keras' `steps_per_execution` removes most of its per-call cost; the NumPy loop is still the fastest here.
# - Wide layers or a GPU are where TensorFlow wins; this benchmark ran on a CPU only.
# - Rerun it with `make bench`; the ratios, not the seconds, carry over between machines.
