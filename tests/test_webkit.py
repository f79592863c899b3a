"""The core browser tests again in WebKit, the engine of every browser on an iPhone: math has its boxes, no script
fails, the drawing pad reads a mouse-drawn 1 and 0, the slider, the checklist's persistence, a practice question.

WebKit here is Debian's WebKitGTK: WebKitWebDriver driving the MiniBrowser that libwebkit2gtk-4.1 ships, through
Selenium's WebKitGTK driver, on an Xvfb display (`.ci/run` installs webkit2gtk-driver and xvfb). Without them the
tests skip, saying what to install. Pages are served with a script first in <head> that records uncaught errors
and rejected promises (WebKitWebDriver gives no console log), read back as `window.__errors`.
"""

import concurrent.futures
import functools
import glob
import http.server
import math
import os
import shutil
import subprocess
import threading
import time
from pathlib import Path

import pytest
from test_try_it import DRAWINGS, stroke_points

# selenium 4.51's own WebKitGTK driver still passes remote_server_addr; nothing here sets it
pytestmark = [
    pytest.mark.slow,
    pytest.mark.xdist_group("webkit"),  # one Xvfb display and one WebKit, on one worker
    pytest.mark.filterwarnings("ignore:setting remote_server_addr:DeprecationWarning"),
]

DRIVER = shutil.which("WebKitWebDriver") or "/usr/bin/WebKitWebDriver"
MINIBROWSER = next(iter(glob.glob("/usr/lib/*-linux-gnu/webkit2gtk-4.1/MiniBrowser")), None)
CATCHER = (
    b"<script>window.__errors=[];addEventListener('error',e=>__errors.push(String(e.message)));"
    b"addEventListener('unhandledrejection',e=>__errors.push('rejected: '+String(e.reason)))</script>"
)


class _Instrumented(http.server.SimpleHTTPRequestHandler):
    """The built site, each HTML page with CATCHER first in its <head>."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.endswith("/"):
            path = path / "index.html"
        if path.suffix != ".html" or not path.is_file():
            return super().send_head()
        body = path.read_bytes().replace(b"<head>", b"<head>" + CATCHER, 1)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def display(tmp_path_factory):
    """An Xvfb display for the MiniBrowser's window; its name, as DISPLAY wants it."""
    needed = {"webkit2gtk-driver": os.path.exists(DRIVER), "libwebkit2gtk-4.1's MiniBrowser": MINIBROWSER,
              "xvfb": shutil.which("Xvfb")}  # fmt: skip
    missing = [name for name, found in needed.items() if not found]
    if missing:
        pytest.skip(f"WebKit tests need {', '.join(missing)} (apt-get install webkit2gtk-driver xvfb; .ci/run does)")
    pytest.importorskip("selenium", reason="WebKit tests need selenium (make setup)")
    # A display number of our own, not -displayfd: Xvfb fails to write to a pipe whose fd is high ("Cannot write
    # display number to fd 13"), as it is inside a long pytest run.
    number = next(n for n in range(99, 200) if not Path(f"/tmp/.X{n}-lock").exists()
                  and not Path(f"/tmp/.X11-unix/X{n}").exists())  # fmt: skip
    log = tmp_path_factory.mktemp("xvfb") / "stderr.txt"
    with log.open("wb") as stderr:
        server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                                  stderr=stderr, stdin=subprocess.DEVNULL)  # fmt: skip
    deadline = time.monotonic() + 20
    while not Path(f"/tmp/.X11-unix/X{number}").exists() and server.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    if server.poll() is not None or not Path(f"/tmp/.X11-unix/X{number}").exists():
        server.kill()
        pytest.fail(f"Xvfb :{number} did not start (exit {server.poll()}): {log.read_text()[-1000:]}")
    yield f":{number}"
    server.terminate()
    server.wait()


@pytest.fixture(scope="module")
def base(built_site):
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(_Instrumented, directory=str(built_site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture
def webkit(display, base):
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service

    options = Options()
    options.binary_location = MINIBROWSER
    options.add_argument("--automation")
    service = Service(executable_path=DRIVER, env={**os.environ, "DISPLAY": display})
    # WebKitWebDriver waits without end for a browser that cannot open its window: fail after a minute instead
    with concurrent.futures.ThreadPoolExecutor(1) as pool:
        starting = pool.submit(webdriver.WebKitGTK, options=options, service=service)
        try:
            driver = starting.result(timeout=60)
        except concurrent.futures.TimeoutError:
            service.process.kill()
            pytest.fail(f"WebKitWebDriver did not open the MiniBrowser on display {display} within 60 s")
    driver.set_window_size(1280, 900)
    yield driver
    driver.quit()


def open_page(driver, url):
    """Load a page and wait until the site's scripts have run (they start after the first paint)."""
    driver.get(url)
    wait(
        driver,
        "document.documentElement.classList.contains('js') && window.document$ !== undefined"
        " && document.readyState === 'complete'",
    )
    time.sleep(0.5)  # the site's scripts subscribe to the theme's document$ once the bundle has run


def wait(driver, condition, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if driver.execute_script(f"return Boolean({condition})"):
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {condition}")


def errors(driver):
    return driver.execute_script("return window.__errors")


@pytest.mark.parametrize("path", ["", "loss/", "backprop/", "try-it/", "gradient-descent/", "checklist/", "review/"])
def test_pages_load_without_script_errors_and_math_has_boxes(webkit, base, path):
    open_page(webkit, base + path)
    boxes = webkit.execute_script(
        # as in test_browser.py: math inside a hidden element (a practice key, a review card not shown, a closed
        # fold) has no box
        "return [...document.querySelectorAll('.md-content math')]"
        ".filter(m => !m.closest('[hidden], .practice-key, details:not([open])'))"
        ".map(m => { const r = m.getBoundingClientRect(); return [r.width, r.height]; })"
    )
    if path in ("loss/", "backprop/"):
        assert len(boxes) > 20 and all(w > 0 and h > 0 for w, h in boxes), [
            b for b in boxes if not (b[0] > 0 and b[1] > 0)
        ][:5]
    assert errors(webkit) == []


def draw(driver, points):
    """A stroke through `points` (fractions of the pad) with the mouse."""
    from selenium.webdriver.common.actions.action_builder import ActionBuilder

    canvas = driver.find_element("css selector", "#digit-canvas")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", canvas)
    width, height = canvas.size["width"], canvas.size["height"]
    at = [(round((x - 0.5) * width), round((y - 0.5) * height)) for x, y in points]  # from the pad's centre
    actions = ActionBuilder(driver)
    actions.pointer_action.move_to(canvas, *at[0]).pointer_down()
    for x, y in at[1:]:
        actions.pointer_action.move_to(canvas, x, y)
    actions.pointer_action.pointer_up()
    actions.perform()


@pytest.mark.parametrize("name", ["1 centred", "0 centred"])
def test_a_mouse_drawn_digit_is_read_right_and_clear_empties_the_pad(webkit, base, name):
    open_page(webkit, base + "try-it/")
    wait(webkit, "!document.querySelector('#digit-clear').disabled")
    digit, cx, cy, size = DRAWINGS[name]
    draw(webkit, stroke_points(digit, cx, cy, size))
    wait(webkit, "document.querySelector('#digit-prediction').dataset.label !== ''")
    label, p = webkit.execute_script(
        "const d = document.querySelector('#digit-prediction').dataset; return [d.label, d.p]"
    )
    assert label == digit and (float(p) >= 0.5) == (digit == "1") and not math.isnan(float(p)), (label, p)
    webkit.find_element("css selector", "#digit-clear").click()
    wait(webkit, "document.querySelector('#digit-prediction').dataset.label === ''")
    assert errors(webkit) == []


def test_the_learning_rate_slider_changes_the_readout(webkit, base):
    from selenium.webdriver.common.keys import Keys

    open_page(webkit, base + "gradient-descent/")
    wait(webkit, "!document.querySelector('#lr-slider').disabled")
    readout = webkit.find_element("css selector", "#lr-readout")
    before = readout.text
    webkit.find_element("css selector", "#lr-slider").send_keys(Keys.END)
    wait(webkit, f"document.querySelector('#lr-readout').textContent !== {before!r}")
    assert "final loss" in readout.text and errors(webkit) == []


def test_a_checklist_tick_survives_a_reload(webkit, base):
    open_page(webkit, base + "checklist/")
    status = "document.querySelector('.checklist-progress [role=status]').textContent"
    total = webkit.execute_script("return document.querySelectorAll('.task-list-item input[type=checkbox]').length")
    assert webkit.execute_script(f"return {status}") == f"0 of {total} ticked"
    webkit.execute_script("document.querySelectorAll('.task-list-item input[type=checkbox]')[2].click()")
    wait(webkit, f"{status} === '1 of {total} ticked'")
    open_page(webkit, base + "checklist/")
    assert webkit.execute_script("return document.querySelectorAll('.task-list-item input[type=checkbox]')[2].checked")
    assert webkit.execute_script(f"return {status}") == f"1 of {total} ticked" and errors(webkit) == []


def test_a_practice_question_grades_right_and_wrong_answers(webkit, base):
    open_page(webkit, base + "activation/")
    form = webkit.find_element("css selector", 'form.practice[data-id="activation-sigma-of"]')  # σ(0)
    feedback = form.find_element("css selector", ".practice-feedback")
    for text, result in ((".5", "correct"), ("0.25", "wrong")):
        field = form.find_element("css selector", ".practice-input")
        field.clear()
        field.send_keys(text)
        form.find_element("css selector", ".practice-check").click()
        wait(
            webkit,
            "document.querySelector('form.practice[data-id=\"activation-sigma-of\"] .practice-feedback')"
            f".dataset.result === '{result}'",
        )
    assert feedback.text and errors(webkit) == []
