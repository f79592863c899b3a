"""The notes' own snippets: verbatim, and equal to the library functions the rest of the site uses."""

import inspect

import numpy as np
import pytest

from snippets import keras_net, numpy_net, training

# The lines as the course notes write them; the module must hold each one exactly.
from snippets.course import notes

VERBATIM = [
    "Z1 = np.dot(W1, X) + b1",
    "A1 = sigmoid(Z1)",
    "Z2 = np.dot(W2, A1) + b2",
    "A2 = sigmoid(Z2)",
    "for i in range(m):",
    "z[i] = np.dot(W, X[:, i]) + b",
    "Z = np.dot(W, X) + b",
    "A = np.array([[1, 2, 3]])",
    "B = np.array([[1], [2], [3]])",
    "model = Sequential([Input(shape=(400,)), Dense(25, activation='sigmoid'), "
    "Dense(15, activation='sigmoid'), Dense(1, activation='sigmoid')])",
]


def test_notes_module_holds_the_snippets_verbatim():
    """Every line quoted from the notes appears, character for character, in snippets/course/notes.py."""
    lines = {line.strip() for line in inspect.getsource(notes).splitlines()}
    missing = [line for line in VERBATIM if line not in lines]
    assert not missing, missing
    # the loop on two lines, as the notes write it, its body indented under the for
    assert "    for i in range(m):\n        z[i] = np.dot(W, X[:, i]) + b\n" in inspect.getsource(notes)


def test_notes_forward_equals_numpy_net_forward_on_real_digits(test_set):
    """The notes' Z1 ... A3 equal numpy_net.forward on all 2,115 test digits, untrained and trained weights."""
    X, Y = test_set
    for params in (numpy_net.init_params(seed=0), training.train(X[:, :300], Y[:, :300], epochs=3, lr=1.0)[0]):
        A3 = notes.forward(X, **params)
        AL, _ = numpy_net.forward(X, params)
        assert A3.shape == (1, X.shape[1])
        np.testing.assert_allclose(A3, AL, rtol=0, atol=1e-15)


def test_notes_forward_checked_rejects_bad_input(test_set):
    """The checked wrapper names the transpose and the wrong number of layers instead of a NumPy shape error."""
    X, _ = test_set
    with pytest.raises(ValueError, match=r"pass X\.T"):
        notes.forward_checked(X.T, numpy_net.init_params(seed=0))
    with pytest.raises(ValueError, match="3 layers"):
        notes.forward_checked(X, numpy_net.init_params((400, 5, 1)))


def test_notes_loop_equals_vectorized_and_the_library_layer(test_set):
    """z from the loop over examples, transposed, equals Z = np.dot(W, X) + b and numpy_net.dense's W X + b."""
    X, _ = test_set
    params = numpy_net.init_params(seed=0)
    W, b = params["W1"][:1], params["b1"][:1] + 0.3
    z, Z = notes.loop(W, X[:, :300], b), notes.vectorized(W, X[:, :300], b)
    assert z.shape == (300, 1) and Z.shape == (1, 300)
    np.testing.assert_allclose(z.T, Z, rtol=0, atol=1e-13)
    np.testing.assert_allclose(Z, numpy_net.dense(X[:, :300], W, b, g=lambda Z: Z), rtol=0, atol=1e-13)


def test_notes_broadcasting_gives_the_row_plus_column_table():
    """[[1, 2, 3]] + [[1], [2], [3]] is the (3, 3) array with element (i, j) = B[i] + A[j]."""
    result = notes.broadcasting()
    assert result.shape == (3, 3)
    np.testing.assert_array_equal(result, [[2, 3, 4], [3, 4, 5], [4, 5, 6]])


@pytest.fixture(scope="module")
def keras():
    return pytest.importorskip("keras")


def test_notes_keras_model_equals_build_model(keras, digits):
    """Same layers, same initial weights from the same seed, same optimizer, and the same training history."""
    keras.utils.set_random_seed(0)
    plain = notes.keras_model()
    library = keras_net.build_model(seed=0)
    assert [(layer.units, layer.activation.__name__) for layer in plain.layers] == [
        (layer.units, layer.activation.__name__) for layer in library.layers
    ]
    for a, b in zip(plain.get_weights(), library.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)
    assert type(plain.optimizer) is type(library.optimizer)
    assert float(plain.optimizer.learning_rate) == pytest.approx(float(library.optimizer.learning_rate))

    X, Y = digits
    keras.utils.set_random_seed(0)
    plain_history = notes.keras_fit(plain, X, Y).history
    _, library_history = keras_net.train(X, Y, model=library, seed=0, epochs=10, batch_size=32)
    np.testing.assert_allclose(plain_history["loss"], library_history["loss"], rtol=1e-6)
    np.testing.assert_allclose(plain_history["accuracy"], library_history["accuracy"], rtol=1e-6)
