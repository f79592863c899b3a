"""The course notes' own code, as the notes write it, run on real digits.

Each function wraps one snippet of the notes; `tests/test_notes.py` proves it equal to the library
function that the rest of the site uses (`numpy_net.forward`, `numpy_net.dense`, `keras_net.build_model`).
The marked sections are what the pages show. The lines are kept verbatim, so `ruff format` is off here.
"""

import numpy as np

from snippets.activations import sigmoid
from snippets.checks import as_examples
from snippets.numpy_net import check_params

# fmt: off


# --8<-- [start:forward]
def forward(X, W1, b1, W2, b2, W3, b3):
    """The notes' forward pass, to layer 3. X: (400, m). Returns A3: (1, m)."""
    Z1 = np.dot(W1, X) + b1
    A1 = sigmoid(Z1)
    Z2 = np.dot(W2, A1) + b2
    A2 = sigmoid(Z2)
    Z3 = np.dot(W3, A2) + b3
    A3 = sigmoid(Z3)
    return A3
# --8<-- [end:forward]


def forward_checked(X, params):
    """`forward` with the library's input checks first: params as from init_params, X (n[0], m)."""
    if check_params(params) != 3:
        raise ValueError("the notes' forward pass has 3 layers: params must hold W1, b1, W2, b2, W3, b3")
    return forward(as_examples("X", X, n_rows=params["W1"].shape[1]), **params)


# --8<-- [start:loop]
def loop(W, X, b):
    """One unit, example by example. W: (1, n_x), X: (n_x, m), b: (1, 1). Returns z: (m, 1)."""
    m = X.shape[1]
    z = np.zeros((m, 1))
    for i in range(m):
        z[i] = np.dot(W, X[:, i]) + b
    return z


def vectorized(W, X, b):
    """The same unit, all m examples at once. Returns Z: (1, m), equal to z.T."""
    Z = np.dot(W, X) + b
    return Z
# --8<-- [end:loop]


# --8<-- [start:broadcasting]
def broadcasting():
    """The notes' example: A (1, 3) + B (3, 1) broadcasts both to (3, 3)."""
    A = np.array([[1, 2, 3]])
    B = np.array([[1], [2], [3]])
    return A + B
# --8<-- [end:broadcasting]


# --8<-- [start:keras]
def keras_model():
    """400-25-15-1 with sigmoid units; cross-entropy and Adam."""
    from keras import Input, Sequential
    from keras.layers import Dense

    model = Sequential([Input(shape=(400,)), Dense(25, activation='sigmoid'), Dense(15, activation='sigmoid'), Dense(1, activation='sigmoid')])
    model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])
    return model


def keras_fit(model, X, Y):
    """Keras takes examples as rows: X.T (m, 400), Y.T (m, 1)."""
    return model.fit(X.T, Y.T, epochs=10, batch_size=32, verbose=0)
# --8<-- [end:keras]
