"""The interactive pages in a real browser: drawing a digit on try-it/, and the learning-rate explorer.

Same needs as tests/test_browser.py (Debian's Chromium, Playwright), whose fixtures these tests reuse;
without them they skip and say so.
"""

import base64
import json
import math

import numpy as np
import pytest
from chromium import MARKS  # noqa: E402

from snippets import data, numpy_net
from snippets.course import export

pytestmark = MARKS
import test_browser  # noqa: E402

visit = test_browser.visit  # its fixture: a fresh page per test

PAGE = "try-it/"
READY = "() => window.digitNet !== undefined"


def open_try_it(v):
    v.open(PAGE)
    v.page.wait_for_function(READY, timeout=15000)
    v.page.locator("#digit-canvas").scroll_into_view_if_needed()


def b64(array, dtype):
    return base64.b64encode(np.ascontiguousarray(array, dtype=dtype).tobytes()).decode("ascii")


JS_FORWARD_ALL = """([pixels, n]) => {
  const bytes = Uint8Array.from(atob(pixels), (c) => c.charCodeAt(0));
  const out = {x: [], A1: [], A2: [], p: []};
  for (let i = 0; i < n; i++) {
    const x = digitNet.downsample(Array.from(bytes.subarray(784 * i, 784 * (i + 1)), (b) => b / 255));
    const {A1, A2, p} = digitNet.forward(x);
    out.x.push(...x); out.A1.push(...A1); out.A2.push(...A2); out.p.push(p);
  }
  const pack = (values) => btoa(String.fromCharCode(...new Uint8Array(new Float64Array(values).buffer)));
  const packAll = (values) => {  // in slices: String.fromCharCode takes a bounded number of arguments
    const parts = [];
    for (let k = 0; k < values.length; k += 4096) parts.push(atob(pack(values.slice(k, k + 4096))));
    return btoa(parts.join(""));
  };
  return Object.fromEntries(Object.entries(out).map(([k, v]) => [k, packAll(v)]));
}"""


def test_javascript_equals_numpy_on_every_test_digit(visit, built_site):
    """digitNet.params are the shipped weights; downsample equals snippets.data and forward equals
    numpy_net.forward (A1, A2, p) to 1e-6 on all 2,115 test digits."""
    shipped = export.read_digit_net(json.loads((built_site / PAGE / "digit-net.json").read_text()))
    v = visit()
    open_try_it(v)
    params = v.page.evaluate("() => digitNet.params")
    for key, value in shipped.items():
        np.testing.assert_array_equal(np.array(params[key]), value, err_msg=key)
    images, _ = data.images("test", size=28)
    pixels = np.rint(images * 255).astype(np.uint8)
    got = v.page.evaluate(JS_FORWARD_ALL, [b64(pixels, "u1"), len(pixels)])
    got = {k: np.frombuffer(base64.b64decode(s), dtype="<f8") for k, s in got.items()}
    X, _ = data.load("test")
    m = X.shape[1]
    np.testing.assert_allclose(got["x"].reshape(m, 400).T, X, rtol=0, atol=1e-6)
    _, cache = numpy_net.forward(X, shipped)
    diffs = {
        "A1": np.abs(got["A1"].reshape(m, 25).T - cache["A1"]).max(),
        "A2": np.abs(got["A2"].reshape(m, 15).T - cache["A2"]).max(),
        "p": np.abs(got["p"].reshape(1, m) - cache["A3"]).max(),
    }
    print(f"largest JavaScript - NumPy difference over {m} test digits: {diffs}")
    assert max(diffs.values()) <= 1e-6, diffs
    assert not v.errors, v.errors


def stroke_points(shape, cx, cy, size, n=40):
    """Points of a 1 (a vertical line, slightly slanted) or a 0 (an ellipse), centred at (cx, cy), `size` tall."""
    if shape == "1":
        return [(cx + 0.08 * size * (t / n - 0.5), cy - size / 2 + size * t / n) for t in range(n + 1)]
    return [
        (cx + 0.32 * size * math.sin(2 * math.pi * t / n), cy - 0.5 * size * math.cos(2 * math.pi * t / n))
        for t in range(n + 1)
    ]


def draw_with_mouse(page, points):
    box = page.locator("#digit-canvas").bounding_box()
    at = [(box["x"] + x * box["width"], box["y"] + y * box["height"]) for x, y in points]
    page.mouse.move(*at[0])
    page.mouse.down()
    for x, y in at[1:]:
        page.mouse.move(x, y, steps=2)
    page.mouse.up()


def prediction(page):
    return page.evaluate("() => ({...document.querySelector('#digit-prediction').dataset})")


DRAWINGS = {  # name: (digit, centre x, centre y, height), in fractions of the pad
    "1 centred": ("1", 0.5, 0.5, 0.7),
    "1 small, top left": ("1", 0.2, 0.25, 0.25),
    "1 large": ("1", 0.5, 0.5, 0.95),
    "0 centred": ("0", 0.5, 0.5, 0.7),
    "0 small, bottom right": ("0", 0.75, 0.75, 0.25),
    "0 large": ("0", 0.5, 0.5, 0.95),
}


@pytest.mark.parametrize("name", DRAWINGS)
def test_mouse_drawing_gets_the_right_label(visit, name):
    """A 1 and a 0 drawn with the mouse, centred, off-centre, small and large, get their label, and the
    network sees about the same input whatever the position and size."""
    digit, cx, cy, size = DRAWINGS[name]
    v = visit()
    open_try_it(v)
    assert prediction(v.page) == {"label": "", "p": ""}  # a blank canvas gets no prediction
    draw_with_mouse(v.page, stroke_points(digit, cx, cy, size))
    result = prediction(v.page)
    print(f"{name}: label {result['label']}, P(y = 1) = {float(result['p']):.4f}")
    assert result["label"] == digit, f"{name}: the network said {result['label']} (P(y = 1) = {result['p']})"
    assert (float(result["p"]) >= 0.5) == (digit == "1")
    assert not v.errors, v.errors


def test_same_digit_anywhere_gives_about_the_same_input(visit):
    """MNIST's preprocessing: a 0 drawn small in a corner and large in the middle give inputs within 0.1 on average."""
    v = visit()
    open_try_it(v)
    inputs = []
    for cx, cy, size in [(0.5, 0.5, 0.9), (0.25, 0.7, 0.3)]:
        points = [{"x": 280 * x, "y": 280 * y} for x, y in stroke_points("0", cx, cy, size)]
        inputs.append(np.array(v.page.evaluate("(s) => digitNet.preprocess([s]).x", points)))
    assert np.abs(inputs[0] - inputs[1]).mean() < 0.02 and inputs[0].max() > 0.5


def test_clear_removes_the_prediction(visit):
    """After a drawing, Clear leaves no prediction: data-label and data-p are empty."""
    v = visit()
    open_try_it(v)
    draw_with_mouse(v.page, stroke_points("1", 0.5, 0.5, 0.7))
    assert prediction(v.page)["label"] == "1"
    v.page.locator("#digit-clear").click()
    assert prediction(v.page) == {"label": "", "p": ""}
    assert v.page.locator("#digit-prediction").get_attribute("aria-live") == "polite"


def test_touch_drawing_on_a_phone_does_not_scroll(visit):
    """A 1 drawn by touch at 390 px is recognised, and the page does not scroll while the finger moves."""
    v = visit(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    open_try_it(v)
    v.page.evaluate("() => document.querySelector('#digit-canvas').scrollIntoView({block: 'center'})")
    before = v.page.evaluate("() => window.scrollY")
    box = v.page.locator("#digit-canvas").bounding_box()
    cdp = v.context.new_cdp_session(v.page)
    points = [(box["x"] + x * box["width"], box["y"] + y * box["height"]) for x, y in stroke_points("1", 0.5, 0.5, 0.8)]
    # A finger moving upwards: on a page that let it, this gesture would scroll the page down.
    points.reverse()
    cdp.send(
        "Input.dispatchTouchEvent", {"type": "touchStart", "touchPoints": [{"x": points[0][0], "y": points[0][1]}]}
    )
    for x, y in points[1:]:
        cdp.send("Input.dispatchTouchEvent", {"type": "touchMove", "touchPoints": [{"x": x, "y": y}]})
    cdp.send("Input.dispatchTouchEvent", {"type": "touchEnd", "touchPoints": []})
    v.page.wait_for_function("() => document.querySelector('#digit-prediction').dataset.label !== ''", timeout=5000)
    assert v.page.evaluate("() => window.scrollY") == before
    assert prediction(v.page)["label"] == "1"
    assert not v.errors, v.errors


def test_every_unit_of_every_layer_is_on_a_phone_screen(visit):
    """At 390 px, each unit of the layer grids lies inside the screen's width: none cut off or off screen."""
    v = visit(viewport={"width": 390, "height": 844})
    open_try_it(v)
    units = v.page.evaluate(
        "() => [...document.querySelectorAll('.digit-units > *')].map(u => u.getBoundingClientRect().right)"
    )
    assert len(units) >= 25, len(units)
    assert max(units) <= 390, f"units reach {max(units):.0f} px on a 390 px screen"


def test_test_digits_and_units_work_by_keyboard(visit):
    """By keyboard: "Show me a test digit" loads a real digit with its label (the misclassified ones first),
    and focusing a unit of layer 1 shows its weights."""
    v = visit()
    open_try_it(v)
    v.page.locator("#digit-sample").focus()
    v.page.keyboard.press("Enter")
    text = v.page.locator("#digit-prediction").inner_text()
    assert "Test digit" in text and "labelled" in text and "gets this one wrong" in text, text
    assert prediction(v.page)["label"] in ("0", "1")
    caption = v.page.locator("#digit-weights-caption")
    v.page.locator("#digit-a1 button").nth(3).focus()
    assert "unit 4" in caption.inner_text()
    assert v.page.locator("#digit-a1 button").nth(3).get_attribute("aria-pressed") == "true"
    assert not v.errors, v.errors


def test_missing_weights_show_a_message(visit):
    """When digit-net.json cannot be loaded, the page says so and the buttons are disabled, with no script error."""
    v = visit()
    v.context.route("**/digit-net.json", lambda route: route.fulfill(status=404, body="not found"))
    v.open(PAGE)
    status = v.page.locator("#digit-status")
    status.wait_for(state="visible")
    v.page.wait_for_function("() => document.querySelector('#digit-status').textContent.includes('could not')")
    assert "HTTP 404" in status.inner_text()
    assert v.page.locator("#digit-clear").is_disabled()
    assert not [e for e in v.errors if "404" not in e], v.errors


def test_learning_rate_slider_redraws_the_figure_and_numbers(visit):
    """The explorer's slider, moved by keyboard, changes α, the final loss and accuracy, and the drawn curves."""
    v = visit()
    v.open("gradient-descent/")
    slider = v.page.locator("#lr-slider")
    v.page.wait_for_function("() => !document.querySelector('#lr-slider').disabled")
    assert int(slider.get_attribute("max")) + 1 == len(export.LEARNING_RATES) >= 8
    readout = v.page.locator("#lr-readout")
    chosen = "() => document.querySelector('#lr-figure .lr-chosen').getAttribute('d')"
    before, curve = readout.inner_text(), v.page.evaluate(chosen)
    slider.focus()
    v.page.keyboard.press("End")
    after = readout.inner_text()
    assert after != before and v.page.evaluate(chosen) != curve
    assert after.startswith(f"α = {export.LEARNING_RATES[-1]:g}") and "final loss" in after and "accuracy" in after
    assert slider.get_attribute("aria-valuetext") == f"α = {export.LEARNING_RATES[-1]:g}"
    assert v.page.locator("#lr-figure .lr-other").count() == 2 * (len(export.LEARNING_RATES) - 1)
    assert not v.errors, v.errors


def test_shipped_files_are_small(built_site):
    """The weights file, with what training changed in W1 (int8), is at most 75 KB; the test digits and the curves
    are at most 60 KB each."""
    sizes = {name: (built_site / name).stat().st_size for name in export.site_files()}
    print(sizes)
    assert sizes.pop("try-it/digit-net.json") <= 75_000
    assert max(sizes.values()) <= 60_000
