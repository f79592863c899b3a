"""Figures for the notes. Every function returns a matplotlib Figure (no show()); `to_html` embeds one with alt text.

One style for every figure: white background (readable in the light and the dark theme), muted grid,
the same two colours for NumPy and Keras everywhere.
"""

import base64
import io
import re
import struct

import matplotlib

matplotlib.use("Agg")  # pages are executed without a display

import matplotlib.colors  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import matplotlib.text  # noqa: E402
import numpy as np  # noqa: E402

COLORS = {"numpy": "#1f77b4", "keras": "#d55e00", "grey": "#555555"}
STYLE = {
    "figure.facecolor": "white",
    "axes.facecolor": "white",
    "axes.grid": True,
    "grid.color": "#dddddd",
    "axes.spines.top": False,
    "axes.spines.right": False,
    # Figures are at most ~4.4 in wide, so 11 pt text still renders at 10 px or more when a 390 px
    # phone shows the figure 318 px wide (see to_html).
    "font.size": 11,
    "axes.titlesize": 11,
    "legend.frameon": False,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "svg.hashsalt": "notes",  # stable ids in SVG output: two builds give the same bytes
    # Text as paths: the figure looks the same whatever fonts the reader's browser has (with text
    # as text, a fallback font wider than matplotlib's DejaVu Sans spills over the figure's edge).
    "svg.fonttype": "path",
}
plt.rcParams.update(STYLE)


LEGIBLE_PX = 10  # the smallest text a figure may show, in CSS pixels, at any screen width


def _smallest_font_pt(fig) -> float:
    """The smallest font size (points) among the figure's visible, non-empty texts (after a draw)."""
    sizes = [t.get_fontsize() for t in fig.findobj(matplotlib.text.Text) if t.get_visible() and t.get_text().strip()]
    return min(sizes, default=plt.rcParams["font.size"])


def _width_inches(raw: bytes, fmt: str) -> float:
    if fmt == "png":  # the IHDR chunk: width is the big-endian uint32 at byte 16
        return struct.unpack(">I", raw[16:20])[0] / plt.rcParams["savefig.dpi"]
    return float(re.search(rb'<svg[^>]*?width="([\d.]+)pt"', raw).group(1)) / 72


def to_html(fig, alt: str, *, fmt: str = "png") -> str:
    """The figure as an `<img>` with alt text (PNG or SVG data URI), in a box that scrolls; closes the figure.

    The image never renders narrower than the width at which its smallest text is LEGIBLE_PX
    (CSS min-width): on a phone a wide figure scrolls sideways inside its box instead of shrinking
    its labels out of reach. data-font-px is that smallest text at the natural width, for the tests.
    """
    buf = io.BytesIO()
    # metadata without a date or software version, so the bytes only change when the plot does
    metadata = {"Software": None} if fmt == "png" else {"Date": None, "Creator": None}
    fig.savefig(buf, format=fmt, bbox_inches="tight", metadata=metadata)
    font_pt = _smallest_font_pt(fig)
    plt.close(fig)
    raw = buf.getvalue()
    inches = _width_inches(raw, fmt)
    width = round(inches * (plt.rcParams["savefig.dpi"] if fmt == "png" else 96))  # CSS px at natural size
    font_px = font_pt / 72 * width / inches
    if font_px < LEGIBLE_PX:
        raise ValueError(
            f"figure text of {font_pt:g} pt is {font_px:.1f} px at the figure's natural size; "
            f"expected at least {LEGIBLE_PX} px: use a font size of {LEGIBLE_PX * 72 * inches / width:.1f} pt or more"
        )
    min_width = int(width * LEGIBLE_PX / font_px + 1)
    mime = "image/png" if fmt == "png" else "image/svg+xml"
    data = base64.b64encode(raw).decode("ascii")
    alt = alt.replace('"', "&quot;")
    return (
        f'<div class="notes-figure-box"><img src="data:{mime};base64,{data}" alt="{alt}" class="notes-figure" '
        f'width="{width}" style="min-width: {min_width}px" data-font-px="{font_px:.2f}"></div>'
    )


def show(fig, alt: str, *, fmt: str = "png"):
    """Display a figure in a notebook page as an image with alt text."""
    from snippets.course.show import HTML

    return HTML(to_html(fig, alt, fmt=fmt))


def digit_grid(X, titles=None, *, size=20, ncols=5, scale=1.0):
    """Images from the columns of X (size*size, k) in a grid, each titled from `titles` (k strings)."""
    k = X.shape[1]
    nrows = int(np.ceil(k / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(ncols * 0.85 * scale, nrows * 1.1 * scale), squeeze=False)
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < k:
            ax.imshow(X[:, i].reshape(size, size), cmap="gray_r", vmin=0, vmax=1)
            if titles is not None:
                ax.set_title(titles[i], fontsize=11)
    fig.tight_layout(pad=0.3)
    return fig


def history(histories: dict, *, title="Training", styles: dict | None = None):
    """Loss (log scale) above accuracy, per epoch, for each named history {"numpy": {"loss": [...], ...}, ...}.

    styles: {name: matplotlib line options} for some of the curves (e.g. a dashed one drawn over another).
    """
    fig, (ax_loss, ax_acc) = plt.subplots(2, 1, figsize=(4.4, 5.4), sharex=True)
    for name, hist in histories.items():
        epochs = np.arange(1, len(hist["loss"]) + 1)
        color = COLORS.get(re.split(r"\W", name)[0].lower())  # "Keras, Adam" is drawn in Keras' colour
        style = {"marker": "o", "ms": 3, "color": color, **(styles or {}).get(name, {})}
        ax_loss.plot(epochs, hist["loss"], label=name, **style)
        ax_acc.plot(epochs, hist["accuracy"], label=name, **style)
    ax_loss.set(yscale="log", ylabel="loss J (log scale)", title=f"{title}: loss")
    ax_acc.set(xlabel="epoch", ylabel="training accuracy", title=f"{title}: accuracy")
    ax_acc.legend(loc="upper left", bbox_to_anchor=(0, -0.22))  # below the plots, clear of every curve
    fig.tight_layout()
    return fig


def train_val(histories: dict, *, title: str, marks: dict | None = None, ylim=None, figsize=(4.4, 3.4)):
    """Training loss (solid) and validation loss (dashed) per epoch for each named history with "loss" and
    "val_loss": log scale, or linear from 0 to ylim when given; marks {label: epoch} draws a labelled vertical
    line at each epoch (early stopping)."""
    fig, ax = plt.subplots(figsize=figsize)
    for i, (name, hist) in enumerate(histories.items()):
        epochs = np.arange(1, len(hist["loss"]) + 1)
        color = COLORS.get(name.split()[0].lower(), ("#1f77b4", "#d55e00")[i % 2])
        ax.plot(epochs, hist["loss"], color=color, label=f"{name}: training")
        ax.plot(epochs, hist["val_loss"], color=color, ls="--", label=f"{name}: validation")
    for (label, epoch), ls in zip((marks or {}).items(), (":", "-."), strict=False):
        ax.axvline(epoch, color=COLORS["grey"], ls=ls, lw=1.2, label=f"{label} (epoch {epoch})")
    if ylim is None:
        ax.set(yscale="log", ylabel="loss J (log scale)")
    else:
        ax.set(ylim=(0, ylim), ylabel="loss J")
    ax.set(xlabel="epoch", title=title)
    ax.legend(loc="upper left", bbox_to_anchor=(0, -0.3))  # below the plot and its x label, clear of every curve
    fig.tight_layout()
    return fig


def curves(x, ys: dict, *, xlabel, ylabel, title, yscale="linear", figsize=(4.4, 3), legend="best"):
    """Several named curves y(x) on one axis, e.g. {"σ(z)": ..., "σ'(z)": ...}.

    legend: "best" (inside the axes, where it covers least) or "below" (under the axes, for curves that fill them).
    """
    if legend not in ("best", "below"):
        raise ValueError(f"legend must be 'best' or 'below'; got {legend!r}")
    fig, ax = plt.subplots(figsize=figsize)
    for name, y in ys.items():
        ax.plot(x, y, label=name)
    ax.set(xlabel=xlabel, ylabel=ylabel, title=title, yscale=yscale)
    if legend == "below":
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=len(ys), frameon=False)
    else:
        ax.legend()
    fig.tight_layout()
    return fig


def image_row(images, titles, *, scale=1.6):
    """2-D images of any sizes side by side, each with its title and pixel grid size visible."""
    fig, axes = plt.subplots(1, len(images), figsize=(len(images) * scale * 1.1, scale * 1.2), squeeze=False)
    for ax, image, title in zip(axes[0], images, titles, strict=True):
        ax.imshow(image, cmap="gray_r", vmin=0, vmax=1)
        ax.set_title(title, fontsize=11)
        ax.set_xticks([])
        ax.set_yticks([])
        ax.grid(False)
        for spine in ax.spines.values():  # a full light frame shows the pixel grid's edge
            spine.set(visible=True, color="#bbbbbb")
    fig.tight_layout(pad=0.3)
    return fig


# Blue for negative, white at 0, orange for positive: the colours the drawing pad gives weights (digit.js).
WEIGHT_CMAP = matplotlib.colors.LinearSegmentedColormap.from_list("weights", ["#0064ff", "#ffffff", "#ff7300"])


def weight_images(W, titles, *, size=20, ncols=5, scale=1.0):
    """Rows of W (k, size*size) as images on one symmetric scale, in WEIGHT_CMAP: orange > 0, blue < 0, white 0."""
    k, limit = W.shape[0], float(np.abs(W).max())
    fig, axes = plt.subplots(-(-k // ncols), ncols, figsize=(ncols * 0.85 * scale, -(-k // ncols) * 1.1 * scale),
                             squeeze=False)  # fmt: skip
    for i, ax in enumerate(axes.flat):
        ax.axis("off")
        if i < k:
            ax.imshow(W[i].reshape(size, size), cmap=WEIGHT_CMAP, vmin=-limit, vmax=limit)
            ax.set_title(titles[i], fontsize=11)
    fig.tight_layout(pad=0.3)
    return fig


def decision_boundaries(X, Y, fits: dict, *, steps=150):
    """One panel per fitted network: the points X (2, m) by label Y (1, m), y = 1 orange dots and y = 0 blue
    crosses, over its P(y = 1) map, with its boundary P = 0.5 in black. fits: {title: {"params", "train_accuracy"}}."""
    from snippets.numpy_net import predict_proba

    span = np.linspace(X.min() - 0.2, X.max() + 0.2, steps)
    g1, g2 = np.meshgrid(span, span)
    fig, axes = plt.subplots(1, len(fits), figsize=(4.3, 2.15), squeeze=False)  # fits a 390 px phone
    for ax, (title, fit) in zip(axes[0], fits.items(), strict=True):
        P = predict_proba(np.vstack([g1.ravel(), g2.ravel()]), fit["params"]).reshape(g1.shape)
        ax.contourf(g1, g2, P, levels=np.linspace(0, 1, 11), cmap="coolwarm", alpha=0.3)
        ax.contour(g1, g2, P, levels=[0.5], colors="black", linewidths=1.2)
        for label, marker, color in ((1, "o", COLORS["keras"]), (0, "x", COLORS["numpy"])):
            pick = Y[0] == label
            ax.scatter(X[0, pick], X[1, pick], s=4, marker=marker, color=color, linewidths=0.7)
        ax.set_title(f"{title}\ntraining {fit['train_accuracy']:.1%}", fontsize=9)
        ax.set(aspect="equal", xticks=[], yticks=[])
        ax.grid(False)
    fig.tight_layout(pad=0.3)
    return fig
