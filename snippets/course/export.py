"""What the interactive pages load in the reader's browser, exported at build time as small JSON files.

- `digit_net(params, start)`: a trained 400-25-15-1 network, for "Try it: draw a digit", and what training
  changed in its first layer. Each matrix is stored as little-endian float32 in base64, about half the
  size of decimal text of the same precision. JavaScript reads them back into float64 and runs the forward pass.
- `sample_digits(...)`: a few real test digits as 28x28 bytes (the page downsamples them as the data does).
- `learning_rate_curves(traces)`: the loss and accuracy per epoch of each learning-rate run, not the models.

`read_digit_net(payload)` turns the JSON back into NumPy params, the exact values the browser uses;
`site_files()` lists every file the build writes beside the pages (notes_build/exports.py).
"""

import base64

import numpy as np

from snippets import data
from snippets.checks import positive_int
from snippets.course import results
from snippets.numpy_net import LAYER_SIZES, check_params, init_params

KEYS = ("W1", "b1", "W2", "b2", "W3", "b3")
# Log-spaced (about x3 apart) from "the loss has barely moved after 60 epochs" to "flips between all 0s and all 1s".
LEARNING_RATES = (0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0, 30.0, 100.0)
LEARNING_RATE_RUNS = {"n": 1000, "epochs": 60}  # the runs of docs/gradient-descent.py: 1,000 digits, full batch


def _b64(array: np.ndarray, dtype: str) -> str:
    return base64.b64encode(np.ascontiguousarray(array, dtype=dtype).tobytes()).decode("ascii")


def digit_net(params, start=None) -> dict:
    """The params of a 400-25-15-1 network as a JSON-ready dict.

    Returns {"layers": [400, 25, 15, 1], "dtype": "float32", "W1": {"shape": [25, 400], "data": base64}, ...}:
    each array row by row (W1 is 25 rows of 400, the notes' layout), as little-endian float32. With `start`,
    the params training began from, also "W1_change": W1 - start["W1"], what training changed, for a picture
    (int8 rows with a scale each, see _row_scaled; read_w1_change decodes it).
    """
    check_params(params)
    if start is not None and np.shape(start.get("W1")) != np.shape(params["W1"]):
        raise ValueError(f"start must hold a W1 of shape {np.shape(params['W1'])}, the params' starting point")
    shapes = {key: np.shape(params[key]) for key in KEYS if key in params}
    expected = {f"W{l}": (LAYER_SIZES[l], LAYER_SIZES[l - 1]) for l in (1, 2, 3)}
    expected |= {f"b{l}": (LAYER_SIZES[l], 1) for l in (1, 2, 3)}
    if set(params) != set(KEYS) or shapes != expected:
        raise ValueError(f"params must be a {LAYER_SIZES} network with shapes {expected}; got {shapes}")
    arrays = {key: {"shape": list(expected[key]), "data": _b64(params[key], "<f4")} for key in KEYS}
    if start is not None:
        arrays["W1_change"] = _row_scaled(params["W1"] - start["W1"])
    return {"layers": list(LAYER_SIZES), "dtype": "float32", **arrays}


def _row_scaled(D: np.ndarray) -> dict:
    """D (k, n) as int8 rows, each scaled by its largest |value| / 127: {"shape", "scale": k floats, "data": base64}.

    Enough for a picture (the page draws each row on its own colour scale) at a quarter of float32's size.
    """
    scale = np.abs(D).max(axis=1) / 127
    scale[scale == 0] = 1.0  # an unchanged row stays all zeros
    q = np.rint(D / scale[:, None]).astype(np.int8)
    return {"shape": list(D.shape), "scale": [float(v) for v in scale], "data": _b64(q, "i1")}


def read_w1_change(payload: dict) -> np.ndarray:
    """The (25, 400) change W1 - W1 at the start that a digit_net payload holds, as the page decodes it."""
    entry = payload.get("W1_change") if isinstance(payload, dict) else None
    if not entry:
        raise ValueError("payload has no W1_change: build it with digit_net(params, start=...)")
    q = np.frombuffer(base64.b64decode(entry["data"]), dtype=np.int8).reshape(entry["shape"])
    return q * np.asarray(entry["scale"])[:, None]


def read_digit_net(payload: dict) -> dict[str, np.ndarray]:
    """The float64 params a `digit_net` payload holds: the weights the browser computes with."""
    if not isinstance(payload, dict) or payload.get("dtype") != "float32" or not set(KEYS) <= set(payload):
        raise ValueError(f"payload must be a dict from digit_net, with dtype float32 and keys {KEYS}")
    params = {}
    for key in KEYS:
        values = np.frombuffer(base64.b64decode(payload[key]["data"]), dtype="<f4").astype(np.float64)
        shape = tuple(payload[key]["shape"])
        if values.size != np.prod(shape):
            raise ValueError(f"{key} holds {values.size} numbers; its shape {shape} needs {np.prod(shape)}")
        params[key] = values.reshape(shape)
    check_params(params)
    return params


def sample_digits(misclassified_index, *, per_class: int = 12, seed: int = 0) -> dict:
    """Real test digits: every index in `misclassified_index`, then `per_class` 0s and 1s drawn with `seed`.

    Returns {"size": 28, "digits": [{"index": i, "label": 0 or 1, "misclassified": bool, "pixels": base64}]},
    pixels being the 784 bytes (0-255) of the 28x28 image row by row, as in the data file.
    """
    per_class = positive_int("per_class", per_class)
    images, labels = data.images("test", size=28)
    wrong = np.unique(np.asarray(misclassified_index, dtype=np.int64))
    if wrong.size and (wrong.min() < 0 or wrong.max() >= labels.size):
        raise ValueError(f"misclassified_index must be test-set indices in [0, {labels.size}); got {wrong.tolist()}")
    chosen = np.setdiff1d(data.balanced_subset(labels, 2 * per_class, seed), wrong)
    pixels = np.rint(images * 255).astype(np.uint8)
    return {
        "size": 28,
        "digits": [
            {
                "index": int(i),
                "label": int(labels[i]),
                "misclassified": bool(i in wrong),
                "pixels": _b64(pixels[i], "u1"),
            }
            for i in np.concatenate([wrong, chosen])
        ],
    }


def learning_rate_curves(traces: dict, *, decimals: int = 5) -> dict:
    """{"runs": [{"lr", "loss", "accuracy"}, ...]} in increasing α, per-epoch values rounded to `decimals`.

    traces: {α: trace} as from results.learning_rates (loss and accuracy per epoch, same length for every α).
    """
    if not traces:
        raise ValueError("traces is empty: expected {learning rate: trace} from results.learning_rates")
    epochs = {len(t["loss"]) for t in traces.values()} | {len(t["accuracy"]) for t in traces.values()}
    if len(epochs) != 1:
        raise ValueError(f"every run must have the same number of epochs; got lengths {sorted(epochs)}")
    runs = []
    for lr in sorted(traces):
        trace = traces[lr]
        runs.append({"lr": float(lr), "loss": [round(float(v), decimals) for v in trace["loss"]],
                     "accuracy": [round(float(v), decimals) for v in trace["accuracy"]]})  # fmt: skip
    return {"epochs": epochs.pop(), "runs": runs}


def site_files() -> dict[str, dict]:
    """{path in the built site: JSON-ready payload} of every file an interactive page loads.

    The weights are the headline NumPy model (results.headline, the run Home reports), never retrained here.
    """
    headline = results.headline("numpy")
    traces = results.learning_rates(LEARNING_RATES, **LEARNING_RATE_RUNS)
    return {
        "try-it/digit-net.json": digit_net(headline["model"], start=init_params(seed=headline["seed"])),
        "try-it/test-digits.json": sample_digits(headline["misclassified"]["index"]),
        "gradient-descent/learning-rates.json": learning_rate_curves(traces),
    }
