"""The validation split, validation scores in both training loops, hidden activations in training, early stopping."""

import numpy as np
import pytest

from snippets import data, gradcheck, losses, numpy_net, training
from snippets.course import generalization


def test_holdout_is_stratified_seeded_and_disjoint():
    """n_val held out, each class its share (to one example), disjoint and together all of m; same seed, same split."""
    _, Y = data.load("train")
    y = Y.ravel()
    fit, val = data.holdout(y, 2000, seed=0)
    assert val.size == 2000 and np.intersect1d(fit, val).size == 0 and fit.size + val.size == y.size
    assert abs(y[val].sum() - 2000 * y.mean()) <= 1
    assert np.array_equal(val, data.holdout(y, 2000, seed=0)[1]) and not np.array_equal(
        val, data.holdout(y, 2000, seed=1)[1]
    )
    (X_fit, Y_fit), (X_val, Y_val) = data.load_holdout()
    assert X_fit.shape == (400, 10665) and X_val.shape == (400, 2000) and Y_val.shape == (1, 2000)


def test_holdout_rejects_sizes_that_leave_nothing():
    """n_val of at least m, or not a positive integer, is refused with what was expected."""
    with pytest.raises(ValueError, match="smaller than the 10 examples"):
        data.holdout(np.arange(10) % 2, 10)
    with pytest.raises(ValueError, match="n_val must be an integer >= 1"):
        data.holdout(np.arange(10) % 2, 0)


def test_training_scores_validation_after_each_epoch(digits, test_set):
    """val_loss / val_accuracy per epoch; the last is the trained weights' loss (logits form) and accuracy on X_val."""
    X, Y = digits
    X_val, Y_val = test_set[0][:, :300], test_set[1][:, :300]
    params, history = training.train(X, Y, epochs=4, lr=0.5, batch_size=32, validation=(X_val, Y_val))
    assert len(history["val_loss"]) == len(history["val_accuracy"]) == 4
    _, cache = numpy_net.forward(X_val, params)
    assert history["val_loss"][-1] == pytest.approx(losses.binary_cross_entropy_from_logits(cache["Z3"], Y_val))
    assert history["val_accuracy"][-1] == pytest.approx(np.mean(numpy_net.predict(X_val, params) == Y_val))
    with pytest.raises(ValueError, match="validation must be a pair"):
        training.train(X, Y, epochs=1, validation=X_val)
    with pytest.raises(ValueError, match="X_val must have shape"):
        training.train(X, Y, epochs=1, validation=(X_val.T, Y_val))


@pytest.mark.parametrize("hidden", ["tanh", "relu"])
def test_backprop_with_tanh_and_relu_hidden_layers_matches_finite_differences_and_tape(small, hidden):
    """The same backward pass with g' of tanh or ReLU: relative error below 1e-6 against central differences and
    tf.GradientTape."""
    X, Y, params = small
    rng = np.random.default_rng(5)  # biases off 0: with zero biases an example whose layer-1 units are all off has
    params = {
        k: v + rng.normal(0, 0.3, v.shape) if k.startswith("b") else v for k, v in params.items()
    }  # z = 0, ReLU's kink
    grads = gradcheck.backprop_grads(X, Y, params, hidden)
    for reference in (
        gradcheck.numerical_grads(X, Y, params, hidden=hidden),
        gradcheck.tape_grads(X, Y, params, hidden),
    ):
        assert max(gradcheck.compare(reference, grads).values()) < 1e-6
    assert max(gradcheck.compare(gradcheck.backprop_grads(X, Y, params), grads).values()) > 1e-2  # g matters


def test_keras_hidden_activation_computes_what_numpy_does(digits):
    """build_model(hidden=...) with the NumPy weights gives the NumPy probabilities (float32), output still sigmoid."""
    from snippets import keras_net

    X, _ = digits
    params = numpy_net.init_params(seed=2)
    for hidden in ("tanh", "relu"):
        model = keras_net.to_keras(params, hidden=hidden)
        np.testing.assert_allclose(
            keras_net.predict_proba(X, model), numpy_net.predict_proba(X, params, hidden), atol=1e-5
        )
    with pytest.raises(ValueError, match="hidden must be one of"):
        numpy_net.forward(X, params, hidden="softmax")
    with pytest.raises(ValueError, match="optimizer must be one of"):
        keras_net.build_model(optimizer="rmsprop")


def test_keras_following_numpy_batches_follows_its_loss(digits):
    """Keras SGD from the NumPy start on the NumPy batch order reports the NumPy history to float32 precision, and
    scores validation data like the NumPy loop."""
    from snippets import keras_net

    X, Y = digits
    validation = (X[:, :50], Y[:, :50])
    start = numpy_net.init_params(seed=0)
    _, ours = training.train(X, Y, params=start, epochs=3, lr=0.5, batch_size=32, validation=validation)
    model = keras_net.to_keras(start, lr=0.5, optimizer="sgd")
    _, theirs = keras_net.train(X, Y, model=model, epochs=3, batch_size=32, validation=validation,
                                orders=training.epoch_orders(X.shape[1], seed=0))  # fmt: skip
    for key in ("loss", "val_loss"):
        np.testing.assert_allclose(theirs[key], ours[key], rtol=1e-4)


def test_early_stopping_stops_where_keras_early_stopping_does():
    """Best epoch and stop epoch as keras.callbacks.EarlyStopping(patience, restore_best_weights=True) on the same
    losses; a run that keeps improving stops at its last epoch."""
    import keras

    rng = np.random.default_rng(0)
    for losses_ in ([3, 2, 1, 2, 3, 4, 5, 0.5], list(rng.random(40)), [5, 4, 3, 2, 1]):
        for patience in (1, 2, 5):
            mine = generalization.early_stopping(losses_, patience)
            callback = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
            model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
            model.stop_training = False
            callback.set_model(model)
            callback.on_train_begin()
            stopped = len(losses_)
            for epoch, value in enumerate(losses_):
                callback.on_epoch_end(epoch, {"val_loss": float(value)})
                if model.stop_training:
                    stopped = epoch + 1
                    break
            assert mine == {"best": int(np.argmin(losses_[:stopped])) + 1, "stop": stopped}
    with pytest.raises(ValueError, match="val_loss is empty"):
        generalization.early_stopping([])
