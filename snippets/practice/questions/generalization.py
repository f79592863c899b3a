"""The practice questions of generalization/ (docs/generalization.py)."""

import numpy as np

from snippets import data
from snippets.course.generalization import early_stopping
from snippets.practice.kinds import Choice, Number, Option, question, rng


def _val_losses(v):
    """A validation loss curve that falls, then rises with noise: 30 epochs, seeded."""
    r = rng(v, 8)
    epochs = np.arange(1, 31)
    turn = (8, 12, 6, 15)[v % 4]
    return np.round(0.3 / epochs + 0.004 * np.maximum(epochs - turn, 0) + r.uniform(0, 0.01, size=30), 3)


@question("generalization", "where early stopping stops")
def stop_epoch(v):
    losses, patience = _val_losses(v), (3, 5, 4, 2)[v]
    where = early_stopping(losses, patience)
    shown = ", ".join(f"{x:.3f}" for x in losses[: where["stop"] + 1])
    return Number(
        f"The validation loss per epoch, from epoch 1: {shown}, … With patience {patience} (a new best must be strictly "
        "lower), after which epoch does early stopping stop?",
        where["stop"],
        0.5,
        f"The lowest loss is at epoch {where['best']}; {patience} epochs without a new best end training after epoch {where['stop']}.",
        (
            (where["best"], "That is the best epoch, whose weights are kept; training runs on for the patience."),
            (
                where["stop"] + 1,
                "One epoch too many: training stops right after the patience-th epoch without a new "
                "best, counted from the best epoch.",
            ),
            (
                where["stop"] - 1,
                "One epoch too few: count the patience in epochs after the best one, and epochs from 1.",
            ),
        ),  # fmt: skip
        given={"losses": losses.tolist(), "patience": patience},
    )


@question("generalization", "the weights early stopping keeps")
def best_epoch(v):
    losses = _val_losses(v + 4)
    where = early_stopping(losses, 30)
    first_rise = next((e for e in range(1, 20) if losses[e] > losses[e - 1]), 20)  # the epoch before the loss rose
    return Number(
        f"The validation loss per epoch, from epoch 1: {', '.join(f'{x:.3f}' for x in losses[:20])}. "
        "Training ran all 20 epochs. With `restore_best_weights=True`, the weights of which epoch does early "
        "stopping keep (of equal losses, the first)?",
        where["best"],
        0.5,
        f"The epoch with the lowest validation loss, {losses[where['best'] - 1]:.3f}: epoch {where['best']}.",
        (
            (20, "The last epoch has overfit: keep the epoch with the lowest validation loss."),
            (where["best"] - 1, "Epochs count from 1: the first loss listed is epoch 1, not 0."),
            (
                where["best"] + 1,
                "That is the epoch after the best, the first without a new best (or a later tie): "
                "the best epoch's own weights are kept.",
            ),
            (first_rise, "That is where the loss first rose; it fell lower later: look for the lowest of all 20."),
        ),
        given={"losses": losses[:20].tolist()},
    )


@question("generalization", "the size of the fit set")
def fit_size(v):
    n_val = (data.VALIDATION_SIZE, 1000, 3000, 500)[v]
    _, y = data.load("train")
    _, y_test = data.load("test")
    fit, val = data.holdout(y.ravel(), n_val=n_val)
    return Number(
        f"Holding out {n_val:,} of the {y.shape[1]:,} training digits for validation, how many are left to fit the weights?",
        fit.size,
        0.5,
        f"{y.shape[1]:,} − {n_val:,} = {fit.size:,}; the {y_test.shape[1]:,} test digits stay aside for the final "
        "figure.",
        (
            (y.shape[1], "The validation digits are held out of training: they do not fit the weights."),
            (n_val, "That is the validation part; the fit part is what is left of the training digits."),
            (
                fit.size - y_test.shape[1],
                f"The {y_test.shape[1]:,} test digits are a set of their own, not among the "
                f"{y.shape[1]:,} training digits: take away only the validation part.",
            ),
        ),
        given={"m": y.shape[1], "n_val": n_val},
    )


@question("generalization", "reading the curves")
def overfitting(v):
    return Choice(
        "Which show that a network is overfitting?",
        (
            Option(
                "The training loss keeps falling while the validation loss rises.",
                True,
                "Yes: it fits the training digits' particulars, not the digits in general.",
            ),
            Option(
                "Both losses fall together.",
                False,
                "No: that is learning; stop when the validation loss stops falling.",
            ),
            Option(
                "Training accuracy is 100% and validation accuracy well below it.",
                True,
                "Yes: the gap between the two is what overfitting means.",
            ),
            Option(
                "The test set is used to choose the epoch.",
                False,
                "That is a mistake of method, not a sign: the test set must be used once, at the end.",
            ),
        ),  # fmt: skip
        "Overfitting: training loss down, validation loss up. Early stopping keeps the epoch of the lowest validation loss.",
    )
