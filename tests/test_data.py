"""snippets.data: the shipped MNIST 0/1 file, its checksum, layouts and subsets."""

import hashlib
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from snippets import data

ROOT = Path(__file__).parents[1]
IDX_DIR = ROOT.parent / "shared" / "data" / "mnist"


def test_load_train_official_counts_and_layout():
    """Train split: 12,665 examples as columns of 400 floats in [0, 1], labels (1, m) of 0/1."""
    X, y = data.load("train")
    assert X.shape == (400, 12665) and X.dtype == np.float64
    assert y.shape == (1, 12665)
    assert 0.0 <= X.min() and X.max() <= 1.0
    assert set(np.unique(y)) == {0.0, 1.0}
    assert int((y == 0).sum()) == 5923 and int((y == 1).sum()) == 6742


def test_load_test_size28_matches_raw_pixels():
    """size=28 gives the unchanged MNIST pixels / 255, row-major flattening."""
    X, y = data.load("test", size=28)
    assert X.shape == (784, 2115) and y.shape == (1, 2115)
    assert int((y == 0).sum()) == 980 and int((y == 1).sum()) == 1135
    raw = data._read_verified(data.DATA_FILE)
    np.testing.assert_array_equal(X[:, 7].reshape(28, 28), raw["x_test"][7] / 255.0)


def test_resample_matrix_rows_sum_to_one_and_preserve_mean():
    """Area averaging: rows sum to 1, and the mean intensity of an image is preserved."""
    R = data.resample_matrix(28, 20)
    assert R.shape == (20, 28)
    np.testing.assert_allclose(R.sum(axis=1), 1.0)
    X28, _ = data.load("test", size=28)
    X20, _ = data.load("test", size=20)
    np.testing.assert_allclose(X20.mean(axis=0), X28.mean(axis=0), rtol=1e-12)


def test_load_subset_is_balanced_and_seeded():
    """n=1000 gives 500 of each class; the same seed gives the same subset, another seed another."""
    X, y = data.load(n=1000, seed=3)
    assert X.shape == (400, 1000) and int(y.sum()) == 500
    X2, _ = data.load(n=1000, seed=3)
    X3, _ = data.load(n=1000, seed=4)
    np.testing.assert_array_equal(X, X2)
    assert not np.array_equal(X, X3)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"split": "valid"}, "split must be one of"),
        ({"size": 16}, "size must be one of"),
        ({"n": 0}, "n must be an integer >= 1"),
        ({"n": 20000}, "only"),
    ],
)
def test_load_rejects_bad_arguments(kwargs, message):
    """Bad split, size or subset size raise a ValueError that says what was expected."""
    with pytest.raises(ValueError, match=message):
        data.load(**kwargs)


def _corrupt_copies(tmp_path):
    raw = data.DATA_FILE.read_bytes()
    truncated = tmp_path / "truncated.npz"
    truncated.write_bytes(raw[: len(raw) // 2])
    altered = tmp_path / "altered.npz"
    flipped = bytearray(raw)
    flipped[len(raw) // 3] ^= 0xFF
    altered.write_bytes(bytes(flipped))
    return {"missing": tmp_path / "missing.npz", "truncated": truncated, "altered": altered}


@pytest.mark.parametrize("kind", ["missing", "truncated", "altered"])
def test_load_bad_file_names_file_and_checksum(tmp_path, monkeypatch, kind):
    """A missing, truncated or altered file raises DataFileError naming the file and the expected sha256."""
    path = _corrupt_copies(tmp_path)[kind]
    monkeypatch.setenv("SNIPPETS_DATA_FILE", str(path))
    with pytest.raises(data.DataFileError) as info:
        data.load("test")
    assert str(path) in str(info.value) and data.SHA256 in str(info.value)


def test_images_decoded_once_still_check_the_file_and_are_the_callers_own(tmp_path, monkeypatch):
    """After a split is cached, a bad file still raises, and changing what `images` returned changes nothing."""
    X, y = data.images("test")
    X[:] = -1.0
    y[:] = 7
    again, labels = data.images("test")
    assert again.min() >= 0.0 and set(np.unique(labels)) == {0, 1}
    monkeypatch.setenv("SNIPPETS_DATA_FILE", str(_corrupt_copies(tmp_path)["altered"]))
    with pytest.raises(data.DataFileError, match="altered"):
        data.images("test")


def test_shipped_file_matches_recorded_checksum_and_size_limit():
    """The committed file has the recorded sha256 and is under 5 MB."""
    raw = data.DATA_FILE.read_bytes()
    assert hashlib.sha256(raw).hexdigest() == data.SHA256
    assert len(raw) < 5_000_000


@pytest.mark.skipif(not IDX_DIR.exists(), reason="needs ../shared/data/mnist (the official IDX files)")
def test_derive_script_reproduces_shipped_file(tmp_path):
    """scripts/derive_mnist01.py on the official IDX files rebuilds the shipped file byte for byte."""
    out = tmp_path / "mnist01.npz"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "derive_mnist01.py"), str(IDX_DIR), "--out", str(out)],
        check=True,
        capture_output=True,
    )
    assert out.read_bytes() == data.DATA_FILE.read_bytes()
