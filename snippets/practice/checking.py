"""What every exercise check does: call the learner's function on a case, and compare what it returns with the
right answer, naming the likely mistake and the case it showed in (an AssertionError the check cell prints)."""

import functools

import numpy as np

from snippets import data
from snippets.activations import sigmoid

RTOL, ATOL = 1e-5, 1e-8  # float64 sums taken in another order agree far closer; a real slip is off by far more


def identity(z):
    """g(z) = z, no activation: a case where a sigmoid written into the layer shows."""
    return z


def g_name(g) -> str:
    return {sigmoid: "sigmoid", np.tanh: "tanh", identity: "identity"}.get(g, getattr(g, "__name__", "g"))


@functools.cache
def digits():
    """Eight real test digits, four 0s and four 1s: X (400, 8), Y (1, 8). Read once."""
    return data.load("test", n=8, seed=0)


# --- Running the learner's function, and judging what it returns ------------------------------------------


def fail(message: str, case: str = ""):
    raise AssertionError(f"{message} ({case})" if case else message)


def case_label(k: int, n: int, label: str, **inputs) -> str:
    """'case 2 of 5, 3 inputs into 4 units: a_in (3,), W (4, 3), b (4,), g = tanh', for the messages."""
    shapes = ", ".join(f"{name} = {g_name(v)}" if callable(v) else f"{name} {v.shape}" for name, v in inputs.items())
    return f"case {k} of {n}, {label}" + (f": {shapes}" if shapes else "")


def needs_function(fn, check: str, exercise: str):
    if not callable(fn):
        raise TypeError(f"{check} needs your function itself, as in {check}({exercise}); got {type(fn).__name__}")


def call(fn, args, case: str, hint="", causes: dict[str, str] | None = None):
    """fn(*args); an exception from it becomes an AssertionError naming the case (NotImplementedError excepted).

    hint: what the learner may have assumed wrongly, said after the error, e.g. the shapes of this exercise.
    causes: {a phrase of NumPy's message: the mistake that raises it}, said instead of hint when it matches.
    """
    try:
        return fn(*args)
    except NotImplementedError:
        raise  # the exercise is not filled in yet: `run` says so
    except Exception as error:
        name = getattr(fn, "__name__", "your function")
        said = next((why for phrase, why in (causes or {}).items() if phrase in str(error)), hint)
        raise AssertionError(f"{name} raised {type(error).__name__}: {error}{said} ({case})") from error


def answer_array(got, what: str, shape: tuple, hints: dict, case: str) -> np.ndarray:
    """got as a finite float array of the given shape; else an AssertionError, with hints[got.shape] if any."""
    if got is None:
        fail(f"{what} is None: did you forget to `return` it?", case)
    if isinstance(got, np.generic):
        got = np.asarray(got)  # a NumPy scalar, e.g. from np.sum without axis: judged by its shape ()
    if not isinstance(got, np.ndarray):
        fail(f"{what} is a {type(got).__name__}, not a NumPy array of shape {shape}: build it with NumPy", case)
    if got.dtype.kind != "f":
        fail(f"{what} holds {got.dtype} values, not floats: make it with np.zeros(...), which gives floats", case)
    if got.shape != shape:
        fail(f"{what} has shape {got.shape} but should be {shape}{hints.get(got.shape, '')}", case)
    if not np.isfinite(got).all():
        fail(f"{what} contains NaN or inf: an overflow, or an array from np.empty never filled in?", case)
    return got


def close(got, want) -> bool:
    return want is not None and got.shape == want.shape and np.allclose(got, want, rtol=RTOL, atol=ATOL)


def compare(got, want, mistakes, what: str, case: str, otherwise: str = ""):
    """Pass if got ≈ want; else fail naming the first mistake (wrong, why) whose result got matches."""
    if close(got, want):
        return
    for wrong, why in mistakes:
        if close(got, wrong):
            fail(f"{what} {why}", case)
    i = np.unravel_index(np.argmax(np.abs(got - want)), want.shape)
    at = i[0] if len(i) == 1 else tuple(int(j) for j in i)
    fail(f"{what} differs from the expected values: at {at} it is {got[i]:.6g}, not {want[i]:.6g}{otherwise}", case)


def as_dict(got, what: str, case: str) -> dict:
    if not isinstance(got, dict):
        hint = ": did you forget to `return` it?" if got is None else ""
        fail(f"{what} should be a dict but is {type(got).__name__}{hint}", case)
    return got


def same_keys(got: dict, want: dict, what: str, case: str, every: str, extra_ok: bool = False):
    missing = sorted((key for key in want if key not in got), key=lambda key: (int(key.lstrip("dWb")), key))
    if missing:
        fail(f"{what} lack {', '.join(missing)}: return {every}", case)
    extra = [key for key in got if key not in want]
    if extra and not extra_ok:
        fail(f"{what} have unexpected keys {', '.join(map(str, extra))}: return only {', '.join(want)}", case)
