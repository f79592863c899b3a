"""snippets.numpy_net and snippets.training: shapes, loop = vectorized, training, and bad input."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from snippets import numpy_net as nn
from snippets.activations import sigmoid
from snippets.training import train


def test_init_params_shapes_follow_the_notes():
    """W[l] is (n[l], n[l-1]), b[l] is (n[l], 1); 400-25-15-1 has 10,431 parameters."""
    params = nn.init_params()
    assert {k: v.shape for k, v in params.items()} == {
        "W1": (25, 400), "b1": (25, 1), "W2": (15, 25), "b2": (15, 1), "W3": (1, 15), "b3": (1, 1),
    }  # fmt: skip
    assert sum(v.size for v in params.values()) == 10431
    np.testing.assert_array_equal(params["W1"], nn.init_params(seed=0)["W1"])
    assert not np.array_equal(params["W1"], nn.init_params(seed=1)["W1"])


def test_dense_loop_equals_vectorized_on_real_digits(digits):
    """The loop layer and the vectorized layer give the same activations on real digits."""
    X, _ = digits
    params = nn.init_params(seed=0)
    A_loop = nn.dense_loop(X[:, :20], params["W1"], params["b1"] + 0.1)
    A_vec = nn.dense(X[:, :20], params["W1"], params["b1"] + 0.1)
    assert A_loop.shape == A_vec.shape == (25, 20)
    np.testing.assert_allclose(A_loop, A_vec, rtol=1e-12)


def test_forward_matches_composed_layers_and_caches_everything(digits):
    """forward = dense(dense(dense(X))); the cache holds every Z[l] and A[l] with (n[l], m) shapes."""
    X, _ = digits
    params = nn.init_params(seed=0)
    AL, cache = nn.forward(X, params)
    manual = X
    for l in (1, 2, 3):
        manual = nn.dense(manual, params[f"W{l}"], params[f"b{l}"], sigmoid)
    np.testing.assert_allclose(AL, manual, rtol=1e-14)
    assert [cache[f"A{l}"].shape for l in range(4)] == [(400, 200), (25, 200), (15, 200), (1, 200)]
    assert cache["Z3"].shape == (1, 200)


def test_backward_gradient_shapes_match_params(digits):
    """Each dW[l], db[l] has the shape of W[l], b[l]."""
    X, Y = digits
    params = nn.init_params(seed=0)
    grads = nn.backward(Y, params, nn.forward(X, params)[1])
    assert {k: v.shape for k, v in grads.items()} == {"d" + k: v.shape for k, v in params.items()}


def test_update_is_one_gradient_step_and_leaves_inputs_alone(small):
    """update returns θ - α dθ and does not modify params in place."""
    _, _, params = small
    grads = {"d" + k: np.ones_like(v) for k, v in params.items()}
    before = {k: v.copy() for k, v in params.items()}
    new = nn.update(params, grads, 0.1)
    for key in params:
        np.testing.assert_array_equal(params[key], before[key])
        np.testing.assert_allclose(new[key], before[key] - 0.1)


def test_train_lowers_loss_full_batch_and_minibatch(digits):
    """Loss falls over epochs; history has one loss and accuracy per epoch."""
    X, Y = digits
    for batch_size, epochs, lr in ((None, 100, 2.0), (32, 15, 0.5)):
        params, history = train(X, Y, epochs=epochs, lr=lr, batch_size=batch_size)
        assert len(history["loss"]) == len(history["accuracy"]) == epochs
        assert history["loss"][-1] < 0.5 * history["loss"][0]
        assert history["accuracy"][-1] > 0.95


def test_train_is_deterministic_for_a_seed(digits):
    """Same seed, same weights and history; another seed, other weights."""
    X, Y = digits
    p1, h1 = train(X, Y, epochs=3, batch_size=16, seed=5)
    p2, h2 = train(X, Y, epochs=3, batch_size=16, seed=5)
    p3, _ = train(X, Y, epochs=3, batch_size=16, seed=6)
    assert h1 == h2
    np.testing.assert_array_equal(p1["W1"], p2["W1"])
    assert not np.array_equal(p1["W1"], p3["W1"])


def test_predict_thresholds_at_half(small):
    """predict is 1 exactly where predict_proba >= 0.5."""
    X, _, params = small
    P = nn.predict_proba(X, params)
    np.testing.assert_array_equal(nn.predict(X, params), (P >= 0.5).astype(int))


# Every public function, every mistake a user can make: each raises a ValueError naming what was expected.
W, b, A = np.ones((3, 4)), np.zeros((3, 1)), np.ones((4, 5))
PARAMS = nn.init_params((4, 3, 1))


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: nn.dense(A.T, W, b), r"examples look like rows.*A_prev\.T"),
        (lambda: nn.dense(np.ones((6, 5)), W, b), r"A_prev must have shape \(4, m\)"),
        (lambda: nn.dense(A, W, np.zeros(3)), r"b must have shape \(3, 1\)"),
        (lambda: nn.dense_loop(A, W, np.zeros((1, 3))), r"b must have shape \(3, 1\)"),
        (lambda: nn.dense(np.full((4, 5), np.nan), W, b), "NaN"),
        (lambda: nn.dense(np.full((4, 5), np.inf), W, b), "inf"),
        (lambda: nn.dense(np.ones((4, 0)), W, b), "empty"),
        (lambda: nn.forward(np.ones((5, 4)), PARAMS), r"examples look like rows.*X\.T"),
        (lambda: nn.forward(A, {"W1": W}), r"b1"),
        (lambda: nn.forward(A, {"W1": W, "b1": b, "W2": np.ones((1, 2)), "b2": np.zeros((1, 1))}), "W2 must have 3"),
        (lambda: nn.backward(np.array([[0, 1, 2, 0, 1]]), PARAMS, nn.forward(A, PARAMS)[1]), "labels 0 or 1"),
        (lambda: nn.backward(np.ones((1, 3)), PARAMS, nn.forward(A, PARAMS)[1]), r"shape \(1, 5\)"),
        (lambda: nn.update(PARAMS, {}, 0.1), "grads lacks"),
        (lambda: nn.update(PARAMS, {"d" + k: v for k, v in PARAMS.items()}, 0.0), "lr must be a positive"),
        (lambda: nn.update(PARAMS, {"d" + k: v for k, v in PARAMS.items()}, -1), "lr must be a positive"),
        (lambda: nn.init_params((400, 0, 1)), r"layer_sizes\[1\] must be an integer >= 1"),
        (lambda: nn.init_params((400,)), "needs an input and an output"),
        (lambda: nn.predict(np.ones((5, 4)), PARAMS), "examples look like rows"),
        (lambda: train(A, np.ones((1, 5)), epochs=0), "epochs must be an integer >= 1"),
        (lambda: train(A, np.ones((1, 5)), lr=0), "lr must be a positive"),
        (lambda: train(A, np.ones((1, 5)), batch_size=0), "batch_size must be an integer >= 1"),
        (lambda: train(A, np.ones((1, 4))), r"Y must have shape \(1, 5\)"),
        (lambda: train(A, np.full((1, 5), 0.5)), "labels 0 or 1"),
        (lambda: train(A, np.ones((1, 5)), params=nn.init_params((3, 1))), r"X must have shape \(3, m\)"),
    ],
)
def test_public_functions_reject_bad_input(call, message):
    """Wrong layout, mismatched W/A_prev, bad b, labels, NaN/inf, empty, lr <= 0, sizes < 1 raise ValueError."""
    with pytest.raises(ValueError, match=message):
        call()


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 12), st.integers(1, 12), st.integers(1, 20), st.integers(0, 2**32 - 1))
def test_dense_shape_rule_and_mismatch_property(n_in, n_out, m, seed):
    """For any sizes: (n_out, n_in) @ (n_in, m) + (n_out, 1) -> (n_out, m); loop and vectorized agree;
    an A_prev with a different number of rows is refused."""
    rng = np.random.default_rng(seed)
    W, b, A_prev = rng.normal(size=(n_out, n_in)), rng.normal(size=(n_out, 1)), rng.normal(size=(n_in, m))
    A = nn.dense(A_prev, W, b)
    assert A.shape == (n_out, m) and np.all((A >= 0) & (A <= 1))
    np.testing.assert_allclose(nn.dense_loop(A_prev, W, b), A, rtol=1e-12, atol=1e-15)
    with pytest.raises(ValueError, match=rf"A_prev must have shape \({n_in}, m\)"):
        nn.dense(rng.normal(size=(n_in + 1, m)), W, b)
