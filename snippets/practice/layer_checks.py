"""The checks of the layer exercises (my_dense, my_dense_v) and of the Keras model (my_model)."""

import copy
import warnings

import numpy as np

from snippets import numpy_net
from snippets.activations import sigmoid
from snippets.practice.checking import (
    answer_array,
    call,
    case_label,
    close,
    compare,
    digits,
    fail,
    g_name,
    identity,
    needs_function,
)

# --- One layer: my_dense (one example, unit by unit) and my_dense_v (m examples) ---------------------------


def _layer_mistakes(A_in, W, b, g, a: str):
    """(result, why) of the usual slips in a layer, on this case. A_in: (n_in, m); b: (n_out, 1); a names A_in.

    check_my_dense passes its one example as a column, a_in[:, None], with a = "a_in".
    """
    Z = W @ A_in + b
    mistakes = []
    if g is not sigmoid:
        mistakes.append((sigmoid(Z), f"is σ(W {a} + b) although g is {g_name(g)}: apply the g you are given"))
    mistakes += [
        (Z, f"is W {a} + b, with no activation: apply g to z"),
        (g(W @ A_in), f"is g(W {a}), with no bias: add b"),
        (W @ A_in, f"is W {a}, with neither the bias b nor the activation g"),
    ]
    if W.shape[0] == W.shape[1]:  # only a square W can be used transposed without a shape error
        mistakes.append((g(W.T @ A_in + b), f"is g(W^T {a} + b): is W transposed? Row W[j] holds unit j's weights"))
    return mistakes


LAB_LAYOUT = "is written for the course lab's layout, {lab}. The notes' layout is {notes}: {fix}"


def _in_lab_layout(fn, args, want) -> bool:
    """Whether fn, called with the lab's layout of the inputs (args), gives the expected result in that layout."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            got = fn(*copy.deepcopy(args))
    except Exception:
        return False
    got = np.asarray(got) if isinstance(got, (np.ndarray, np.generic)) else None
    return got is not None and close(got.astype(float), want)


def _dense_cases():
    """(label, a_in (n_in,), W (n_out, n_in), b (n_out,), g) for check_my_dense."""
    X, _ = digits()
    rng = np.random.default_rng(0)
    n = rng.normal
    return [
        ("a real digit into 25 units", X[:, 0].copy(), numpy_net.init_params(seed=0)["W1"], n(0, 0.5, 25), sigmoid),
        ("3 inputs into 4 units", n(size=3), n(size=(4, 3)), n(size=4), np.tanh),
        ("a square W", n(size=4), n(size=(4, 4)), n(size=4), sigmoid),
        ("5 inputs into 3 units", n(size=5), n(size=(3, 5)), n(size=3), identity),
        ("one unit", n(size=2), n(size=(1, 2)), n(size=1), np.tanh),
    ]


DENSE_SHAPES = "; note that W is (n_out, n_in) here, one row W[j] per unit: is W used transposed (as the lab's)?"
# NumPy's words when a[j] = ... is given a whole vector: all of b (or W a_in) where unit j's one number belongs.
DENSE_CAUSES = {"setting an array element with a sequence": (
    ": a[j] was given a whole vector, not one number. Unit j takes its own row and its own bias:"
    " z_j = W[j] · a_in + b[j], so add b[j], not all of b"
)}  # fmt: skip


def check_my_dense(fn):
    """Check fn(a_in, W, b, g) -> a (n_out,): one layer on one example. a_in: (n_in,); W: (n_out, n_in); b: (n_out,)."""
    needs_function(fn, "check_my_dense", "my_dense")
    cases = _dense_cases()
    for k, (label, a_in, W, b, g) in enumerate(cases, 1):
        case = case_label(k, len(cases), label, a_in=a_in, W=W, b=b, g=g)
        n_out, n_in = W.shape
        hints = {(n_out, 1): ": return a 1-D array, one value per unit, e.g. made with np.zeros(n_out)"}
        hints[(1, n_out)] = hints[(n_out, 1)]
        if n_in != n_out:
            hints[(n_in,)] = (
                ": one value per unit, n_out = W.shape[0]. Was it sized from a_in, or is W transposed? Here W is"
                " (n_out, n_in), one row W[j] per unit (the lab's W was (n_in, n_out))"
            )
        want = numpy_net.dense_loop(a_in[:, None], W, b[:, None], g)[:, 0]
        mistakes = [(wrong[:, 0], why) for wrong, why in _layer_mistakes(a_in[:, None], W, b[:, None], g, "a_in")]
        if n_in != n_out and _in_lab_layout(fn, (a_in, W.T, b, g), want):
            lab, notes = "W as (inputs, units) = (n_in, n_out), unit j's weights in column W[:, j]", "W (n_out, n_in)"
            fix = "one row per unit, so unit j's weights are the row W[j] (z_j = W[j] · a_in + b[j])"
            fail(f"{fn.__name__} " + LAB_LAYOUT.format(lab=lab, notes=notes, fix=fix), case)
        got = call(fn, copy.deepcopy((a_in, W, b, g)), case, DENSE_SHAPES, DENSE_CAUSES)
        got = answer_array(got, "the output", (n_out,), hints, case)
        compare(got, want, mistakes, "the output", case)
    return True


def _dense_v_cases():
    """(label, A_in (n_in, m), W (n_out, n_in), b (n_out, 1), g) for check_my_dense_v; m never equals n_out."""
    X, _ = digits()
    rng = np.random.default_rng(1)
    n = rng.normal
    W1 = numpy_net.init_params(seed=1)["W1"]
    return [
        ("one real digit (m = 1)", X[:, 5:6].copy(), W1, n(0, 0.5, (25, 1)), np.tanh),  # b as a row: (25, 25)
        ("5 real digits into 25 units", X[:, :5].copy(), W1, n(0, 0.5, (25, 1)), sigmoid),
        ("3 inputs into 4 units, 3 examples", n(size=(3, 3)), n(size=(4, 3)), n(size=(4, 1)), np.tanh),
        ("a square W, 2 examples", n(size=(4, 2)), n(size=(4, 4)), n(size=(4, 1)), sigmoid),
        ("5 inputs into 3 units, 4 examples", n(size=(5, 4)), n(size=(3, 5)), n(size=(3, 1)), identity),
    ]


DENSE_V_SHAPES = "; note the shapes: A_in (n_in, m), W (n_out, n_in), b (n_out, 1), and Z = W A_in + b"


def check_my_dense_v(fn):
    """Check fn(A_in, W, b, g) -> A (n_out, m), a layer on m examples. A_in (n_in, m); W (n_out, n_in); b (n_out, 1)."""
    needs_function(fn, "check_my_dense_v", "my_dense_v")
    cases = _dense_v_cases()
    for k, (label, A_in, W, b, g) in enumerate(cases, 1):
        case = case_label(k, len(cases), label, A_in=A_in, W=W, b=b, g=g)
        n_out, m = W.shape[0], A_in.shape[1]
        hints = {
            (m, n_out): ": is W transposed, or are the examples rows? Here examples are columns: Z = W A_in + b",
            (n_out, n_out): ": was b added as a row (b.T or b.ravel())? b is a column (n_out, 1): add it as it is",
            (n_out,): ": keep the 2-D shape (n_out, m), even for m = 1",
        }
        want = numpy_net.dense(A_in, W, b, g)
        if W.shape[0] != W.shape[1] and _in_lab_layout(fn, (A_in.T, W.T, b.T, g), want.T):
            lab = "examples as rows, A_in (m, n_in), and W as (inputs, units) = (n_in, n_out)"
            notes, fix = "examples as columns, A_in (n_in, m), and W (n_out, n_in)", "compute Z = W A_in + b"
            fail(f"{fn.__name__} " + LAB_LAYOUT.format(lab=lab, notes=notes, fix=fix), case)
        got = call(fn, copy.deepcopy((A_in, W, b, g)), case, DENSE_V_SHAPES)
        got = answer_array(got, "the output", (n_out, m), hints, case)
        compare(got, want, _layer_mistakes(A_in, W, b, g, "A_in"), "the output", case)
    return True


# --- The Keras model --------------------------------------------------------------------------------------

MODEL_UNITS = numpy_net.LAYER_SIZES[1:]  # 25, 15, 1


def check_my_model(model):
    """Check a Keras model as the lab asks: Sequential, input 400, Dense layers of 25, 15 and 1 units, all sigmoid.

    model: the model, or a function of no arguments that builds it (so a stub's NotImplementedError shows).
    """
    import keras  # only here: importing this module stays fast

    if callable(model) and not isinstance(model, keras.Model):
        model = call(model, (), "building the model")
    if not isinstance(model, keras.Model):
        fail(f"this is a {type(model).__name__}, not a Keras model: return keras.Sequential([...])")
    if not isinstance(model, keras.Sequential):
        fail("this is a Keras model but not a Sequential one: build it with keras.Sequential([...])")
    _check_input(model)
    _check_dense_layers(model, keras)
    _check_outputs(model, keras)
    return True


def _check_input(model):
    try:
        shape = tuple(model.inputs[0].shape[1:])
    except (AttributeError, IndexError, ValueError):  # a Sequential without an Input has no input shape yet
        fail("the model has no input size: start it with keras.Input(shape=(400,))")
    if shape != (numpy_net.LAYER_SIZES[0],):
        fail(f"wrong input size: the input has shape {shape} but should be (400,), 20 x 20 pixels")


def _check_dense_layers(model, keras):
    """Dense layers of 25, 15 and 1 units, each with a bias and a sigmoid, named like the lab's messages."""
    for l, layer in enumerate(model.layers, 1):
        if not isinstance(layer, keras.layers.Dense):
            fail(f"layer {l} is a {type(layer).__name__}; the network has Dense layers only")
    if len(model.layers) != len(MODEL_UNITS):
        fail(f"wrong number of layers: the model has {len(model.layers)} Dense layers but should have 3 (25, 15, 1)")
    z = np.linspace(-4.0, 4.0, 9, dtype=np.float32)
    for l, (layer, units) in enumerate(zip(model.layers, MODEL_UNITS, strict=True), 1):
        if layer.units != units:
            fail(f"wrong number of units in layer {l}: expected {units} but got {layer.units}")
        g = np.asarray(keras.ops.convert_to_numpy(layer.activation(keras.ops.convert_to_tensor(z))))
        if not np.allclose(g, sigmoid(z), atol=1e-6):  # judged by its values: "sigmoid", keras' or tf.nn's
            name = getattr(layer.activation, "__name__", type(layer.activation).__name__)
            none = " (no activation)" if name == "linear" else ""
            fail(f"wrong activation in layer {l}: expected sigmoid but got {name}{none}: use activation='sigmoid'")
        if not layer.use_bias:
            fail(f"layer {l} has no bias (use_bias=False): each unit computes g(w · a + b)")


def _check_outputs(model, keras):
    """The model's probabilities on real digits equal numpy_net.forward with the model's own weights."""
    X, _ = digits()
    params = {}
    for l, layer in enumerate(model.layers, 1):
        kernel, bias = layer.get_weights()
        params[f"W{l}"], params[f"b{l}"] = kernel.T.astype(np.float64), bias.reshape(-1, 1).astype(np.float64)
    P = np.asarray(keras.ops.convert_to_numpy(model(X.T.astype(np.float32), training=False)), dtype=np.float64).T
    if not np.allclose(P, numpy_net.forward(X, params)[0], atol=1e-5):  # Keras computes in float32
        fail("the outputs on real digits differ from σ(W a + b), layer by layer, with the model's own weights")
