"""The MNIST digits 0 and 1, shipped with the package, in the notes' layout (one example per column).

`mnist01.npz` holds every 0 and 1 of the official MNIST split (12,665 train, 2,115 test) as 28x28
uint8 images; `scripts/derive_mnist01.py` makes it from the four official IDX files. MNIST is by
Yann LeCun, Corinna Cortes and Christopher J.C. Burges, under CC BY-SA 3.0.
"""

import hashlib
import io
import os
from pathlib import Path

import numpy as np

from snippets.checks import positive_int

DATA_FILE = Path(__file__).with_name("mnist01.npz")
SHA256 = "0ae8272a22a0b9868726799778bc4c59a61db7e074697f276e32752a46066f6d"
SPLITS = ("train", "test")
SIZES = (20, 28)


class DataFileError(RuntimeError):
    """The data file is missing or is not the one the package was built with."""


def data_file() -> Path:
    """The file `load` reads: `mnist01.npz` beside this module, or the file SNIPPETS_DATA_FILE names, if set."""
    return Path(os.environ.get("SNIPPETS_DATA_FILE", DATA_FILE))


def _verified_bytes(path: Path) -> bytes:
    """The file's bytes, checked against SHA256."""
    fix = "restore it from git or rebuild it with scripts/derive_mnist01.py"
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise DataFileError(f"cannot read data file {path} (expected sha256 {SHA256}): {error}; {fix}") from error
    digest = hashlib.sha256(raw).hexdigest()
    if digest != SHA256:
        raise DataFileError(
            f"data file {path} is truncated or altered: sha256 {digest}, expected {SHA256} "
            f"({len(raw)} bytes read); {fix}"
        )
    return raw


def _read_verified(path: Path) -> dict[str, np.ndarray]:
    """Read the file once, check the bytes read against SHA256, then parse those same bytes."""
    with np.load(io.BytesIO(_verified_bytes(path)), allow_pickle=False) as npz:
        return {name: npz[name] for name in npz.files}


def resample_matrix(n_in: int = 28, n_out: int = 20) -> np.ndarray:
    """Area-averaging weights R, shape (n_out, n_in): a 1-D signal x resamples to R @ x.

    Output pixel i covers the input interval [i s, (i+1) s) with s = n_in / n_out, and averages the
    input pixels over it weighted by overlap; each row sums to 1, so [0, 1] intensities stay in [0, 1].
    """
    s = n_in / n_out
    lo, hi = np.arange(n_out)[:, None] * s, (np.arange(n_out)[:, None] + 1) * s
    j = np.arange(n_in)[None, :]
    overlap = np.clip(np.minimum(hi, j + 1) - np.maximum(lo, j), 0.0, None)
    return overlap / s


def images(split: str = "train", *, size: int = 20) -> tuple[np.ndarray, np.ndarray]:
    """All images of a split as (m, size, size) float64 in [0, 1], and labels (m,) int64."""
    X, y = _decoded(split, size)
    return X.copy(), y.copy()  # the caller's own arrays: the cached ones stay as read


# (split, size) -> images and labels as `images` returns them, decoded and resampled once per process: the
# practice questions and the pages load the same split many times (18 loads cost 2 s in a build's cards stage).
_IMAGES: dict[tuple[str, int], tuple[np.ndarray, np.ndarray]] = {}


def _decoded(split: str, size: int) -> tuple[np.ndarray, np.ndarray]:
    """The cached (m, size, size) images and (m,) labels of a split, after checking the file: not to be changed."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}; got {split!r}")
    if size not in SIZES:
        raise ValueError(f"size must be one of {SIZES} (pixels per side); got {size!r}")
    raw = _verified_bytes(data_file())  # every call checks the file it reads; a verified file has one content
    if (split, size) not in _IMAGES:
        with np.load(io.BytesIO(raw), allow_pickle=False) as npz:
            X, y = npz[f"x_{split}"] / 255.0, npz[f"y_{split}"].astype(np.int64)
        if size != 28:
            R = resample_matrix(28, size)
            # R X R^T for every image (rows, then columns); clip the last-bit rounding above 1.
            X = np.clip(R @ X @ R.T, 0.0, 1.0)
        _IMAGES[(split, size)] = (X, y)
    return _IMAGES[(split, size)]


def balanced_subset(y: np.ndarray, n: int, seed: int = 0) -> np.ndarray:
    """Sorted indices of n examples, n // 2 of class 0 and the rest of class 1, drawn with `seed`. y: the labels
    as a flat (m,) array, as `images` returns them."""
    n = positive_int("n", n)
    wanted = {0: n // 2, 1: n - n // 2}
    rng = np.random.default_rng(seed)
    chosen = []
    for label, count in wanted.items():
        pool = np.flatnonzero(y == label)
        if count > pool.size:
            raise ValueError(f"n={n} needs {count} examples of class {label}; only {pool.size} exist")
        chosen.append(rng.choice(pool, size=count, replace=False))
    return np.sort(np.concatenate(chosen))


def load(split: str = "train", *, size: int = 20, n: int | None = None, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Load a split in the notes' layout.

    Args:
        split: "train" (12,665 images) or "test" (2,115 images), the official MNIST split.
        size: 20 (the course's 20x20 = 400 inputs, area-resampled from 28x28) or 28 (784 inputs).
        n: if given, a class-balanced subset of n examples (n // 2 zeros), drawn with `seed`.
        seed: seed of the subset draw.

    Returns:
        X: (size*size, m) float64 in [0, 1]; column i is image i flattened row by row.
        y: (1, m) float64 labels, 0 or 1.
    """
    imgs, labels = _decoded(split, size)  # the indexing and layout below copy: the cached arrays stay as read
    if n is not None:
        keep = balanced_subset(labels, n, seed)
        imgs, labels = imgs[keep], labels[keep]
    X = imgs.reshape(len(imgs), size * size).T
    return np.ascontiguousarray(X), labels.reshape(1, -1).astype(np.float64)


VALIDATION_SIZE = 2000  # digits held out of the 12,665 training digits, about the size of the test set (2,115)


def holdout(y: np.ndarray, n_val: int = VALIDATION_SIZE, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Stratified split of labels y (m,): sorted (fit indices, validation indices), n_val held out.

    Each class gives the validation set its share of n_val (rounded): both parts keep the classes'
    proportions.
    """
    y = np.asarray(y).ravel()
    n_val = positive_int("n_val", n_val)
    if n_val >= y.size:
        raise ValueError(
            f"n_val must be smaller than the {y.size} examples (some must be left to train on); got {n_val}"
        )
    rng = np.random.default_rng(seed)
    held = []
    for label in np.unique(y):
        pool = np.flatnonzero(y == label)
        held.append(rng.choice(pool, size=round(n_val * pool.size / y.size), replace=False))
    val = np.sort(np.concatenate(held))
    return np.setdiff1d(np.arange(y.size), val), val


def load_holdout(*, n_val: int = VALIDATION_SIZE, seed: int = 0, size: int = 20):
    """The training split cut in two (see holdout): ((X_fit, Y_fit), (X_val, Y_val)), in the notes' layout.

    The test set stays out of it: it scores the final model once.
    """
    X, Y = load("train", size=size)
    fit, val = holdout(Y, n_val, seed)
    return (np.ascontiguousarray(X[:, fit]), Y[:, fit]), (np.ascontiguousarray(X[:, val]), Y[:, val])
