"""The same network in Keras: Sequential of Dense layers (sigmoid output), and weight transfer to and from NumPy.

Keras stores a Dense kernel as (n_in, n_out) and takes examples as rows, X^T: its layer computes
A^T = g(A_prev^T K + b), which is the notes' A = g(W A_prev + b) with K = W^T.
"""

import keras
import numpy as np

# TensorFlow's public API can turn op determinism on but neither off nor read it back; Keras itself
# uses this internal module for the check (tested from TensorFlow 2.18, the oldest snippets[keras] allows, to the
# version in constraints.txt). build_model sets it; importing this module changes nothing in TensorFlow.
from tensorflow.python.framework import config as tf_config

from snippets.activations import hidden as hidden_activation
from snippets.checks import as_examples, as_labels, positive_int, positive_number
from snippets.numpy_net import LAYER_SIZES, check_params, checked_sizes

OPTIMIZERS = {"adam": keras.optimizers.Adam, "sgd": keras.optimizers.SGD}  # SGD: plain W := W - α dW


# --8<-- [start:build]
def build_model(layer_sizes=LAYER_SIZES, *, lr=1e-3, seed=0, optimizer="adam", hidden="sigmoid", dtype="float32",
                steps_per_execution=1, jit_compile=False, op_determinism=True):  # fmt: skip
    """Sequential([Input(n[0]), Dense(n[1]), ..., Dense(n[L])]), compiled with BCE and Adam(lr) or SGD(lr).

    hidden: the hidden layers' activation (the output is a sigmoid). The last three options only change speed;
    op_determinism sets TensorFlow's op determinism, a setting of the whole process.
    """
    sizes, speed, make_optimizer = _check_build(layer_sizes, optimizer, hidden, steps_per_execution, jit_compile,
                                                op_determinism)  # fmt: skip
    # TensorFlow's op determinism, for the whole process: on, the same seed gives the same numbers
    (tf_config.enable_op_determinism if op_determinism else tf_config.disable_op_determinism)()
    keras.utils.set_random_seed(seed)  # seeds the initial weights and fit's shuffling
    activations = [hidden] * (len(sizes) - 2) + ["sigmoid"]
    layers = [keras.layers.Dense(n, activation=g, name=f"L{l}", dtype=dtype)
              for l, (n, g) in enumerate(zip(sizes[1:], activations, strict=True), 1)]  # fmt: skip
    model = keras.Sequential([keras.Input(shape=(sizes[0],), dtype=dtype), *layers])
    model.compile(
        optimizer=make_optimizer(learning_rate=positive_number("lr", lr)),
        loss=keras.losses.BinaryCrossentropy(),
        metrics=["accuracy"],
        **speed,
    )
    return model


# --8<-- [end:build]


def _check_build(layer_sizes, optimizer, hidden, steps_per_execution, jit_compile, op_determinism):
    """build_model's arguments, checked: (layer sizes, compile's speed options, the optimizer's class)."""
    hidden_activation(hidden)  # a clear error for an unknown name
    if optimizer not in OPTIMIZERS:
        raise ValueError(f"optimizer must be one of {sorted(OPTIMIZERS)}; got {optimizer!r}")
    speed = _speed_options(steps_per_execution, jit_compile, op_determinism)
    return checked_sizes(layer_sizes), speed, OPTIMIZERS[optimizer]


def _speed_options(steps_per_execution, jit_compile, op_determinism):
    """compile's speed options, checked; Keras would quietly run jit_compile=True without XLA under op determinism."""
    for name, value in (("jit_compile", jit_compile), ("op_determinism", op_determinism)):
        if not isinstance(value, bool | np.bool_):
            raise ValueError(f"{name} must be True or False; got {value!r}")
    if jit_compile and op_determinism:
        raise ValueError("jit_compile=True needs op_determinism=False: under op determinism Keras drops XLA")
    return {
        "steps_per_execution": positive_int("steps_per_execution", steps_per_execution),
        "jit_compile": bool(jit_compile),
    }


# --8<-- [start:transfer]
def to_keras(params, model=None, **build_kwargs):
    """Copy NumPy params into a Keras model (built to match if not given): kernel = W^T, bias = b flattened."""
    L = check_params(params)
    sizes = [params["W1"].shape[1]] + [params[f"W{l}"].shape[0] for l in range(1, L + 1)]
    model = model or build_model(sizes, **build_kwargs)
    if len(model.layers) != L:
        raise ValueError(f"model has {len(model.layers)} Dense layers; params have {L}")
    for l, layer in enumerate(model.layers, 1):
        kernel, bias = layer.get_weights()
        if kernel.shape != params[f"W{l}"].T.shape:
            raise ValueError(f"layer {l} kernel is {kernel.shape}; W{l}.T is {params[f'W{l}'].T.shape}")
        layer.set_weights([params[f"W{l}"].T, params[f"b{l}"].ravel()])
    return model


def from_keras(model):
    """NumPy params {"W1": kernel.T, "b1": bias as a column, ...} from a Keras model, as float64."""
    params = {}
    for l, layer in enumerate(model.layers, 1):
        kernel, bias = layer.get_weights()
        params[f"W{l}"] = np.asarray(kernel, dtype=np.float64).T
        params[f"b{l}"] = np.asarray(bias, dtype=np.float64).reshape(-1, 1)
    return params


# --8<-- [end:transfer]


def predict_proba(X, model):
    """P(y = 1 | x) for each column of X (n[0], m), as a (1, m) float64 row like the NumPy version."""
    X = as_examples("X", X, n_rows=model.inputs[0].shape[1])
    P = model(X.T.astype(model.inputs[0].dtype), training=False)  # Keras wants examples as rows
    return np.asarray(P, dtype=np.float64).T


def predict(X, model, threshold: float = 0.5):
    """Predicted labels (1, m) as 0/1 integers."""
    return (predict_proba(X, model) >= threshold).astype(np.int64)


class _EpochCallback(keras.callbacks.Callback):
    def __init__(self, callback):
        super().__init__()
        self.callback, self.history = callback, {"loss": [], "accuracy": []}

    def on_epoch_end(self, epoch, logs=None):
        for key in self.history:
            self.history[key].append(float(logs[key]))
        self.callback(epoch, self.history)


# --8<-- [start:train]
def train(X, Y, *, layer_sizes=None, epochs=10, lr=1e-3, batch_size=32, seed=0, model=None, validation=None,
          orders=None, callback=None, **speed):  # fmt: skip
    """Keras' fit on the notes' layout. Same arguments and history as snippets.training.train.

    X: (n[0], m); Y: (1, m). Returns the trained model and {"loss": [...], "accuracy": [...], ...}.
    orders: per-epoch example orders (training.epoch_orders) to follow instead of Keras' shuffling.
    """
    X = as_examples("X", X)
    Y = as_labels("Y", Y, m=X.shape[1])
    epochs, batch_size = positive_int("epochs", epochs), positive_int("batch_size", batch_size)
    _check_speed_with_model(model, speed)
    model = model or build_model(layer_sizes or (X.shape[0],) + LAYER_SIZES[1:], lr=lr, seed=seed, **speed)
    keras.utils.set_random_seed(seed)
    options = {"batch_size": batch_size, "verbose": 0, "validation_data": _validation(validation, X.shape[0]),
               "callbacks": [_EpochCallback(callback)] if callback else []}  # fmt: skip
    if orders is None:
        fit = model.fit(X.T, Y.T, epochs=epochs, shuffle=True, **options).history
    else:
        fit = _fit_in_order(model, X.T, Y.T, epochs, orders, options)
    return model, {key: [float(v) for v in values] for key, values in fit.items()}


# --8<-- [end:train]


def _fit_in_order(model, X_rows, Y_rows, epochs, orders, options) -> dict:
    """One fit per epoch, on the examples (rows) in that epoch's order; the joined history."""
    history = {}
    for epoch, order in zip(range(epochs), orders, strict=False):  # orders may be endless
        one = model.fit(X_rows[order], Y_rows[order], initial_epoch=epoch, epochs=epoch + 1, shuffle=False, **options)
        for key, values in one.history.items():
            history.setdefault(key, []).extend(values)
    return history


def _validation(validation, n0):
    """fit's validation_data, (X_val^T, Y_val^T), from the notes' (X_val, Y_val); None stays None."""
    if validation is None:
        return None
    if not isinstance(validation, tuple | list) or len(validation) != 2:
        raise ValueError("validation must be a pair (X_val, Y_val): examples as columns, labels (1, m_val)")
    X_val = as_examples("X_val", validation[0], n_rows=n0)
    return X_val.T, as_labels("Y_val", validation[1], m=X_val.shape[1]).T


def _check_speed_with_model(model, speed):
    """train's speed options go to build_model: refuse them with a ready model rather than ignore them."""
    if model is not None and speed:
        raise ValueError(f"{', '.join(sorted(speed))} apply when train builds the model; pass them to build_model")
