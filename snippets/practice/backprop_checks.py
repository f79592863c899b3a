"""The checks of the backpropagation exercise (my_backward) and of the gradient-descent step (my_update)."""

import copy

import numpy as np

from snippets import numpy_net
from snippets.activations import sigmoid
from snippets.practice.checking import (
    answer_array,
    as_dict,
    call,
    case_label,
    compare,
    digits,
    fail,
    needs_function,
    same_keys,
)

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
    X, Y = digits()
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
    needs_function(fn, "check_my_backward", "my_backward")
    cases = _backward_cases()
    for k, (label, X, Y, params) in enumerate(cases, 1):
        case = case_label(k, len(cases), label)
        _, cache = numpy_net.forward(X, params)
        want = numpy_net.backward(Y, params, cache)
        L = len(params) // 2
        got = call(
            fn, copy.deepcopy((X, Y, params, cache)), case, f"; this network has L = {L} layers, len(params) // 2"
        )
        same_keys(
            as_dict(got, "the gradients", case),
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
    return [(numpy_net.backward_pass(Y, params, cache, L, g_prime), why) for g_prime, why in wrong]


def _check_grads(got, want, wrong_derivatives, m, case):
    """Each gradient from the output layer down, so the first one named is where the mistake starts."""
    L = len(want) // 2
    for l in range(L, 0, -1):
        above = "" if l == L else f"; the layers above are right: look at the step back to layer {l}, " + STEP_BACK
        for key in (f"dW{l}", f"db{l}"):
            grad = answer_array(got[key], key, want[key].shape, _grad_shape_hints(key, want[key].shape, m), case)
            mistakes = _grad_mistakes(key, want[key], m) + [(wrong[key], why) for wrong, why in wrong_derivatives]
            compare(grad, want[key], mistakes, key, case, above)


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
    X, Y = digits()
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
    needs_function(fn, "check_my_update", "my_update")
    cases = _update_cases()
    for k, (label, params, grads, alpha) in enumerate(cases, 1):
        case = case_label(k, len(cases), label)
        given = copy.deepcopy((params, grads))
        handed = [dict(d) for d in given]  # the array objects handed over, to tell replaced from changed in place
        got = call(fn, (*given, alpha), case)
        for name, passed, before, original in zip(("params", "grads"), given, handed, (params, grads), strict=True):
            _unchanged(name, passed, before, original, case)
        if got is given[1] or (isinstance(got, dict) and got and all(str(key).startswith("d") for key in got)):
            fail("this returns the gradients, not the new parameters: return {key: θ - α dθ}", case)
        same_keys(
            as_dict(got, "the new parameters", case),
            params,
            "the new parameters",
            case,
            "every parameter, weights and biases: " + ", ".join(params),
        )
        want = numpy_net.update(params, grads, alpha)
        for key in params:
            value = answer_array(got[key], key, params[key].shape, {}, case)
            compare(value, want[key], _update_mistakes(key, params[key], grads["d" + key], alpha), key, case)
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
            fail(
                f"this wrote into the {name} dict it was given ({name}['{key}'] = ...): put the new values "
                "in a new dict and return that",
                case,
            )
        if not np.array_equal(passed[key], original[key]):
            fail(
                f"this changed {name}['{key}'] in place (e.g. with -=): compute new arrays, "
                f"{name}[key] - alpha * ..., in a new dict and leave {name} as it was",
                case,
            )
    if set(passed) != set(original):
        fail(f"this added keys to the {name} dict it was given: return a new dict instead", case)
