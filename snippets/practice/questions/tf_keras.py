"""The practice questions of tf-keras/ (docs/tf-keras.py)."""

from snippets import data, numpy_net
from snippets.practice.kinds import Number, Shape, question


@question("tf-keras", "the shape of Dense(25)'s kernel")
def kernel_shape(v):
    K = numpy_net.init_params()["W1"].T  # Keras stores W[1]^T (keras_net.to_keras)
    return Shape(
        "The first layer is `Dense(25, activation='sigmoid')` after `Input(shape=(400,))`. What is the shape of its kernel?",
        K.shape,
        "$(n^{[0]}, n^{[1]})$: Keras stores $W^{[1]\\top}$ and computes $A^\\top = g(X^\\top K + b)$ with examples as rows.",
        (
            (K.shape[::-1], "That is the notes' $W^{[1]}$; Keras stores its transpose."),
            ((K.shape[1],), "That is the bias's shape; the kernel holds a weight per input and unit."),
        ),
        given={"units": 25, "inputs": 400},
    )


@question("tf-keras", "the shape of Dense(15)'s bias")
def keras_bias(v):
    params = numpy_net.init_params()
    b2 = params["b2"].ravel()  # Keras keeps the bias rank-1 (keras_net.to_keras flattens it)
    return Shape(
        "What is the shape of the bias of `Dense(15)`?",
        b2.shape,
        "Keras keeps a rank-1 bias, `(15,)`, and adds it to every row (example).",
        (
            ((15, 1), "That is the notes' column $b^{[2]}$; Keras keeps it rank-1."),
            ((1, 15), "Keras keeps it rank-1: one number per unit."),
            (params["W2"].T.shape, "That is the kernel, $(n_{in}, 15)$; the bias holds one number per unit."),
        ),
        given={"units": 15},
    )


@question("tf-keras", "what fit takes")
def fit_input(v):
    X, _ = data.load("train")
    return Shape(
        f"The notes' $X$ is $(400, {X.shape[1]})$. What shape does `model.fit` take for it?",
        X.T.shape,
        "Keras takes examples as rows: `model.fit(X.T, Y.T, ...)`.",
        (
            (X.shape, "That is the NumPy layout: Keras wants examples as rows, `X.T`."),
            ((X.shape[1], 20, 20), "That is the stack of 20×20 images: `Dense` takes each example flat, as a row."),
        ),
        given={"m": X.shape[1]},
    )


@question("tf-keras", "a Dense layer's parameters")
def dense_parameters(v):
    n_in, units = ((25, 15), (400, 25), (15, 1), (25, 10))[v]
    params = numpy_net.init_params((n_in, units))
    count = params["W1"].size + params["b1"].size
    return Number(
        f"How many parameters does `Dense({units})` have when its input has {n_in} features?",
        count,
        0.5,
        f"A kernel $({n_in}, {units})$ and a bias $({units},)$: ${n_in} · {units} + {units} = {count}$.",
        (
            (n_in * units, "You left out the bias: one per unit, besides the kernel's weights."),
            (units, f"{units} is the number of units, `Dense`'s argument: each has a weight per input and a bias."),
            (n_in * units + n_in, "The bias is one per unit, not one per input."),
            (n_in + units, "Multiply: every unit has a weight per input, a kernel of $n_{in} \\times$ units."),
            (n_in * units + 1, "Each unit has its own bias: the bias is a vector, one number per unit."),
        ),
        given={"n_in": n_in, "units": units},
    )
