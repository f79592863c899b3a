"""The network's shapes, counted from real parameters, and a diagram of its layers."""

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
    import matplotlib.pyplot as plt  # here, not at the top: the build imports this module for layer_table (1 s less)

    fig, ax = plt.subplots(figsize=(4.4, 3.6))
    ax.axis("off")
    positions = []
    for x, n in enumerate(layer_sizes):
        k = min(n, shown)
        ys = [(k - 1) / 2 - i for i in range(k)]
        positions.append(ys)
        label = "input" if x == 0 else "output" if x == len(layer_sizes) - 1 else "hidden"
        ax.text(x, (shown + 1) / 2 + 0.2, f"{label}\n{n} unit{'s' * (n != 1)}", ha="center", va="bottom", fontsize=11)
        if n > shown:
            ax.text(x, ys[-1] - 0.9, "⋮", ha="center", va="center", fontsize=14)
    for x in range(len(layer_sizes) - 1):
        for y0 in positions[x]:
            for y1 in positions[x + 1]:
                ax.plot([x, x + 1], [y0, y1], color="#bbbbbb", lw=0.4, zorder=1)
    for x, ys in enumerate(positions):
        ax.scatter([x] * len(ys), ys, s=120, color="white", edgecolor="#1f77b4", lw=1.5, zorder=2)
    for x in range(1, len(layer_sizes)):
        shape = f"W{x}\n{layer_sizes[x]}×{layer_sizes[x - 1]}"
        ax.text(x - 0.5, -(shown + 1) / 2 - 0.5, shape, ha="center", va="top", fontsize=11)
    ax.set_ylim(-(shown + 1) / 2 - 1.9, (shown + 1) / 2 + 1.4)
    return fig


def computation_graph(layer_sizes):
    """The forward pass top to bottom (solid, blue) and the gradients flowing back up (dashed, orange)."""
    L = len(layer_sizes) - 1
    height, width = 0.9 + 1.3 * L, 4.3
    import matplotlib.pyplot as plt

    fig = plt.figure(figsize=(width, height))
    ax = fig.add_axes((0, 0, 1, 1), xlim=(0, width), ylim=(-height, 0))  # axis units are inches
    ax.axis("off")
    box, blue, orange = {"boxstyle": "round,pad=0.25", "fc": "white", "ec": "#1f77b4"}, "#1f77b4", "#d55e00"
    rows = [(f"$X = A^{{[0]}}$: ({layer_sizes[0]}, m)", None)]
    for l in range(1, L + 1):
        dZ = f"A^{{[{l}]}} - Y" if l == L else f"W^{{[{l + 1}]\\top}} dZ^{{[{l + 1}]}} * g'(Z^{{[{l}]}})"
        rows.append((f"$Z^{{[{l}]}} = W^{{[{l}]}} A^{{[{l - 1}]}} + b^{{[{l}]}}$", (l, f"$dZ^{{[{l}]}} =$\n${dZ}$")))
        rows.append((f"$A^{{[{l}]}} = g(Z^{{[{l}]}})$: ({layer_sizes[l]}, m)", None))
    rows.append(("$J = \\frac{1}{m}\\sum_i L^{(i)}$", None))
    ys = [-0.35 - i * (height - 0.7) / (len(rows) - 1) for i in range(len(rows))]
    for i, ((node, extra), y) in enumerate(zip(rows, ys, strict=True)):
        ax.text(1.8, y, node, ha="center", va="center", fontsize=11, bbox=box)
        if i + 1 < len(rows):
            ax.annotate("", (1.8, ys[i + 1] + 0.17), (1.8, y - 0.17), arrowprops={"arrowstyle": "->", "color": blue})
            ax.annotate("", (2.95, y - 0.05), (2.95, ys[i + 1] + 0.05),
                        arrowprops={"arrowstyle": "->", "color": orange, "ls": "--"})  # fmt: skip
        if extra:
            l, grad = extra
            ax.text(0.0, y + 0.12, f"$W^{{[{l}]}}, b^{{[{l}]}}$", ha="left", va="bottom", fontsize=11)
            ax.text(0.0, y - 0.06, f"$dW^{{[{l}]}}, db^{{[{l}]}}$", ha="left", va="top", fontsize=11, color=orange)
            ax.annotate("", (0.72, y), (0.55, y), arrowprops={"arrowstyle": "->", "color": blue})
            ax.text(3.03, y, grad, ha="left", va="center", fontsize=11, color=orange, linespacing=1.6)
    ax.text(3.03, ys[-1], "backward", ha="left", va="center", fontsize=11, color=orange)
    return fig
