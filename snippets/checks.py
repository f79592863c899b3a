"""Input checks shared by the public functions: each failure is a ValueError saying what was expected.

The checks run once at the public entry points; the training loop calls the unchecked internals,
so validation costs nothing per step.
"""

import numpy as np


def as_array(name: str, value, *, ndim: int | None = None) -> np.ndarray:
    """`value` as a finite float64 array, optionally of a given number of dimensions."""
    try:
        array = np.asarray(value, dtype=np.float64)
    except (TypeError, ValueError) as error:
        raise ValueError(f"{name} must be numeric (an array of floats); got {type(value).__name__}") from error
    if ndim is not None and array.ndim != ndim:
        raise ValueError(f"{name} must be a {ndim}-D array; got shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"{name} is empty (shape {array.shape}); expected at least one value")
    if not np.isfinite(array).all():
        bad = "NaN" if np.isnan(array).any() else "inf"
        raise ValueError(f"{name} contains {bad}; expected finite values only")
    return array


def as_examples(name: str, value, n_rows: int | None = None) -> np.ndarray:
    """A (n_rows, m) matrix with one example per column, the notes' layout.

    Names the transpose when the examples look like rows, the most common slip when coming from Keras.
    """
    array = as_array(name, value, ndim=2)
    if n_rows is not None:
        expect_rows(name, array, n_rows)
    return array


def expect_rows(name: str, array: np.ndarray, n_rows: int) -> None:
    """Check that an already validated (n, m) matrix has n_rows rows; names the transpose if it has n_rows columns."""
    if array.shape[0] != n_rows:
        hint = ""
        if array.shape[1] == n_rows:
            hint = f"; examples look like rows (Keras layout): pass {name}.T"
        raise ValueError(f"{name} must have shape ({n_rows}, m), one example per column; got {array.shape}{hint}")


def as_labels(name: str, value, m: int | None = None) -> np.ndarray:
    """Labels as a (1, m) float64 row of 0s and 1s."""
    array = as_array(name, value)
    if array.ndim == 1:
        raise ValueError(f"{name} must have shape (1, m); got {array.shape}: use {name}.reshape(1, -1)")
    if array.ndim != 2 or array.shape[0] != 1 or (m is not None and array.shape[1] != m):
        want = f"(1, {m})" if m is not None else "(1, m)"
        raise ValueError(f"{name} must have shape {want}, one label per example; got {array.shape}")
    if not np.isin(array, (0.0, 1.0)).all():
        found = np.unique(array[~np.isin(array, (0.0, 1.0))])[:3]
        raise ValueError(f"{name} must hold labels 0 or 1 only; found {found.tolist()}")
    return array


def positive_number(name: str, value) -> float:
    """A finite number > 0 (learning rates)."""
    if isinstance(value, bool) or not isinstance(value, int | float | np.floating | np.integer):
        raise ValueError(f"{name} must be a positive number; got {value!r}")
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"{name} must be a positive number; got {value!r}")
    return float(value)


def positive_int(name: str, value) -> int:
    """An integer >= 1 (epochs, batch sizes, layer sizes)."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
        raise ValueError(f"{name} must be an integer >= 1; got {value!r}")
    return int(value)
