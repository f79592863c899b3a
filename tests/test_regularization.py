"""snippets.course.regularization: L2's gradients against finite differences, the noisy set, and what the page
claims."""

import numpy as np
import pytest

from snippets import gradcheck, numpy_net
from snippets.course import regularization
from snippets.losses import binary_cross_entropy


def test_l2_grads_are_the_gradients_of_l2_cost():
    """dW[l] + (λ/m) W[l] matches central differences of J + (λ/2m) Σ||W||² on a small network; db is unchanged."""
    rng = np.random.default_rng(2)
    X, Y = rng.normal(size=(4, 6)), rng.integers(0, 2, size=(1, 6)).astype(float)
    params, lambd, eps = numpy_net.init_params((4, 3, 2, 1), seed=5), 0.7, 1e-6

    def cost(p):
        return regularization.l2_cost(binary_cross_entropy(numpy_net.forward(X, p)[0], Y), p, lambd, 6)

    grads = regularization.l2_grads(gradcheck.backprop_grads(X, Y, params), params, lambd, 6)
    for key, value in params.items():
        numeric = np.zeros_like(value)
        for index in np.ndindex(value.shape):
            up = {k: v.copy() for k, v in params.items()}
            down = {k: v.copy() for k, v in params.items()}
            up[key][index] += eps
            down[key][index] -= eps
            numeric[index] = (cost(up) - cost(down)) / (2 * eps)
        assert gradcheck.relative_error(numeric, grads[f"d{key}"]) < 1e-7, key


def test_noisy_set_flips_the_labels_it_says_and_refuses_bad_counts():
    """20 of 100 labels flipped, the same ones every time (seeded); a count above n is refused by name."""
    (X, Y, flipped), (X_val, Y_val) = regularization.noisy_set()
    (_, Y_again, flipped_again), _ = regularization.noisy_set()
    assert X.shape == (400, 100) and Y.shape == (1, 100) and flipped.size == 20
    assert np.array_equal(flipped, flipped_again) and np.array_equal(Y, Y_again)
    with pytest.raises(ValueError, match="flipped must be between 0 and n = 10"):
        regularization.noisy_set(n=10, flipped=11)
    with pytest.raises(ValueError, match="lambd"):
        regularization.train_l2(X, Y, -1.0, epochs=1, lr=0.1)


@pytest.mark.slow
def test_noisy_runs_show_what_the_generalization_page_says():
    """λ = 0 learns every flipped label and its validation accuracy ends at least 5 points below its best; λ = 1
    learns at most a quarter of them and ends at least 5 points above λ = 0; λ = 3 ends near one half."""
    runs = regularization.noisy_runs()["runs"]
    plain, l2, strong = runs[0.0], runs[1.0], runs[3.0]
    va = np.array(plain["history"]["val_accuracy"])
    assert plain["history"]["accuracy"][-1] == 1.0 and plain["flipped_learnt"] == 20
    assert va.max() - va[-1] >= 0.05
    assert l2["flipped_learnt"] <= 5 and l2["history"]["val_accuracy"][-1] >= va[-1] + 0.05  # "ends far above"
    assert abs(strong["history"]["val_accuracy"][-1] - 0.5) < 0.06
