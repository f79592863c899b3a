// The learning-rate explorer (docs/gradient-descent.py): one real run per slider position, computed at build
// (snippets/course/export.py writes learning-rates.json beside the page). Nothing runs on pages without #lr-explorer.
(() => {
  // Two panels, each its own SVG (side by side when wide, stacked on a phone, so that text keeps its size).
  const W = 320, H = 240, PAD = { left: 46, right: 14, top: 24, bottom: 34 };
  const PANEL = W - PAD.left - PAD.right;
  const SVG = "http://www.w3.org/2000/svg";
  const fmt = (lr) => String(lr);

  function element(name, attributes, text) {
    const e = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attributes)) e.setAttribute(k, v);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // One panel: x = epoch, y by `scale` (log10 for the loss, linear for accuracy); the runs not chosen in grey.
  function panel(svg, title, runs, chosen, key, y) {
    const x0 = PAD.left;
    svg.replaceChildren();
    const g = element("g", { class: "lr-panel" });
    const epochs = runs[0][key].length;
    const px = (e) => x0 + (e / (epochs - 1)) * PANEL;
    const py = (v) => PAD.top + (1 - y.scale(v)) * (H - PAD.top - PAD.bottom);
    g.append(element("text", { x: x0, y: 14, class: "lr-title" }, title));
    for (const tick of y.ticks) {
      g.append(element("line", { x1: x0, x2: x0 + PANEL, y1: py(tick), y2: py(tick), class: "lr-grid" }));
      g.append(element("text", { x: x0 - 6, y: py(tick) + 4, class: "lr-tick", "text-anchor": "end" }, y.label(tick)));
    }
    for (const e of [0, 20, 40, epochs - 1]) {
      g.append(element("text", { x: px(e), y: H - PAD.bottom + 16, class: "lr-tick", "text-anchor": "middle" }, e + 1));
    }
    g.append(element("text", { x: x0 + PANEL / 2, y: H - 4, class: "lr-tick", "text-anchor": "middle" }, "epoch"));
    const path = (run) => run[key].map((v, e) => `${e ? "L" : "M"}${px(e).toFixed(1)},${py(v).toFixed(1)}`).join("");
    for (const run of runs) if (run !== chosen) g.append(element("path", { d: path(run), class: "lr-other" }));
    g.append(element("path", { d: path(chosen), class: "lr-chosen" }));
    svg.append(g);
  }

  function setUp(root) {
    const slider = root.querySelector("#lr-slider");
    const readout = root.querySelector("#lr-readout");
    const figure = root.querySelector("#lr-figure");
    const svgs = [0, 1].map(() => element("svg", { viewBox: `0 0 ${W} ${H}`, "aria-hidden": "true" }));
    figure.append(...svgs);
    notesFetchJSON(new URL(root.dataset.src, location.href))
      .then(({ runs }) => {
        const losses = runs.flatMap((r) => r.loss);
        const lo = Math.floor(Math.log10(Math.min(...losses))), hi = Math.ceil(Math.log10(Math.max(...losses)));
        const lossAxis = { scale: (v) => (Math.log10(v) - lo) / (hi - lo), label: (t) => String(t),
          ticks: Array.from({ length: hi - lo + 1 }, (_, i) => 10 ** (lo + i)) };
        const accuracyAxis = { scale: (v) => (v - 0.4) / 0.6, label: (t) => `${Math.round(100 * t)}%`, ticks: [0.4, 0.6, 0.8, 1] };
        slider.max = runs.length - 1;
        const draw = () => {
          const run = runs[+slider.value];
          const loss = run.loss[run.loss.length - 1], accuracy = run.accuracy[run.accuracy.length - 1];
          const text = `α = ${fmt(run.lr)}: final loss ${loss.toFixed(3)}, final accuracy ${(100 * accuracy).toFixed(1)}%`;
          slider.setAttribute("aria-valuetext", `α = ${fmt(run.lr)}`);
          readout.textContent = text;
          root.dataset.lr = run.lr;
          panel(svgs[0], "loss (log scale)", runs, run, "loss", lossAxis);
          panel(svgs[1], "accuracy", runs, run, "accuracy", accuracyAxis);
          figure.setAttribute("aria-label", `Loss and accuracy per epoch over ${run.loss.length} epochs; ${text}. ` +
            "The other learning rates are drawn in grey.");
        };
        slider.addEventListener("input", draw);
        slider.disabled = false;
        draw();
      })
      .catch((error) => {
        readout.textContent = `The curves could not be loaded (${error.message}); the table below has the same runs.`;
      });
  }

  const start = () => {
    const root = document.querySelector("#lr-explorer");
    if (root && !root.dataset.ready) { root.dataset.ready = "1"; setUp(root); }
  };
  if (window.document$) document$.subscribe(start); else document.addEventListener("DOMContentLoaded", start);
})();
