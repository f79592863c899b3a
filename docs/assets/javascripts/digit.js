// "Try it: draw a digit" (docs/try-it.py): the headline NumPy network, run in the browser.
// The weights and a few test digits are JSON files written beside the page at build time
// (snippets/course/export.py, notes_build/exports.py). Nothing runs on pages without #digit-canvas.
(() => {
  const N_IN = 20, BIG = 28, BOX = 20; // network input side; MNIST image side; MNIST's digit box
  const PEN = 1.4; // stroke radius in 28x28 pixels: about the width of an MNIST stroke
  const SUB = 4; // 4x4 samples per 28x28 pixel: the ink's coverage of each pixel, anti-aliased

  // --- The network, as in snippets/numpy_net.py ------------------------------------------------

  // snippets.activations.stable_sigmoid, branch for branch, so that JavaScript and NumPy agree to the last bits.
  const sigmoid = (z) => {
    const e = Math.exp(-Math.abs(z));
    const s = 1 / (1 + e);
    return z >= 0 ? s : e * s;
  };

  // A[l] = g(W[l] A[l-1] + b[l]) for one example: W is rows of numbers, b rows of one number.
  const dense = (W, b, a) => W.map((row, j) => {
    let z = b[j][0];
    for (let k = 0; k < row.length; k++) z += row[k] * a[k];
    return sigmoid(z);
  });

  function forward(params, x) {
    if (!x || x.length !== N_IN * N_IN) throw new RangeError(`forward needs ${N_IN * N_IN} numbers; got ${x && x.length}`);
    const A1 = dense(params.W1, params.b1, x);
    const A2 = dense(params.W2, params.b2, A1);
    return { A1, A2, p: dense(params.W3, params.b3, A2)[0] };
  }

  // snippets.data.resample_matrix: output pixel i averages the input over [i s, (i+1) s), weighted by overlap.
  function resampleMatrix(nIn, nOut) {
    const s = nIn / nOut;
    return Array.from({ length: nOut }, (_, i) => Array.from({ length: nIn }, (_, j) =>
      Math.max(0, Math.min((i + 1) * s, j + 1) - Math.max(i * s, j)) / s));
  }
  const R = resampleMatrix(BIG, N_IN);

  // 28x28 row by row -> 20x20 row by row: R X R^T, clipped to [0, 1] as snippets.data.images does.
  function downsample(x) {
    if (!x || x.length !== BIG * BIG) throw new RangeError(`downsample needs ${BIG * BIG} numbers; got ${x && x.length}`);
    const rows = R.map((r) => Array.from({ length: BIG }, (_, c) => r.reduce((sum, w, k) => sum + w * x[k * BIG + c], 0)));
    const out = [];
    for (const row of rows) for (const r of R) out.push(Math.min(1, Math.max(0, r.reduce((s, w, c) => s + w * row[c], 0))));
    return out;
  }

  function decode(entry) { // {"shape": [rows, cols], "data": base64 little-endian float32} -> rows of numbers
    const bytes = Uint8Array.from(atob(entry.data), (c) => c.charCodeAt(0));
    const values = new DataView(bytes.buffer);
    const [rows, cols] = entry.shape;
    return Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => values.getFloat32(4 * (i * cols + j), true)));
  }

  // --- MNIST's own preprocessing, from the stroke points ------------------------------------------

  function segmentDistance2(px, py, a, b) {
    const dx = b.x - a.x, dy = b.y - a.y;
    const len2 = dx * dx + dy * dy;
    const t = len2 ? Math.max(0, Math.min(1, ((px - a.x) * dx + (py - a.y) * dy) / len2)) : 0;
    const ex = a.x + t * dx - px, ey = a.y + t * dy - py;
    return ex * ex + ey * ey;
  }

  // Coverage of each 28x28 pixel by the strokes drawn with radius PEN, the strokes mapped by u = s x + ox.
  function rasterise(strokes, s, ox, oy) {
    const segments = strokes.flatMap((st) => st.length === 1 ? [[st[0], st[0]]] : st.slice(1).map((p, i) => [st[i], p]))
      .map(([a, b]) => [{ x: s * a.x + ox, y: s * a.y + oy }, { x: s * b.x + ox, y: s * b.y + oy }]);
    const image = new Array(BIG * BIG).fill(0);
    for (let row = 0; row < BIG; row++) {
      for (let col = 0; col < BIG; col++) {
        let hits = 0;
        for (let i = 0; i < SUB; i++) {
          for (let j = 0; j < SUB; j++) {
            const px = col + (j + 0.5) / SUB, py = row + (i + 0.5) / SUB;
            if (segments.some(([a, b]) => segmentDistance2(px, py, a, b) <= PEN * PEN)) hits++;
          }
        }
        image[row * BIG + col] = hits / (SUB * SUB);
      }
    }
    return image;
  }

  function centreOfMass(image) {
    let total = 0, x = 0, y = 0;
    image.forEach((v, k) => { total += v; x += v * ((k % BIG) + 0.5); y += v * (Math.floor(k / BIG) + 0.5); });
    return { x: x / total, y: y / total };
  }

  // 1. bounding box of the ink; 2. scaled to fit a 20x20 box, aspect kept; 3. centre of mass moved to the
  // centre of a 28x28 image; 4. averaged down to 20x20. Returns null when there is no ink.
  function preprocess(strokes) {
    const points = strokes.flat();
    if (!points.length) return null;
    const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
    const x0 = Math.min(...xs), y0 = Math.min(...ys);
    const extent = Math.max(Math.max(...xs) - x0, Math.max(...ys) - y0, 1e-3); // a dot has no extent
    const s = (BOX - 2 * PEN) / extent; // the centre line fills the box less the pen's own width
    const w = (Math.max(...xs) - x0) * s, h = (Math.max(...ys) - y0) * s;
    let ox = (BIG - w) / 2 - s * x0, oy = (BIG - h) / 2 - s * y0; // the box centred first...
    const com = centreOfMass(rasterise(strokes, s, ox, oy));
    ox += BIG / 2 - com.x; oy += BIG / 2 - com.y; // ...then the centre of mass moved to the centre
    const big = rasterise(strokes, s, ox, oy);
    return { big, x: downsample(big) };
  }

  // --- The page -------------------------------------------------------------------------------------

  const cssColour = (name, fallback) => getComputedStyle(document.body).getPropertyValue(name).trim() || fallback;

  function paintGrid(canvas, values, colour) { // values row by row, one canvas pixel each (CSS scales it up)
    const n = Math.round(Math.sqrt(values.length));
    const ctx = canvas.getContext("2d");
    const image = ctx.createImageData(n, n);
    values.forEach((v, k) => { const c = colour(v); image.data.set([c[0], c[1], c[2], 255], 4 * k); });
    ctx.putImageData(image, 0, 0);
  }
  const grey = (v) => { const g = Math.round(255 * (1 - v)); return [g, g, g]; }; // ink is dark, as on paper
  // Activations 0..1 from pale to deep indigo (readable on both schemes: each unit also shows its value).
  const activationRgb = (v) => [232 - 169 * v, 234 - 153 * v, 246 - 65 * v].map(Math.round);
  // Black or white text, whichever the background lets reach 4.5:1 (WCAG relative luminance).
  const luminance = (rgb) => rgb.map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
    .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);

  function setUp(root) {
    const pad = root.querySelector("#digit-canvas");
    const seen = root.querySelector("#digit-input");
    const weights = root.querySelector("#digit-weights");
    const status = root.querySelector("#digit-status");
    const prediction = root.querySelector("#digit-prediction");
    const layers = { A1: root.querySelector("#digit-a1"), A2: root.querySelector("#digit-a2") };
    const output = root.querySelector("#digit-output");
    const ctx = pad.getContext("2d");
    let strokes = [], drawing = null, net = null, change = null, digits = [], nextDigit = 0, sample = null;

    const toPad = (event) => {
      const box = pad.getBoundingClientRect();
      return { x: (event.clientX - box.left) * pad.width / box.width, y: (event.clientY - box.top) * pad.height / box.height };
    };
    function repaint() {
      ctx.fillStyle = "#fff";
      ctx.fillRect(0, 0, pad.width, pad.height);
      ctx.strokeStyle = "#111";
      ctx.lineWidth = pad.width / 14; // a thick pen on screen; the network sees the centre line (preprocess)
      ctx.lineCap = ctx.lineJoin = "round";
      for (const stroke of strokes) {
        ctx.beginPath();
        stroke.forEach((p, i) => (i ? ctx.lineTo(p.x, p.y) : ctx.moveTo(p.x, p.y)));
        if (stroke.length === 1) ctx.lineTo(stroke[0].x + 0.01, stroke[0].y);
        ctx.stroke();
      }
    }

    function show(x, caption) {
      if (!x) {
        paintGrid(seen, new Array(N_IN * N_IN).fill(0), grey);
        prediction.dataset.label = "";
        prediction.dataset.p = "";
        prediction.textContent = "No ink yet: draw a 0 or a 1 (a blank canvas gets no prediction).";
        for (const [name, element] of Object.entries(layers)) element.querySelectorAll(".digit-unit").forEach((u) => paintUnit(u, null, name));
        output.textContent = "P(y = 1) = –";
        return;
      }
      paintGrid(seen, x, grey);
      const { A1, A2, p } = forward(net, x);
      A1.forEach((v, j) => paintUnit(layers.A1.children[j], v, "A1"));
      A2.forEach((v, j) => paintUnit(layers.A2.children[j], v, "A2"));
      const label = p >= 0.5 ? "1" : "0";
      prediction.dataset.label = label;
      prediction.dataset.p = String(p);
      prediction.textContent = `${caption}The network says ${label}: P(y = 1) = ${p.toFixed(3)}.`;
      output.textContent = `P(y = 1) = ${p.toFixed(3)}`;
      output.style.setProperty("--p", p);
    }
    function paintUnit(unit, v, name) {
      const rgb = v === null ? null : activationRgb(v);
      unit.style.background = rgb ? `rgb(${rgb})` : "";
      unit.style.color = rgb ? (luminance(rgb) >= 0.179 ? "#000" : "#fff") : "";
      unit.querySelector("span").textContent = v === null ? "–" : v.toFixed(2);
      if (name === "A1") unit.setAttribute("aria-label", `Layer 1, unit ${+unit.dataset.unit + 1}: activation ${v === null ? "none" : v.toFixed(2)}. Show its weights`);
    }
    const predictDrawing = () => {
      sample = null;
      const result = preprocess(strokes);
      show(result && result.x, "");
    };

    // Drawing: pointer events for mouse, finger and pen; capture keeps a stroke that leaves the canvas.
    pad.addEventListener("pointerdown", (event) => {
      if (!net || event.button > 0) return;
      if (sample) { strokes = []; sample = null; } // drawing over a test digit starts afresh
      event.preventDefault();
      pad.setPointerCapture(event.pointerId);
      drawing = event.pointerId;
      strokes.push([toPad(event)]);
      repaint();
    });
    pad.addEventListener("pointermove", (event) => {
      if (drawing !== event.pointerId) return;
      const events = event.getCoalescedEvents ? event.getCoalescedEvents() : [event];
      for (const e of events.length ? events : [event]) strokes[strokes.length - 1].push(toPad(e));
      repaint();
    });
    const endStroke = (event) => {
      if (drawing !== event.pointerId) return;
      drawing = null;
      if (pad.hasPointerCapture(event.pointerId)) pad.releasePointerCapture(event.pointerId);
      predictDrawing();
    };
    pad.addEventListener("pointerup", endStroke);
    pad.addEventListener("pointercancel", endStroke); // the browser took the pointer back: keep what was drawn

    root.querySelector("#digit-clear").addEventListener("click", () => {
      strokes = []; sample = null; repaint(); show(null);
    });
    root.querySelector("#digit-sample").addEventListener("click", () => {
      if (!digits.length) return;
      const digit = digits[nextDigit++ % digits.length];
      const bytes = Uint8Array.from(atob(digit.pixels), (c) => c.charCodeAt(0));
      const big = Array.from(bytes, (b) => b / 255);
      strokes = []; sample = digit;
      const small = document.createElement("canvas");
      small.width = small.height = BIG;
      paintGrid(small, big, grey);
      ctx.imageSmoothingEnabled = false;
      ctx.drawImage(small, 0, 0, pad.width, pad.height);
      const wrong = digit.misclassified ? " The headline run gets this one wrong." : "";
      show(downsample(big), `Test digit ${digit.index}, labelled ${digit.label}.${wrong} `);
    });

    // The 25 units of layer 1 are buttons: focusing or clicking one shows what training changed in its 400
    // incoming weights (W1 - W1 at the start): the trained weights alone are mostly the random start.
    function showWeights(j) {
      const row = change[j];
      const scale = Math.max(...row.map(Math.abs));
      // Positive weights orange, negative blue, white at 0: the pixels that push this unit up or down.
      paintGrid(weights, row, (w) => {
        const t = Math.abs(w) / scale;
        return w >= 0 ? [255, Math.round(255 - 140 * t), Math.round(255 - 255 * t)] : [Math.round(255 - 255 * t), Math.round(255 - 155 * t), 255];
      });
      root.querySelector("#digit-weights-caption").textContent =
        `What training changed in the weights into layer 1, unit ${j + 1} (largest change ${scale.toFixed(2)}): ` +
        "orange pixels now raise its activation more, blue ones lower it more.";
      layers.A1.querySelectorAll(".digit-unit").forEach((u, k) => u.setAttribute("aria-pressed", String(k === j)));
    }
    for (const [name, n] of [["A1", 25], ["A2", 15]]) {
      layers[name].replaceChildren(...Array.from({ length: n }, (_, j) => {
        const unit = document.createElement(name === "A1" ? "button" : "div");
        unit.className = "digit-unit";
        unit.dataset.unit = j;
        unit.innerHTML = `<span>–</span>`;
        if (name === "A1") {
          unit.type = "button";
          unit.addEventListener("click", () => showWeights(j));
          unit.addEventListener("focus", () => showWeights(j));
        } else {
          unit.setAttribute("role", "listitem");
          unit.setAttribute("aria-label", `Layer 2, unit ${j + 1}`);
        }
        return unit;
      }));
    }

    const url = (name) => new URL(root.dataset[name], location.href);
    const load = (name) => notesFetchJSON(url(name)).catch((error) => {
      throw new Error(`${root.dataset[name]}: ${error.message}`);
    });
    repaint();
    Promise.all([load("net"), load("digits")]).then(([payload, sampled]) => {
      net = Object.fromEntries(["W1", "b1", "W2", "b2", "W3", "b3"].map((key) => [key, decode(payload[key])]));
      // int8 rows, each with its own scale (snippets/course/export.py, _row_scaled)
      const q = Int8Array.from(atob(payload.W1_change.data), (c) => c.charCodeAt(0));
      const [rows, cols] = payload.W1_change.shape;
      change = Array.from({ length: rows }, (_, j) =>
        Array.from(q.subarray(j * cols, (j + 1) * cols), (v) => v * payload.W1_change.scale[j]));
      digits = sampled.digits;
      window.digitNet = { params: net, forward: (x) => forward(net, x), downsample, preprocess };
      status.hidden = true;
      root.classList.remove("digit-loading");
      showWeights(0);
      show(null);
    }).catch((error) => {
      status.textContent = `The network could not be loaded (${error.message}), so the drawing pad is switched off. ` +
        "Reload the page to try again; the rest of the notes work without it.";
      status.classList.add("digit-error");
      root.classList.add("digit-failed");
      for (const button of root.querySelectorAll("button")) button.disabled = true;
    });
  }

  const start = () => {
    const root = document.querySelector("#digit-widget");
    if (root && !root.dataset.ready) { root.dataset.ready = "1"; setUp(root); }
  };
  if (window.document$) document$.subscribe(start); else document.addEventListener("DOMContentLoaded", start);
})();
