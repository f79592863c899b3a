"""python -m snippets: options, JSON output and one-line errors."""

import json
import subprocess
import sys

import pytest


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "snippets", *args], capture_output=True, text=True, timeout=300)


def test_help_explains_every_option():
    """train --help names each option."""
    result = run_cli("train", "--help")
    assert result.returncode == 0
    for option in ("--impl", "--epochs", "--batch-size", "--lr", "--size", "--seed", "--json"):
        assert option in result.stdout


def test_train_numpy_json_reports_accuracy_errors_and_time():
    """--json prints one object with impl, epochs, test_accuracy, test_errors, train_seconds."""
    result = run_cli("train", "--impl", "numpy", "--epochs", "2", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["impl"] == "numpy" and report["epochs"] == 2 and report["test_examples"] == 2115
    assert 0.98 < report["test_accuracy"] <= 1.0
    assert report["test_errors"] == round((1 - report["test_accuracy"]) * 2115)
    assert report["train_seconds"] > 0


def test_train_keras_size28_text_output():
    """Keras on 28x28 inputs trains and prints a one-line text summary."""
    result = run_cli("train", "--impl", "keras", "--epochs", "1", "--size", "28")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("keras: test accuracy") and "2115" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["train", "--impl", "torch"], "invalid choice"),
        (["train"], "--impl"),
        (["train", "--impl", "numpy", "--epochs", "x"], "invalid int"),
        (["train", "--impl", "numpy", "--size", "16"], "invalid choice"),
        (["train", "--impl", "numpy", "--lr", "-1"], "lr must be a positive number"),
        (["train", "--impl", "numpy", "--batch-size", "0"], "batch_size must be an integer >= 1"),
        (["fly"], "invalid choice"),
    ],
)
def test_bad_options_give_one_line_error(args, message):
    """Bad options exit 2 with a single error line, no traceback."""
    result = run_cli(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0], result.stderr
    assert "Traceback" not in result.stderr
