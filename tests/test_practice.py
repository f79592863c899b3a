"""snippets.practice: right answers pass in several styles; typical wrong ones fail with their mistake named."""

import copy
import subprocess
import sys

import numpy as np
import pytest

from snippets import numpy_net
from snippets.activations import sigmoid_prime
from snippets.practice import exercise_checks as checks
from snippets.practice import solutions


def stub(*args):
    raise NotImplementedError


# --- my_dense: one example, unit by unit ------------------------------------------------------------------


def dense_vectorized(a_in, W, b, g):
    return g(W @ a_in + b)


def dense_einsum(a_in, W, b, g):
    return g(np.einsum("ji,i->j", W, a_in) + b)


def dense_numpy_net(a_in, W, b, g):
    return numpy_net.dense_loop(a_in.reshape(-1, 1), W, b.reshape(-1, 1), g).ravel()


@pytest.mark.parametrize("fn", [solutions.my_dense, dense_vectorized, dense_einsum, dense_numpy_net])
def test_check_my_dense_passes_right_answers(fn):
    """A loop over units, W @ a_in, einsum and numpy_net.dense_loop all pass."""
    assert checks.check_my_dense(fn) is True


def dense_lab_layout(a_in, W, b, g):  # the lab's W is (n_in, n_out): columns W[:, j] as units
    a = np.zeros(W.shape[1])
    for j in range(W.shape[1]):
        a[j] = g(np.dot(W[:, j], a_in) + b[j])
    return a


def dense_sized_from_input(a_in, W, b, g):
    a = np.zeros(len(a_in))
    for j in range(W.shape[0]):
        a[j] = g(np.dot(W[j], a_in) + b[j])
    return a


def dense_own_sigmoid(a_in, W, b, g):
    return 1 / (1 + np.exp(-(W @ a_in + b)))


WRONG_DENSE = [
    (dense_lab_layout, r"written for the course lab.s layout.*the row W\[j\]"),
    (dense_sized_from_input, r"has shape \(400,\) but should be \(25,\).*is W transposed"),
    (dense_own_sigmoid, r"is σ\(W a_in \+ b\) although g is tanh: apply the g you are given"),
    (lambda a_in, W, b, g: W @ a_in + b, r"no activation"),
    (lambda a_in, W, b, g: g(W @ a_in), r"no bias"),
    (lambda a_in, W, b, g: W @ a_in, r"neither the bias b nor the activation g"),
    (lambda a_in, W, b, g: g(W @ a_in + b).reshape(-1, 1), r"return a 1-D array"),
    (lambda a_in, W, b, g: list(g(W @ a_in + b)), r"is a list, not a NumPy array"),
    (lambda a_in, W, b, g: None, r"is None: did you forget to `return` it"),
    (lambda a_in, W, b, g: np.full(W.shape[0], np.nan), r"NaN"),
    (lambda a_in, W, b, g: (W @ a_in + b > 0).astype(int), r"holds int64 values, not floats"),
    (lambda a_in, W, b, g: g(W @ a_in + b) + 0.01, r"differs from the expected values: at \d+ it is"),
    (lambda a_in, W, b, g: g(W.T @ a_in + b) if W.shape[0] == W.shape[1] else g(W @ a_in + b), r"W transposed"),
]


@pytest.mark.parametrize(("fn", "mistake"), WRONG_DENSE)
def test_check_my_dense_names_the_mistake(fn, mistake):
    """Each typical wrong my_dense fails with an AssertionError that names its mistake."""
    with pytest.raises(AssertionError, match=mistake):
        checks.check_my_dense(fn)


def test_check_my_dense_message_names_the_case_and_shapes():
    """The message says in which case the mistake showed, with that case's shapes and g."""
    with pytest.raises(AssertionError, match=r"case 2 of 5, 3 inputs into 4 units: a_in \(3,\), W \(4, 3\), b \(4,\)"):
        checks.check_my_dense(dense_own_sigmoid)


# --- my_dense_v: m examples at once -----------------------------------------------------------------------


def dense_v_rows(A_in, W, b, g):  # Keras' layout inside, the notes' outside
    return g(A_in.T @ W.T + b.T).T


def dense_v_einsum(A_in, W, b, g):
    return g(np.einsum("ji,im->jm", W, A_in) + b)


RIGHT_DENSE_V = [solutions.my_dense_v, numpy_net.dense, numpy_net.dense_loop, dense_v_rows, dense_v_einsum]


@pytest.mark.parametrize("fn", RIGHT_DENSE_V)
def test_check_my_dense_v_passes_right_answers(fn):
    """np.matmul, numpy_net's dense and dense_loop, the transposed layout undone, and einsum all pass."""
    assert checks.check_my_dense_v(fn) is True


WRONG_DENSE_V = [
    (lambda A_in, W, b, g: g(A_in.T @ W.T + b.T), r"has shape \(1, 25\) but should be \(25, 1\): is W transposed"),
    (lambda A_in, W, b, g: g(W @ A_in + b.ravel()), r"\(25, 25\).*was b added as a row"),
    (lambda A_in, W, b, g: g(W @ A_in[:, 0] + b[:, 0]), r"keep the 2-D shape \(n_out, m\)"),
    (lambda A_in, W, b, g: 1 / (1 + np.exp(-(W @ A_in + b))), r"although g is tanh"),
    (lambda A_in, W, b, g: W @ A_in + b, r"no activation"),
    (lambda A_in, W, b, g: g(W @ A_in), r"no bias"),
    (lambda A_in, W, b, g: (W @ A_in + b).tolist(), r"is a list, not a NumPy array"),
    (lambda A_in, W, b, g: g(A_in.T @ W + b), r"raised ValueError.*Z = W A_in \+ b"),
    (lambda A_in, W, b, g: g(W.T @ A_in + b) if W.shape[0] == W.shape[1] else g(W @ A_in + b), r"W transposed"),
]


@pytest.mark.parametrize(("fn", "mistake"), WRONG_DENSE_V)
def test_check_my_dense_v_names_the_mistake(fn, mistake):
    """Each typical wrong my_dense_v fails with an AssertionError that names its mistake."""
    with pytest.raises(AssertionError, match=mistake):
        checks.check_my_dense_v(fn)


# --- my_backward ------------------------------------------------------------------------------------------


def backward_numpy_net(X, Y, params, cache):
    return numpy_net.backward(Y, params, cache)


def backward_from_Z(X, Y, params, cache):  # σ'(Z) from the cached Z, every dZ first, then a dict comprehension
    L, m = len(params) // 2, X.shape[1]
    dZ = {L: cache[f"A{L}"] - Y}
    for l in range(L, 1, -1):
        dZ[l - 1] = (params[f"W{l}"].T @ dZ[l]) * sigmoid_prime(cache[f"Z{l - 1}"])
    dW = {f"dW{l}": dZ[l] @ cache[f"A{l - 1}"].T / m for l in dZ}
    return dW | {f"db{l}": dZ[l].mean(axis=1, keepdims=True) for l in dZ}


@pytest.mark.parametrize("fn", [solutions.my_backward, backward_numpy_net, backward_from_Z])
def test_check_my_backward_passes_right_answers(fn):
    """The notes' loop, numpy_net.backward, and σ'(Z) from the cache with a dict comprehension all pass."""
    assert checks.check_my_backward(fn) is True


def backward_with(*, scale=1.0, sign=1.0, db=None, dW=None, g_prime=lambda A: A * (1 - A), keys="d{}"):
    """solutions.my_backward with one slip: a factor on the gradients, a sign, another db, dW or σ', other keys."""

    def fn(X, Y, params, cache):
        L, m = len(params) // 2, X.shape[1]
        grads, dZ = {}, sign * (cache[f"A{L}"] - Y)
        for l in range(L, 0, -1):
            A_prev = cache[f"A{l - 1}"]
            grads[keys.format(f"W{l}")] = scale * (dW or (lambda dZ, A: dZ @ A.T))(dZ, A_prev) / m
            grads[keys.format(f"b{l}")] = scale * (db or (lambda dZ: dZ.sum(axis=1, keepdims=True)))(dZ) / m
            if l > 1:
                dZ = (params[f"W{l}"].T @ dZ) * g_prime(A_prev)
        return grads

    return fn


def backward_three_layers(X, Y, params, cache):  # 400-25-15-1 written out: L = 3 whatever the params
    grads, dZ, m = {}, cache["A3"] - Y, X.shape[1]
    for l in (3, 2, 1):
        grads[f"dW{l}"], grads[f"db{l}"] = dZ @ cache[f"A{l - 1}"].T / m, dZ.sum(axis=1, keepdims=True) / m
        dZ = (params[f"W{l}"].T @ dZ) * cache[f"A{l - 1}"] * (1 - cache[f"A{l - 1}"])
    return grads


WRONG_BACKWARD = [
    (backward_with(scale=6.0), r"dW3 is m = 6 times too large: the 1/m of the mean loss is missing"),
    (backward_with(scale=1 / 6), r"dW3 is m = 6 times too small: 1/m is applied twice"),
    (backward_with(sign=-1.0), r"dW3 has the wrong sign"),
    (backward_with(db=lambda dZ: dZ), r"db3 has shape \(1, 6\) but should be \(1, 1\): dZ was not summed"),
    (backward_with(db=lambda dZ: dZ.sum(axis=1)), r"db3 has shape \(1,\).*keepdims=True"),
    (backward_with(db=lambda dZ: dZ.sum(axis=0)), r"db3 has shape \(6,\).*summed over the units \(axis 0\)"),
    (backward_with(db=lambda dZ: dZ.sum()), r"db3 has shape \(\).*summed over everything"),
    (backward_with(dW=lambda dZ, A: A @ dZ.T), r"dW3 has shape \(15, 1\) but should be \(1, 15\): is dW3 transposed"),
    (backward_with(g_prime=np.ones_like), r"dW2 .*leaves out σ'\(Z\)"),
    (backward_with(g_prime=lambda A: 1 / (1 + np.exp(-A)) * (1 - 1 / (1 + np.exp(-A)))), r"uses σ'\(A\)"),
    (backward_with(g_prime=lambda A: A), r"dW2 differs.*layers above are right: look at the step back to layer 2"),
    (backward_with(keys="{}"), r"the gradients lack dW1, db1, dW2, db2, dW3, db3.*with a d in front"),
    (backward_three_layers, r"raised KeyError.*L = 2 layers"),
    (lambda X, Y, params, cache: None, r"the gradients should be a dict but is NoneType: did you forget to `return`"),
    (lambda X, Y, params, cache: [np.zeros(1)], r"should be a dict but is list"),
    (backward_with(scale=np.nan), r"dW3 contains NaN"),
]


@pytest.mark.parametrize(("fn", "mistake"), WRONG_BACKWARD)
def test_check_my_backward_names_the_mistake(fn, mistake):
    """Each typical wrong my_backward fails with an AssertionError that names its mistake."""
    with pytest.raises(AssertionError, match=mistake):
        checks.check_my_backward(fn)


def test_check_my_backward_catches_a_transposed_square_dW():
    """dW2.T, with the shape of W2 where W2 is square (the 4-3-3-2-1 case), is named as transposed."""

    def fn(X, Y, params, cache):
        grads = numpy_net.backward(Y, params, cache)
        return {**grads, "dW2": grads["dW2"].T} if params["W2"].shape == (3, 3) else grads

    with pytest.raises(AssertionError, match=r"dW2 is transposed.*case 5 of 5, a 4-3-3-2-1 network"):
        checks.check_my_backward(fn)


# --- my_update --------------------------------------------------------------------------------------------


def update_comprehension(params, grads, alpha):
    return {key: params[key] - alpha * grads["d" + key] for key in params}


def update_copy_then_in_place(params, grads, alpha):  # in place, but on a deep copy: allowed
    new = copy.deepcopy(params)
    for key in new:
        new[key] -= alpha * grads["d" + key]
    return new


@pytest.mark.parametrize("fn", [solutions.my_update, update_comprehension, update_copy_then_in_place, numpy_net.update])
def test_check_my_update_passes_right_answers(fn):
    """A loop into a new dict, a dict comprehension, -= on a deep copy and numpy_net.update all pass."""
    assert checks.check_my_update(fn) is True


def update_in_place(params, grads, alpha):
    for key in params:
        params[key] -= alpha * grads["d" + key]
    return params


def update_into_given_dict(params, grads, alpha):
    for key in params:
        params[key] = params[key] - alpha * grads["d" + key]
    return params


def update_scaling_grads(params, grads, alpha):
    for key in grads:
        grads[key] *= alpha
    return {key: params[key] - grads["d" + key] for key in params}


WRONG_UPDATE = [
    (update_in_place, r"changed params\['W1'\] in place"),
    (update_into_given_dict, r"wrote into the params dict it was given"),
    (update_scaling_grads, r"changed grads\['dW1'\] in place"),
    (lambda p, g, alpha: {k: p[k] + alpha * g["d" + k] for k in p}, r"W1 moves up the gradient"),
    (lambda p, g, alpha: {k: p[k] - g["d" + k] for k in p}, r"W1 ignores alpha"),
    (lambda p, g, alpha: {k: p[k] - g["d" + k] / alpha for k in p}, r"divides by alpha"),
    (lambda p, g, alpha: {k: p[k] - alpha * g["d" + k] for k in p if k.startswith("W")}, r"lack b1, b2, b3"),
    (lambda p, g, alpha: {k: p[k] - alpha * g["d" + k] if k[0] == "W" else p[k] for k in p}, r"b1 was not updated"),
    (lambda p, g, alpha: g, r"returns the gradients, not the new parameters"),
    (lambda p, g, alpha: {k: -alpha * g["d" + k] for k in p}, r"is only the step -α dθ"),
    (lambda p, g, alpha: {**p, **{"d" + k: p[k] - alpha * g["d" + k] for k in p}}, r"unexpected keys dW1, db1"),
    (lambda p, g, alpha: None, r"the new parameters should be a dict but is NoneType"),
    (lambda p, g, alpha: {k: (p[k] - alpha * g["d" + k]).tolist() for k in p}, r"W1 is a list, not a NumPy array"),
]


@pytest.mark.parametrize(("fn", "mistake"), WRONG_UPDATE)
def test_check_my_update_names_the_mistake(fn, mistake):
    """Each typical wrong my_update fails with an AssertionError that names its mistake."""
    with pytest.raises(AssertionError, match=mistake):
        checks.check_my_update(fn)


# --- my_model (Keras) -------------------------------------------------------------------------------------


def model_with(units=(25, 15, 1), activations=("sigmoid",) * 3, n_in=400, use_bias=True):
    import keras

    layers = [keras.layers.Dense(n, activation=g, use_bias=use_bias) for n, g in zip(units, activations, strict=True)]
    return keras.Sequential([keras.Input(shape=(n_in,)), *layers])


def model_added_layer_by_layer():
    import keras

    model = keras.Sequential()
    model.add(keras.Input(shape=(400,)))
    for n in (25, 15, 1):
        model.add(keras.layers.Dense(n, activation=keras.activations.sigmoid))
    return model


def keras_built(build):
    """build(keras), called when the test runs: no Keras import while collecting."""

    def make():
        import keras

        return build(keras)

    return make


def functional_model(keras):
    inputs = keras.Input(shape=(400,))
    return keras.Model(inputs, keras.layers.Dense(1, activation="sigmoid")(inputs))


def keras_net_model():
    from snippets import keras_net

    return keras_net.build_model()


RIGHT_MODELS = [  # each gives what the check is handed
    solutions.my_model,
    model_added_layer_by_layer,
    keras_net_model,
    lambda: solutions.my_model,  # the builder itself: the check calls it
]


@pytest.mark.parametrize("make", RIGHT_MODELS)
def test_check_my_model_passes_right_answers(make):
    """The reference model, one built with add(), keras_net.build_model() and the reference builder itself pass."""
    assert checks.check_my_model(make()) is True


WRONG_MODELS = [
    (lambda: model_with(units=(10, 15, 1)), r"wrong number of units in layer 1: expected 25 but got 10"),
    (lambda: model_with(activations=("sigmoid", "relu", "sigmoid")), r"wrong activation in layer 2: .* got relu"),
    (lambda: model_with(activations=("sigmoid", "sigmoid", None)), r"layer 3: .* got linear \(no activation\)"),
    (lambda: model_with(units=(25, 1), activations=("sigmoid",) * 2), r"wrong number of layers: .* 2 Dense layers"),
    (lambda: model_with(n_in=784), r"wrong input size: the input has shape \(784,\) but should be \(400,\)"),
    (lambda: model_with(use_bias=False), r"layer 1 has no bias"),
    (keras_built(lambda keras: keras.Sequential([keras.layers.Dense(25)])), r"no input size: start it with"),
    (keras_built(lambda keras: keras.Sequential([keras.Input(shape=(400,)), keras.layers.Flatten()])), r"a Flatten"),
    (keras_built(functional_model), r"not a Sequential one"),
    (lambda: None, r"NoneType, not a Keras model"),
    (keras_built(lambda keras: [keras.layers.Dense(25)]), r"list, not a Keras model"),
    (lambda: lambda: "model", r"str, not a Keras model"),  # a builder that returns no model
]


@pytest.mark.parametrize(("make", "mistake"), WRONG_MODELS)
def test_check_my_model_names_the_mistake(make, mistake):
    """Wrong units, activations, layer counts, input size, bias, layer kinds and non-models are each named."""
    with pytest.raises(AssertionError, match=mistake):
        checks.check_my_model(make())


# --- Not filled in, bad arguments, and the check cell -----------------------------------------------------

CHECKS = [checks.check_my_dense, checks.check_my_dense_v, checks.check_my_backward, checks.check_my_update]


@pytest.mark.parametrize("check", CHECKS)
def test_checks_let_not_implemented_through(check):
    """A stub's NotImplementedError reaches the caller unchanged, not as an AssertionError."""
    with pytest.raises(NotImplementedError):
        check(stub)


@pytest.mark.parametrize("check", CHECKS)
@pytest.mark.parametrize("answer", [42, np.zeros(3), None])
def test_checks_refuse_a_non_function(check, answer):
    """A check given something other than a function says it needs the function itself."""
    with pytest.raises(TypeError, match=r"needs your function itself, as in check_my_\w+\(my_\w+\)"):
        check(answer)


def test_learner_exception_becomes_an_assertion_naming_it():
    """An exception inside the learner's function is reported as an AssertionError with its type and message."""

    def broken(a_in, W, b, g):
        return 1 / 0

    with pytest.raises(AssertionError, match=r"broken raised ZeroDivisionError: division by zero") as info:
        checks.check_my_dense(broken)
    assert isinstance(info.value.__cause__, ZeroDivisionError)


def test_run_says_correct_for_a_right_answer(capsys):
    """run prints and returns "correct: ..." for a right answer."""
    message = checks.run(checks.check_my_dense, solutions.my_dense)
    assert message.startswith("correct: my_dense agrees with numpy_net")
    assert capsys.readouterr().out == message + "\n"


def test_the_verdict_shows_once_in_a_notebook():
    """A check cell ends with checks.run(...): its line is printed, and IPython displays nothing more for the
    value it returns, so the verdict shows once."""
    ipython = pytest.importorskip("IPython", reason="a notebook's display needs IPython, which the package does not")
    from IPython.utils.capture import capture_output

    shell = ipython.core.interactiveshell.InteractiveShell.instance()
    shell.user_ns.update(checks=checks, solutions=solutions)
    with capture_output() as captured:
        shell.run_cell("checks.run(checks.check_my_dense, solutions.my_dense)")
    assert captured.stdout.count("correct: my_dense agrees") == 1 and not captured.outputs, captured.stdout


def test_my_dense_adding_all_of_b_to_each_unit_is_named():
    """a[j] = g(W[j] · a_in + b), with all of b, makes NumPy say "setting an array element with a sequence": the
    check names that mistake, not a transposed W."""

    def whole_b(a_in, W, b, g):
        a = np.zeros(W.shape[0])
        for j in range(W.shape[0]):
            a[j] = g(np.dot(W[j], a_in) + b)
        return a

    message = checks.run(checks.check_my_dense, whole_b)
    assert "add b[j], not all of b" in message and "transposed" not in message, message


def test_run_says_not_yet_for_a_stub_and_a_wrong_answer():
    """run returns "not yet: ..." for a NotImplementedError stub (fill in) and for a wrong answer (its mistake)."""
    assert checks.run(checks.check_my_update, stub) == (
        "not yet: fill in the cell above (it still raises NotImplementedError)"
    )
    assert checks.run(checks.check_my_model, stub) == (
        "not yet: fill in the cell above (it still raises NotImplementedError)"
    )
    assert checks.run(checks.check_my_update, update_in_place).startswith("not yet: this changed params['W1'] in place")


def test_run_never_raises_on_bad_arguments():
    """run answers "not yet: ..." for a non-function answer and for something that is not a check."""
    assert checks.run(checks.check_my_dense, 42).startswith("not yet: check_my_dense needs your function itself")
    assert checks.run(print, solutions.my_dense).startswith("not yet: run(check, answer) takes one of the checks")
    assert checks.run(np.zeros(2), None).startswith("not yet: run(check, answer)")


def test_import_does_not_load_keras():
    """Importing the exercise checks and their solutions loads neither Keras nor TensorFlow."""
    code = (
        "import sys, snippets.practice.exercise_checks, snippets.practice.solutions;"
        " print({'keras', 'tensorflow'} & set(sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "set()"


def test_a_solution_in_the_lab_layout_is_named_as_such():
    """my_dense and my_dense_v written as the course lab writes them (W as (inputs, units), examples as rows) fail
    with a message naming the lab's layout and the notes', not a shape error."""

    def lab_dense(a_in, W, b, g):
        units = W.shape[1]
        a_out = np.zeros(units)
        for j in range(units):
            a_out[j] = g(np.dot(W[:, j], a_in) + b[j])
        return a_out

    def lab_dense_v(A_in, W, b, g):
        return g(np.matmul(A_in, W) + b)

    for check, solution in ((checks.check_my_dense, lab_dense), (checks.check_my_dense_v, lab_dense_v)):
        with pytest.raises(AssertionError, match=r"written for the course lab's layout.*notes' layout is") as failed:
            check(solution)
        assert "ValueError" not in str(failed.value)
