"""Checks for the coding exercises: each runs a learner's function on a few cases and compares with numpy_net.

The cases include real digits, m = 1, other layer sizes than 400-25-15-1 and activations other than the
sigmoid. A check returns True, or raises AssertionError naming the likely mistake and the case it showed
in. A NotImplementedError from an exercise not yet filled in passes through unchanged; `run` turns every
outcome into one printed line, so a notebook's check cell never raises.
"""

import copy
import functools
import inspect
import warnings

import numpy as np

from snippets import data, numpy_net
from snippets.activations import sigmoid

RTOL, ATOL = 1e-5, 1e-8  # float64 sums taken in another order agree far closer; a real slip is off by far more


def identity(z):
    """g(z) = z, no activation: a case where a sigmoid written into the layer shows."""
    return z


def _g_name(g) -> str:
    return {sigmoid: "sigmoid", np.tanh: "tanh", identity: "identity"}.get(g, getattr(g, "__name__", "g"))


@functools.cache
def _digits():
    """Eight real test digits, four 0s and four 1s: X (400, 8), Y (1, 8). Read once."""
    return data.load("test", n=8, seed=0)


# --- Running the learner's function, and judging what it returns ------------------------------------------


def _fail(message: str, case: str = ""):
    raise AssertionError(f"{message} ({case})" if case else message)


def _case(k: int, n: int, label: str, **inputs) -> str:
    """'case 2 of 5, 3 inputs into 4 units: a_in (3,), W (4, 3), b (4,), g = tanh', for the messages."""
    shapes = ", ".join(f"{name} = {_g_name(v)}" if callable(v) else f"{name} {v.shape}" for name, v in inputs.items())
    return f"case {k} of {n}, {label}" + (f": {shapes}" if shapes else "")


def _needs_function(fn, check: str, exercise: str):
    if not callable(fn):
        raise TypeError(f"{check} needs your function itself, as in {check}({exercise}); got {type(fn).__name__}")


def _call(fn, args, case: str, hint="", causes: dict[str, str] | None = None):
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


def _array(got, what: str, shape: tuple, hints: dict, case: str) -> np.ndarray:
    """got as a finite float array of the given shape; else an AssertionError, with hints[got.shape] if any."""
    if got is None:
        _fail(f"{what} is None: did you forget to `return` it?", case)
    if isinstance(got, np.generic):
        got = np.asarray(got)  # a NumPy scalar, e.g. from np.sum without axis: judged by its shape ()
    if not isinstance(got, np.ndarray):
        _fail(f"{what} is a {type(got).__name__}, not a NumPy array of shape {shape}: build it with NumPy", case)
    if got.dtype.kind != "f":
        _fail(f"{what} holds {got.dtype} values, not floats: make it with np.zeros(...), which gives floats", case)
    if got.shape != shape:
        _fail(f"{what} has shape {got.shape} but should be {shape}{hints.get(got.shape, '')}", case)
    if not np.isfinite(got).all():
        _fail(f"{what} contains NaN or inf: an overflow, or an array from np.empty never filled in?", case)
    return got


def _close(got, want) -> bool:
    return want is not None and got.shape == want.shape and np.allclose(got, want, rtol=RTOL, atol=ATOL)


def _compare(got, want, mistakes, what: str, case: str, otherwise: str = ""):
    """Pass if got ≈ want; else fail naming the first mistake (wrong, why) whose result got matches."""
    if _close(got, want):
        return
    for wrong, why in mistakes:
        if _close(got, wrong):
            _fail(f"{what} {why}", case)
    i = np.unravel_index(np.argmax(np.abs(got - want)), want.shape)
    at = i[0] if len(i) == 1 else tuple(int(j) for j in i)
    _fail(f"{what} differs from the expected values: at {at} it is {got[i]:.6g}, not {want[i]:.6g}{otherwise}", case)


def _dict(got, what: str, case: str) -> dict:
    if not isinstance(got, dict):
        hint = ": did you forget to `return` it?" if got is None else ""
        _fail(f"{what} should be a dict but is {type(got).__name__}{hint}", case)
    return got


def _keys(got: dict, want: dict, what: str, case: str, every: str, extra_ok: bool = False):
    missing = sorted((key for key in want if key not in got), key=lambda key: (int(key.lstrip("dWb")), key))
    if missing:
        _fail(f"{what} lack {', '.join(missing)}: return {every}", case)
    extra = [key for key in got if key not in want]
    if extra and not extra_ok:
        _fail(f"{what} have unexpected keys {', '.join(map(str, extra))}: return only {', '.join(want)}", case)


# --- One layer: my_dense (one example, unit by unit) and my_dense_v (m examples) ---------------------------


def _layer_mistakes(A_in, W, b, g, a: str):
    """(result, why) of the usual slips in a layer, on this case. A_in: (n_in, m); b: (n_out, 1); a names A_in.

    check_my_dense passes its one example as a column, a_in[:, None], with a = "a_in".
    """
    Z = W @ A_in + b
    mistakes = []
    if g is not sigmoid:
        mistakes.append((sigmoid(Z), f"is σ(W {a} + b) although g is {_g_name(g)}: apply the g you are given"))
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
    return got is not None and _close(got.astype(float), want)


def _dense_cases():
    """(label, a_in (n_in,), W (n_out, n_in), b (n_out,), g) for check_my_dense."""
    X, _ = _digits()
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
    _needs_function(fn, "check_my_dense", "my_dense")
    cases = _dense_cases()
    for k, (label, a_in, W, b, g) in enumerate(cases, 1):
        case = _case(k, len(cases), label, a_in=a_in, W=W, b=b, g=g)
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
            _fail(f"{fn.__name__} " + LAB_LAYOUT.format(lab=lab, notes=notes, fix=fix), case)
        got = _call(fn, copy.deepcopy((a_in, W, b, g)), case, DENSE_SHAPES, DENSE_CAUSES)
        got = _array(got, "the output", (n_out,), hints, case)
        _compare(got, want, mistakes, "the output", case)
    return True


def _dense_v_cases():
    """(label, A_in (n_in, m), W (n_out, n_in), b (n_out, 1), g) for check_my_dense_v; m never equals n_out."""
    X, _ = _digits()
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
    _needs_function(fn, "check_my_dense_v", "my_dense_v")
    cases = _dense_v_cases()
    for k, (label, A_in, W, b, g) in enumerate(cases, 1):
        case = _case(k, len(cases), label, A_in=A_in, W=W, b=b, g=g)
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
            _fail(f"{fn.__name__} " + LAB_LAYOUT.format(lab=lab, notes=notes, fix=fix), case)
        got = _call(fn, copy.deepcopy((A_in, W, b, g)), case, DENSE_V_SHAPES)
        got = _array(got, "the output", (n_out, m), hints, case)
        _compare(got, want, _layer_mistakes(A_in, W, b, g, "A_in"), "the output", case)
    return True


# --- The Keras model --------------------------------------------------------------------------------------

MODEL_UNITS = numpy_net.LAYER_SIZES[1:]  # 25, 15, 1


def check_my_model(model):
    """Check a Keras model as the lab asks: Sequential, input 400, Dense layers of 25, 15 and 1 units, all sigmoid.

    model: the model, or a function of no arguments that builds it (so a stub's NotImplementedError shows).
    """
    import keras  # only here: importing this module stays fast

    if callable(model) and not isinstance(model, keras.Model):
        model = _call(model, (), "building the model")
    if not isinstance(model, keras.Model):
        _fail(f"this is a {type(model).__name__}, not a Keras model: return keras.Sequential([...])")
    if not isinstance(model, keras.Sequential):
        _fail("this is a Keras model but not a Sequential one: build it with keras.Sequential([...])")
    _check_input(model)
    _check_dense_layers(model, keras)
    _check_outputs(model, keras)
    return True


def _check_input(model):
    try:
        shape = tuple(model.inputs[0].shape[1:])
    except (AttributeError, IndexError, ValueError):  # a Sequential without an Input has no input shape yet
        _fail("the model has no input size: start it with keras.Input(shape=(400,))")
    if shape != (numpy_net.LAYER_SIZES[0],):
        _fail(f"wrong input size: the input has shape {shape} but should be (400,), 20 x 20 pixels")


def _check_dense_layers(model, keras):
    """Dense layers of 25, 15 and 1 units, each with a bias and a sigmoid, named like the lab's messages."""
    for l, layer in enumerate(model.layers, 1):
        if not isinstance(layer, keras.layers.Dense):
            _fail(f"layer {l} is a {type(layer).__name__}; the network has Dense layers only")
    if len(model.layers) != len(MODEL_UNITS):
        _fail(f"wrong number of layers: the model has {len(model.layers)} Dense layers but should have 3 (25, 15, 1)")
    z = np.linspace(-4.0, 4.0, 9, dtype=np.float32)
    for l, (layer, units) in enumerate(zip(model.layers, MODEL_UNITS, strict=True), 1):
        if layer.units != units:
            _fail(f"wrong number of units in layer {l}: expected {units} but got {layer.units}")
        g = np.asarray(keras.ops.convert_to_numpy(layer.activation(keras.ops.convert_to_tensor(z))))
        if not np.allclose(g, sigmoid(z), atol=1e-6):  # judged by its values: "sigmoid", keras' or tf.nn's
            name = getattr(layer.activation, "__name__", type(layer.activation).__name__)
            none = " (no activation)" if name == "linear" else ""
            _fail(f"wrong activation in layer {l}: expected sigmoid but got {name}{none}: use activation='sigmoid'")
        if not layer.use_bias:
            _fail(f"layer {l} has no bias (use_bias=False): each unit computes g(w · a + b)")


def _check_outputs(model, keras):
    """The model's probabilities on real digits equal numpy_net.forward with the model's own weights."""
    X, _ = _digits()
    params = {}
    for l, layer in enumerate(model.layers, 1):
        kernel, bias = layer.get_weights()
        params[f"W{l}"], params[f"b{l}"] = kernel.T.astype(np.float64), bias.reshape(-1, 1).astype(np.float64)
    P = np.asarray(keras.ops.convert_to_numpy(model(X.T.astype(np.float32), training=False)), dtype=np.float64).T
    if not np.allclose(P, numpy_net.forward(X, params)[0], atol=1e-5):  # Keras computes in float32
        _fail("the outputs on real digits differ from σ(W a + b), layer by layer, with the model's own weights")


# --- Backpropagation --------------------------------------------------------------------------------------


def _net_case(sizes, m, seed):
    """(label, X (n[0], m), Y (1, m), params) for a network of the given sizes on m random examples."""
    rng = np.random.default_rng(seed)
    params = numpy_net.init_params(sizes, seed=seed)
    for key in params:
        if key.startswith("b"):
            params[key] = rng.normal(0, 0.3, params[key].shape)  # nonzero biases: a missing b shows
    X, Y = rng.normal(size=(sizes[0], m)), (np.arange(m) % 2).reshape(1, m).astype(float)
    return f"a {'-'.join(map(str, sizes))} network (L = {len(sizes) - 1}), m = {m}", X, Y, params


def _backward_cases():
    """Real digits through the course's network, m = 1, and 2, 3 and 4 layers; m never equals a layer's size."""
    X, Y = _digits()
    _, _, _, params = _net_case(numpy_net.LAYER_SIZES, 1, seed=2)
    return [
        ("6 real digits through 400-25-15-1, m = 6", X[:, :6].copy(), Y[:, :6].copy(), params),
        ("one real digit through 400-25-15-1, m = 1", X[:, 6:7].copy(), Y[:, 6:7].copy(), params),
        _net_case((5, 3, 2, 1), 4, seed=3),
        _net_case((3, 4, 1), 3, seed=4),
        _net_case((4, 3, 3, 2, 1), 5, seed=5),  # W2 is square: a transposed dW2 has the right shape
    ]


def check_my_backward(fn):
    """Check fn(X, Y, params, cache) -> {"dW1", "db1", ...}, cache as numpy_net.forward gives it."""
    _needs_function(fn, "check_my_backward", "my_backward")
    cases = _backward_cases()
    for k, (label, X, Y, params) in enumerate(cases, 1):
        case = _case(k, len(cases), label)
        _, cache = numpy_net.forward(X, params)
        want = numpy_net.backward(Y, params, cache)
        L = len(params) // 2
        got = _call(
            fn, copy.deepcopy((X, Y, params, cache)), case, f"; this network has L = {L} layers, len(params) // 2"
        )
        _keys(
            _dict(got, "the gradients", case),
            want,
            "the gradients",
            case,
            "one gradient per parameter, named with a d in front: dW1, db1, ... (L = len(params) // 2)",
            extra_ok=True,  # other arrays, dZ or dA, may come along: update reads only dW and db
        )
        _check_grads(got, want, _wrong_derivatives(Y, params, cache), X.shape[1], case)
    return True


def _wrong_derivatives(Y, params, cache):
    """The gradients a wrong hidden-layer derivative gives, computed by numpy_net's own backward pass."""
    L = len(params) // 2
    wrong = [
        (np.ones_like, "leaves out σ'(Z) = A (1 - A) going back a layer: dZ[l-1] = W[l]^T dZ[l] * A (1 - A)"),
        (lambda A: sigmoid(A) * (1 - sigmoid(A)), "uses σ'(A) = σ(A) (1 - σ(A)); A is already σ(Z): σ'(Z) = A (1 - A)"),
    ]
    return [(numpy_net._backward(Y, params, cache, L, g_prime), why) for g_prime, why in wrong]


def _check_grads(got, want, wrong_derivatives, m, case):
    """Each gradient from the output layer down, so the first one named is where the mistake starts."""
    L = len(want) // 2
    for l in range(L, 0, -1):
        above = "" if l == L else f"; the layers above are right: look at the step back to layer {l}, " + STEP_BACK
        for key in (f"dW{l}", f"db{l}"):
            grad = _array(got[key], key, want[key].shape, _grad_shape_hints(key, want[key].shape, m), case)
            mistakes = _grad_mistakes(key, want[key], m) + [(wrong[key], why) for wrong, why in wrong_derivatives]
            _compare(grad, want[key], mistakes, key, case, above)


STEP_BACK = "dA[l-1] = W[l]^T dZ[l], dZ[l-1] = dA[l-1] * A[l-1] (1 - A[l-1])"


def _grad_mistakes(key, want, m):
    """(result, why) of the usual slips in one gradient, dW[l] or db[l], with m examples."""
    formula = "dW = (1/m) dZ A_prev.T" if key.startswith("dW") else "db = (1/m) Σ dZ over the examples"
    return [
        (m * want, f"is m = {m} times too large: the 1/m of the mean loss is missing ({formula})"),
        (want / m, f"is m = {m} times too small: 1/m is applied twice (it enters once, in dW and db)"),
        (-want, "has the wrong sign: dZ[L] = A[L] - Y, not Y - A[L]"),
        (want.T, f"is transposed: {formula} has the shape of the parameter"),
    ]


def _grad_shape_hints(key, shape, m):
    """{a wrong shape: why} for dW[l] (n, n_prev) or db[l] (n, 1); later entries win where two shapes coincide."""
    n, n_prev = shape
    if key.startswith("dW"):
        return {(n_prev, n): f": is {key} transposed? dW = (1/m) dZ A_prev.T has the shape of W"}
    how = "db = (1/m) np.sum(dZ, axis=1, keepdims=True)"
    return {
        (1, m): f": summed over the units (axis 0), not the examples (axis 1): {how}",
        (m,): f": summed over the units (axis 0), not the examples (axis 1): {how}",
        (): f": summed over everything, not only the examples (axis 1): {how}",
        (1, 1): f": summed over everything, not only the examples (axis 1): {how}",
        (n, m): f": dZ was not summed over the examples: {how}",
        (n,): f": the column was lost, keep it with keepdims=True: {how}",
    }


# --- The gradient-descent step ----------------------------------------------------------------------------


def _update_cases():
    """(label, params, grads, alpha): the course's network with backward's gradients on real digits, and small ones."""
    X, Y = _digits()
    label, _, _, params = _net_case(numpy_net.LAYER_SIZES, 1, seed=6)
    grads = numpy_net.backward(Y, params, numpy_net.forward(X, params)[1])
    grads = {f"d{key}": grads[f"d{key}"] for key in params}  # in the order of params: dW1 first
    cases = [("400-25-15-1 on real digits, alpha = 0.1", params, grads, 0.1)]
    for sizes, alpha, seed in (((3, 4, 1), 0.5, 7), ((5, 3, 2, 1), 2.0, 8)):  # alpha ≠ 1, so ignoring it shows
        label, _, _, params = _net_case(sizes, 1, seed)
        rng = np.random.default_rng(seed)
        grads = {f"d{key}": rng.normal(size=value.shape) for key, value in params.items()}
        cases.append((f"{label.split(' (')[0]}, alpha = {alpha}", params, grads, alpha))
    return cases


def check_my_update(fn):
    """Check fn(params, grads, alpha) -> new params, θ - α dθ for each θ, leaving params and grads unchanged."""
    _needs_function(fn, "check_my_update", "my_update")
    cases = _update_cases()
    for k, (label, params, grads, alpha) in enumerate(cases, 1):
        case = _case(k, len(cases), label)
        given = copy.deepcopy((params, grads))
        handed = [dict(d) for d in given]  # the array objects handed over, to tell replaced from changed in place
        got = _call(fn, (*given, alpha), case)
        for name, passed, before, original in zip(("params", "grads"), given, handed, (params, grads), strict=True):
            _unchanged(name, passed, before, original, case)
        if got is given[1] or (isinstance(got, dict) and got and all(str(key).startswith("d") for key in got)):
            _fail("this returns the gradients, not the new parameters: return {key: θ - α dθ}", case)
        _keys(
            _dict(got, "the new parameters", case),
            params,
            "the new parameters",
            case,
            "every parameter, weights and biases: " + ", ".join(params),
        )
        want = numpy_net.update(params, grads, alpha)
        for key in params:
            value = _array(got[key], key, params[key].shape, {}, case)
            _compare(value, want[key], _update_mistakes(key, params[key], grads["d" + key], alpha), key, case)
    return True


def _update_mistakes(key, theta, d_theta, alpha):
    """(result, why) of the usual slips in θ := θ - α dθ, for one parameter θ = params[key]."""
    rule = "θ := θ - α dθ"
    return [
        (theta + alpha * d_theta, f"moves up the gradient, θ + α dθ: a descent step subtracts, {rule}"),
        (theta - d_theta, f"ignores alpha: {rule}"),
        (theta - d_theta / alpha, f"divides by alpha: {rule}"),
        (theta, f"was not updated: {rule} for every parameter, weights and biases"),
        (-alpha * d_theta, f"is only the step -α dθ: {rule}"),
        (d_theta, f"is the gradient d{key}, not the new {key}"),
    ]


def _unchanged(name, passed, before, original, case):
    """Fail if fn changed the dict it was given: a key replaced or added, or an array changed in place."""
    for key in original:
        if passed.get(key) is not before[key]:
            _fail(
                f"this wrote into the {name} dict it was given ({name}['{key}'] = ...): put the new values "
                "in a new dict and return that",
                case,
            )
        if not np.array_equal(passed[key], original[key]):
            _fail(
                f"this changed {name}['{key}'] in place (e.g. with -=): compute new arrays, "
                f"{name}[key] - alpha * ..., in a new dict and leave {name} as it was",
                case,
            )
    if set(passed) != set(original):
        _fail(f"this added keys to the {name} dict it was given: return a new dict instead", case)


# --- The check cell ---------------------------------------------------------------------------------------

PASSED = {
    check_my_dense: "my_dense agrees with numpy_net on a real digit, other layer sizes, g = sigmoid, tanh, identity",
    check_my_dense_v: "my_dense_v agrees with numpy_net on real digits, m = 1, other layer sizes and activations",
    check_my_model: "400 inputs, Dense layers of 25, 15 and 1 sigmoid units, and its outputs match NumPy's",
    check_my_backward: "the gradients agree with numpy_net.backward on real digits, m = 1, and 2, 3 and 4 layers",
    check_my_update: "the step agrees with numpy_net.update, and params and grads are left unchanged",
}


class Verdict(str):
    """run's line. Printed once: a notebook shows a cell's last value too, and this one shows nothing there."""

    def _ipython_display_(self):
        pass


def run(check, answer) -> Verdict:
    """Run check(answer) and print and return one line: "correct: ..." or "not yet: ...". Never raises.

    For an exercise's check cell, e.g. practice.run(practice.check_my_dense, my_dense).
    """
    if not any(check is known for known in PASSED):
        message = f"not yet: run(check, answer) takes one of the checks, e.g. practice.check_my_dense; got {check!r}"
    else:
        try:
            if check is check_my_model and inspect.isfunction(answer):  # the exercise's my_model(), to be called
                answer = answer()
            check(answer)
        except NotImplementedError:
            message = "not yet: fill in the cell above (it still raises NotImplementedError)"
        except AssertionError as error:
            message = f"not yet: {error}"
        except TypeError as error:  # not a function: the check's own message says what it needs
            message = f"not yet: {error}"
        except Exception as error:  # e.g. an unreadable data file: said, not raised
            message = f"not yet: {type(error).__name__}: {error}"
        else:
            message = f"correct: {PASSED[check]}"
    print(message)
    return Verdict(message)
