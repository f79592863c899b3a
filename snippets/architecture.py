"""The network's shapes, counted from real parameters, and a diagram of its layers."""

import matplotlib.pyplot as plt

from snippets.numpy_net import check_params


def layer_table(params, m: int) -> list[dict]:
    """One row per layer: units n[l], the shapes of W[l], b[l], Z[l] = A[l], and its parameter count.

    params: as from init_params or from_keras; m: the number of examples in a batch.
    """
    L = check_params(params)
    rows = [
        {
            "layer": "0 (input)",
            "units": params["W1"].shape[1],
            "W": "",
            "b": "",
            "Z, A": f"({params['W1'].shape[1]}, {m})",
            "parameters": 0,
        }
    ]
    for l in range(1, L + 1):
        W, b = params[f"W{l}"], params[f"b{l}"]
        rows.append({
            "layer": f"{l} ({'output' if l == L else 'hidden'})",
            "units": W.shape[0],
            "W": str(W.shape),
            "b": str(b.shape),
            "Z, A": f"({W.shape[0]}, {m})",
            "parameters": W.size + b.size,
        })  # fmt: skip
    return rows


def diagram(layer_sizes, *, shown: int = 6):
    """Columns of units, one per layer, with every connection drawn; big layers show `shown` units and a gap."""
    fig, ax = plt.subplots(figsize=(7, 3.6))
    ax.axis("off")
    positions = []
    for x, n in enumerate(layer_sizes):
        k = min(n, shown)
        ys = [(k - 1) / 2 - i for i in range(k)]
        positions.append(ys)
        label = ["input a[0] = x", "hidden", "hidden", "output"][min(x, 3) if x < len(layer_sizes) - 1 else 3]
        ax.text(x, (shown + 1) / 2 + 0.2, f"{label}\n{n} unit{'s' * (n != 1)}", ha="center", va="bottom", fontsize=9)
        if n > shown:
            ax.text(x, ys[-1] - 0.9, "⋮", ha="center", va="center", fontsize=14)
    for x in range(len(layer_sizes) - 1):
        for y0 in positions[x]:
            for y1 in positions[x + 1]:
                ax.plot([x, x + 1], [y0, y1], color="#bbbbbb", lw=0.4, zorder=1)
    for x, ys in enumerate(positions):
        ax.scatter([x] * len(ys), ys, s=160, color="white", edgecolor="#1f77b4", lw=1.5, zorder=2)
    for x in range(1, len(layer_sizes)):
        ax.text(
            x - 0.5, -(shown + 1) / 2 - 0.6, f"W{x}: {layer_sizes[x]}×{layer_sizes[x - 1]}", ha="center", fontsize=9
        )
    ax.set_ylim(-(shown + 1) / 2 - 1.2, (shown + 1) / 2 + 1.4)
    return fig
