"""Figures for the notes. Every function returns a matplotlib Figure (no show()); `to_html` embeds one with alt text.

One style for every figure: white background (readable in the light and the dark theme), muted grid,
the same two colours for NumPy and Keras everywhere.
"""

import base64
import io

import matplotlib

matplotlib.use("Agg")  # pages are executed without a display

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

COLORS = {"numpy": "#1f77b4", "keras": "#d55e00", "grey": "#555555"}
STYLE = {
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "axes.grid": True,
    "grid.color": "#dddddd",
    "axes.spines.top": False,
    "axes.spines.right": False,
    "font.size": 10,
    "axes.titlesize": 11,
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "svg.hashsalt": "notes",  # stable ids in SVG output: two builds give the same bytes
    "svg.fonttype": "none",  # keep text as text: far smaller SVGs, and selectable
}
plt.rcParams.update(STYLE)


def to_html(fig, alt: str, *, fmt: str = "png") -> str:
    """The figure as an `<img>` with alt text (PNG or SVG data URI); closes the figure."""
    buf = io.BytesIO()
    # metadata without a date or software version, so the bytes only change when the plot does
    metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
    fig.savefig(buf, format=fmt, bbox_inches="tight", metadata=metadata)
    plt.close(fig)
    mime = "image/png" if fmt == "png" else "image/svg+xml"
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    alt = alt.replace('"', "&quot;")
    return f'<img src="data:{mime};base64,{data}" alt="{alt}" class="notes-figure">'


def show(fig, alt: str, *, fmt: str = "png"):
    """Display a figure in a notebook page as an image with alt text."""
    from snippets.show import HTML

    return HTML(to_html(fig, alt, fmt=fmt))


def digit_grid(X, titles=None, *, size=20, ncols=10, scale=1.0):
    """Images from the columns of X (size*size, k) in a grid, each titled from `titles` (k strings)."""
    k = X.shape[1]
    nrows = int(np.ceil(k / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(ncols * 0.9 * scale, nrows * 1.05 * scale), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < k:
            ax.imshow(X[:, i].reshape(size, size), cmap="gray_r", vmin=0, vmax=1)
            if titles is not None:
                ax.set_title(titles[i], fontsize=8)
    fig.tight_layout(pad=0.3)
    return fig


def history(histories: dict, *, title="Training"):
    """Loss (log scale) and accuracy per epoch for each named history {"numpy": {"loss": [...], ...}, ...}."""
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(8, 3))
    for name, hist in histories.items():
        epochs = np.arange(1, len(hist["loss"]) + 1)
        color = COLORS.get(name.split()[0].lower())
        ax_loss.plot(epochs, hist["loss"], marker="o", ms=3, label=name, color=color)
        ax_acc.plot(epochs, hist["accuracy"], marker="o", ms=3, label=name, color=color)
    ax_loss.set(yscale="log", xlabel="epoch", ylabel="loss J (log scale)", title=f"{title}: loss")
    ax_acc.set(xlabel="epoch", ylabel="training accuracy", title=f"{title}: accuracy")
    ax_loss.legend()
    fig.tight_layout()
    return fig


def curves(x, ys: dict, *, xlabel, ylabel, title, yscale="linear", figsize=(5, 3)):
    """Several named curves y(x) on one axis, e.g. {"σ(z)": ..., "σ'(z)": ...}."""
    fig, ax = plt.subplots(figsize=figsize)
    for name, y in ys.items():
        ax.plot(x, y, label=name)
    ax.set(xlabel=xlabel, ylabel=ylabel, title=title, yscale=yscale)
    ax.legend()
    fig.tight_layout()
    return fig


def image_row(images, titles, *, scale=1.6):
    """2-D images of any sizes side by side, each with its title and pixel grid size visible."""
    fig, axes = plt.subplots(1, len(images), figsize=(len(images) * scale * 1.1, scale * 1.2), squeeze=False)
    for ax, image, title in zip(axes[0], images, titles, strict=True):
        ax.imshow(image, cmap="gray_r", vmin=0, vmax=1)
        ax.set_title(title, fontsize=9)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
    fig.tight_layout(pad=0.3)
    return fig
