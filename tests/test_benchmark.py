"""snippets.course.benchmark and Keras' speed options: the committed timings match CASES and their own arithmetic.

No timing is asserted: the numbers come from scripts/bench_epoch.py --write on some machine. These
tests check that the committed file cannot go stale or contradict itself.
"""

import json
import math
import statistics

import numpy as np
import pytest
from tensorflow.python.framework import config as tf_config

from snippets import keras_net
from snippets.course import benchmark

ROW_KEYS = {
    "case",
    "impl",
    "layer_sizes",
    "weights",
    "dtype",
    "batch_size",
    "lr",
    "steps_per_execution",
    "jit_compile",
    "op_determinism",
    "first_epoch_s",
    "epoch_s",
    "median_epoch_s",
    "steps_per_epoch",
    "median_step_us",
    "arithmetic_gflop_per_step",
    "reference",
    "speedup_vs_reference",
}


@pytest.fixture(scope="module")
def bench():
    return benchmark.load()


def test_cases_have_unique_names_and_keras_references():
    """Every reference is plain Keras fit (default compile, op determinism on) on the same network."""
    names = [case.name for case in benchmark.CASES]
    assert len(set(names)) == len(names)
    by_name = {case.name: case for case in benchmark.CASES}
    for case in benchmark.CASES:
        ref = by_name[case.reference]
        assert ref.impl == "keras" and ref.reference == ref.name and ref.layer_sizes == case.layer_sizes
        assert (ref.steps_per_execution, ref.jit_compile, ref.op_determinism) == (1, False, True)
        if case.jit_compile:
            assert case.op_determinism is False  # Keras drops XLA while op determinism is on


def test_committed_json_has_one_row_per_case_in_order(bench):
    """The JSON's rows are CASES, in order, with their settings: rerun bench_epoch.py --write after editing CASES."""
    assert [row["case"] for row in bench["rows"]] == [case.name for case in benchmark.CASES]
    for row, case in zip(bench["rows"], benchmark.CASES, strict=True):
        assert set(row) == ROW_KEYS
        assert row["impl"] == case.impl and tuple(row["layer_sizes"]) == case.layer_sizes
        assert row["batch_size"] == case.batch_size and row["lr"] == case.lr and row["reference"] == case.reference
        options = (row["steps_per_execution"], row["jit_compile"], row["op_determinism"])
        assert options == (case.steps_per_execution, case.jit_compile, case.op_determinism)
        assert row["dtype"] == ("float64" if case.impl == "numpy" else "float32")


def test_header_fields(bench):
    """Machine, versions and date are recorded; every row timed epochs_timed epochs on the full training set."""
    assert isinstance(bench["machine"], str) and bench["cpus"] >= 1
    assert len(bench["date"]) == 10 and bench["date"][4] == bench["date"][7] == "-"
    assert all(isinstance(bench[key], str) for key in ("numpy", "tensorflow", "keras"))
    assert bench["examples"] == 12665
    assert all(len(row["epoch_s"]) == bench["epochs_timed"] >= 1 for row in bench["rows"])


def test_ratios_are_reference_median_over_row_median(bench):
    """speedup_vs_reference = reference's median epoch / this row's; the reference itself is 1."""
    medians = {row["case"]: row["median_epoch_s"] for row in bench["rows"]}
    for row in bench["rows"]:
        assert row["median_epoch_s"] == pytest.approx(statistics.median(row["epoch_s"]), abs=1e-6)
        assert row["speedup_vs_reference"] == pytest.approx(medians[row["reference"]] / row["median_epoch_s"], abs=1e-4)
        if row["reference"] == row["case"]:
            assert row["speedup_vs_reference"] == 1.0


def test_per_step_figures_follow_from_batch_size(bench):
    """steps = ceil(m / batch), 1 for full batch; us/step = median / steps; GFLOP/step = 6 x weights x batch / 1e9."""
    m = bench["examples"]
    for row in bench["rows"]:
        batch = row["batch_size"] or m
        assert row["steps_per_epoch"] == math.ceil(m / batch)
        assert row["median_step_us"] == pytest.approx(row["median_epoch_s"] / row["steps_per_epoch"] * 1e6, abs=1e-3)
        sizes = row["layer_sizes"]
        assert row["weights"] == sum(a * b for a, b in zip(sizes, sizes[1:], strict=False))
        assert row["arithmetic_gflop_per_step"] == pytest.approx(6 * row["weights"] * min(batch, m) / 1e9, abs=1e-6)


def test_course_network_numbers():
    """The course network: 10,390 weights, ~2 MFLOP per batch of 32, 396 steps per epoch."""
    assert benchmark.weights((400, 25, 15, 1)) == 10390
    assert benchmark.steps_per_epoch(32, 12665) == 396
    assert benchmark.steps_per_epoch(None, 12665) == benchmark.steps_per_epoch(12665, 12665) == 1
    assert benchmark.gflop_per_step((400, 25, 15, 1), 32, 12665) == pytest.approx(6 * 10390 * 32 / 1e9)


def test_load_refuses_stale_file(tmp_path, bench):
    """A file whose cases differ from CASES is refused, naming the command that regenerates it."""
    stale = dict(bench, rows=bench["rows"][:-1])
    path = tmp_path / "benchmark.json"
    path.write_text(json.dumps(stale))
    with pytest.raises(ValueError, match="bench_epoch.py --write"):
        benchmark.load(path)


def test_build_model_default_compile_options():
    """By default: one step per execution, no XLA (what the notes' numbers were made with)."""
    model = keras_net.build_model()
    assert model.steps_per_execution == 1 and model.jit_compile is False


def test_build_model_passes_speed_options_to_compile():
    """steps_per_execution and jit_compile reach compile, and op_determinism TensorFlow (on by default, which XLA
    needs off: asking for both is an error)."""
    model = keras_net.build_model(steps_per_execution=32, jit_compile=True, op_determinism=False)
    assert not tf_config.is_op_determinism_enabled()
    assert model.steps_per_execution == 32 and model.jit_compile is True
    keras_net.build_model()
    assert tf_config.is_op_determinism_enabled()
    with pytest.raises(ValueError, match="jit_compile=True needs op_determinism=False"):
        keras_net.build_model(jit_compile=True)


def test_steps_per_execution_changes_speed_not_results(digits):
    """A seeded fit gives the same history with 8 steps per execution as with 1."""
    X, Y = digits
    _, one = keras_net.train(X, Y, epochs=2, seed=2)
    _, eight = keras_net.train(X, Y, epochs=2, seed=2, steps_per_execution=8)
    assert eight == one


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"steps_per_execution": 0}, r"steps_per_execution must be an integer >= 1; got 0"),
        ({"steps_per_execution": 2.0}, r"steps_per_execution must be an integer >= 1; got 2\.0"),
        ({"steps_per_execution": True}, r"steps_per_execution must be an integer >= 1; got True"),
        ({"jit_compile": "yes"}, r"jit_compile must be True or False; got 'yes'"),
        ({"jit_compile": 1}, r"jit_compile must be True or False; got 1"),
        ({"jit_compile": None}, r"jit_compile must be True or False; got None"),
        ({"jit_compile": True}, r"jit_compile=True needs op_determinism=False"),
        ({"op_determinism": "on"}, r"op_determinism must be True or False; got 'on'"),
    ],
)
def test_build_model_rejects_bad_speed_options(kwargs, message):
    """Bad types or values, and XLA while op determinism is on (Keras would silently drop it), raise ValueError."""
    with pytest.raises(ValueError, match=message):
        keras_net.build_model(**kwargs)


def test_train_checks_and_forwards_speed_options():
    """train validates the options through build_model and refuses them with an already built model."""
    X, Y = np.ones((400, 4)), np.array([[0.0, 1.0, 1.0, 0.0]])
    with pytest.raises(ValueError, match="steps_per_execution must be an integer >= 1"):
        keras_net.train(X, Y, epochs=1, steps_per_execution=-1)
    with pytest.raises(ValueError, match="jit_compile apply when train builds the model"):
        keras_net.train(X, Y, epochs=1, model=keras_net.build_model(), jit_compile=False)
