"""Checks for the coding exercises: each runs a learner's function on a few cases and compares with numpy_net.

The cases include real digits, m = 1, other layer sizes than 400-25-15-1 and activations other than the
sigmoid. A check returns True, or raises AssertionError naming the likely mistake and the case it showed
in. A NotImplementedError from an exercise not yet filled in passes through unchanged; `run` turns every
outcome into one printed line, so a notebook's check cell never raises.
"""

import inspect

from snippets.practice.backprop_checks import check_my_backward, check_my_update
from snippets.practice.layer_checks import check_my_dense, check_my_dense_v, check_my_model

# --- The check cell ---------------------------------------------------------------------------------------

PASSED = {
    check_my_dense: "my_dense agrees with numpy_net on a real digit, other layer sizes, g = sigmoid, tanh, identity",
    check_my_dense_v: "my_dense_v agrees with numpy_net on real digits, m = 1, other layer sizes and activations",
    check_my_model: "400 inputs, Dense layers of 25, 15 and 1 sigmoid units, and its outputs match NumPy's",
    check_my_backward: "the gradients agree with numpy_net.backward on real digits, m = 1, and 2, 3 and 4 layers",
    check_my_update: "the step agrees with numpy_net.update, and params and grads are left unchanged",
}


class Verdict(str):
    """run's line. Printed once: a notebook shows a cell's last value too, and this one shows nothing there."""

    def _ipython_display_(self):
        pass


def run(check, answer) -> Verdict:
    """Run check(answer) and print and return one line: "correct: ..." or "not yet: ...". Never raises.

    For an exercise's check cell, e.g. checks.run(checks.check_my_dense, my_dense), with
    `from snippets.practice import exercise_checks as checks`.
    """
    if not any(check is known for known in PASSED):
        message = f"not yet: run(check, answer) takes one of the checks, e.g. checks.check_my_dense; got {check!r}"
    else:
        try:
            if check is check_my_model and inspect.isfunction(answer):  # the exercise's my_model(), to be called
                answer = answer()
            check(answer)
        except NotImplementedError:
            message = "not yet: fill in the cell above (it still raises NotImplementedError)"
        except AssertionError as error:
            message = f"not yet: {error}"
        except TypeError as error:  # not a function: the check's own message says what it needs
            message = f"not yet: {error}"
        except Exception as error:  # e.g. an unreadable data file: said, not raised
            message = f"not yet: {type(error).__name__}: {error}"
        else:
            message = f"correct: {PASSED[check]}"
    print(message)
    return Verdict(message)
