"""Adam's update in the notes' notation, next to plain gradient descent's θ := θ - α dθ.

Keras' `Adam` (the headline Keras run's optimizer) computes the same update; tests/test_adam.py checks it
step by step. Its defaults are Keras': β1 = 0.9, β2 = 0.999, ε = 1e-7.
"""

import numpy as np

from snippets.checks import positive_number
from snippets.numpy_net import check_params

BETA1, BETA2, EPSILON = 0.9, 0.999, 1e-7


def init_state(params) -> dict:
    """Adam's state before step 1: t = 0 and zero moments {"VdW1": like W1, "SdW1": like W1, ...}."""
    check_params(params)
    state = {"t": 0}
    for key, value in params.items():
        state[f"Vd{key}"], state[f"Sd{key}"] = np.zeros_like(value), np.zeros_like(value)
    return state


# --8<-- [start:adam]
def _adam(params, grads, old, lr, beta1, beta2, eps):
    t = old["t"] + 1
    new, state = {}, {"t": t}
    for key, theta in params.items():
        d = grads["d" + key]
        V = beta1 * old[f"Vd{key}"] + (1 - beta1) * d  # V := β1 V + (1 - β1) dθ: the mean of recent gradients
        S = beta2 * old[f"Sd{key}"] + (1 - beta2) * d * d  # S := β2 S + (1 - β2) dθ²: their mean square
        V_hat, S_hat = V / (1 - beta1**t), S / (1 - beta2**t)  # bias correction: V and S start at 0
        new[key] = theta - lr * V_hat / (np.sqrt(S_hat) + eps)  # θ := θ - α V̂ / (√Ŝ + ε), per parameter
        state[f"Vd{key}"], state[f"Sd{key}"] = V, S
    return new, state


# --8<-- [end:adam]


def update(params, grads, state, lr: float = 1e-3, *, beta1: float = BETA1, beta2: float = BETA2,
           eps: float = EPSILON):  # fmt: skip
    """One Adam step. params, grads: as numpy_net.update takes them; state: from init_state or the previous step.

    Returns (new params, new state); the inputs are left unchanged. lr is α; beta1, beta2 in [0, 1) the decay
    rates of the two moving averages; eps > 0 keeps the division finite where S is 0.
    """
    check_params(params)
    missing = sorted(f"d{key}" for key in params if f"d{key}" not in grads)
    if missing:
        raise ValueError(f"grads lacks {missing}; expected one gradient per parameter, as backward returns")
    if not isinstance(state, dict) or any(f"Vd{key}" not in state or f"Sd{key}" not in state for key in params):
        raise ValueError("state must come from adam.init_state(params) or from the previous adam.update")
    if isinstance(state["t"], bool) or not isinstance(state.get("t"), int) or state["t"] < 0:
        raise ValueError(f"state['t'] must be the number of steps taken, an integer >= 0; got {state['t']!r}")
    for name, beta in (("beta1", beta1), ("beta2", beta2)):
        if not 0 <= beta < 1:
            raise ValueError(f"{name} must be in [0, 1); got {beta!r}")
    return _adam(params, grads, state, positive_number("lr", lr), beta1, beta2, positive_number("eps", eps))
