"""snippets.keras_net: the Keras twin's structure, weight transfer, agreement with NumPy, determinism."""

import numpy as np
import pytest

from snippets import keras_net, numpy_net


def test_build_model_parameter_counts_match_course():
    """Dense layers of 10,025 / 390 / 16 parameters, 10,431 in all, sigmoid, BCE and Adam(1e-3)."""
    model = keras_net.build_model()
    assert [layer.count_params() for layer in model.layers] == [10025, 390, 16]
    assert model.count_params() == 10431
    assert all(layer.activation.__name__ == "sigmoid" for layer in model.layers)
    assert model.loss.__class__.__name__ == "BinaryCrossentropy"
    assert model.optimizer.__class__.__name__ == "Adam"
    assert float(model.optimizer.learning_rate) == pytest.approx(1e-3)


def test_weight_transfer_round_trip_uses_kernel_transpose():
    """to_keras stores W.T as the kernel; from_keras gives back the same W and b."""
    params = numpy_net.init_params(seed=7)
    params["b1"] += 0.25
    model = keras_net.to_keras(params)
    kernel, bias = model.layers[0].get_weights()
    assert kernel.shape == (400, 25)
    np.testing.assert_allclose(kernel, params["W1"].T, rtol=1e-6)
    back = keras_net.from_keras(model)
    for key in params:
        assert back[key].shape == params[key].shape
        np.testing.assert_allclose(back[key], params[key], rtol=1e-6, atol=1e-7)


def test_same_weights_same_probabilities_on_whole_test_set(test_set):
    """NumPy and Keras probabilities agree to 1e-6 on all 2,115 test digits with the same weights."""
    X, _ = test_set
    model = keras_net.build_model(seed=3)
    params = keras_net.from_keras(model)  # Keras' float32 weights, exactly representable in float64
    P_keras = keras_net.predict_proba(X, model)
    P_numpy = numpy_net.predict_proba(X, params)
    assert P_keras.shape == P_numpy.shape == (1, 2115)
    assert np.max(np.abs(P_keras - P_numpy)) < 1e-6


def test_train_is_deterministic_and_history_like_numpy(digits):
    """Two seeded fits give identical histories, shaped {"loss": [...], "accuracy": [...]}."""
    X, Y = digits
    _, h1 = keras_net.train(X, Y, epochs=2, batch_size=32, seed=1)
    _, h2 = keras_net.train(X, Y, epochs=2, batch_size=32, seed=1)
    assert h1 == h2
    assert set(h1) == {"loss", "accuracy"} and len(h1["loss"]) == 2
    assert all(isinstance(v, float) for v in h1["loss"] + h1["accuracy"])


def test_callback_sees_each_epoch(digits):
    """The progress callback is called once per epoch with the history so far."""
    X, Y = digits
    seen = []
    keras_net.train(X, Y, epochs=2, callback=lambda epoch, history: seen.append((epoch, len(history["loss"]))))
    assert seen == [(0, 1), (1, 2)]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda m: keras_net.predict_proba(np.ones((5, 400)), m), r"examples look like rows"),
        (lambda m: keras_net.train(np.ones((400, 4)), np.array([[0, 1, 3, 0]]), model=m), "labels 0 or 1"),
        (lambda m: keras_net.train(np.ones((400, 4)), np.ones((1, 4)), epochs=0, model=m), "epochs"),
        (lambda m: keras_net.train(np.ones((400, 4)), np.ones((1, 4)), batch_size=-2, model=m), "batch_size"),
        (lambda m: keras_net.build_model(lr=0), "lr must be a positive"),
        (lambda m: keras_net.build_model((400, 0, 1)), r"layer_sizes\[1\]"),
        (lambda m: keras_net.to_keras(numpy_net.init_params((400, 3, 1)), m), "layers"),
        (lambda m: keras_net.to_keras(numpy_net.init_params((400, 5, 4, 1)), m), "kernel"),
    ],
)
def test_keras_functions_reject_bad_input(call, message):
    """Layout, labels, epochs, batch size, learning rate, layer sizes and mismatched weights raise ValueError."""
    model = keras_net.build_model()
    with pytest.raises(ValueError, match=message):
        call(model)
