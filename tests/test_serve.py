"""The author's loop: `mkdocs serve` keeps serving when a page breaks, and shows the error on that page."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import copy_project

pytestmark = pytest.mark.slow

HEADER = "# %% [markdown]\n# # Probe\n\n"
# Cell 2: "# %%" on line 7 (after the 3-line header and cell 1), its first line of code on line 8.
GOOD = "# %%\nimport numpy as np\n\n# %%\nfrom snippets import losses\nprint('loss is', losses.binary_cross_entropy(np.full((1, 2), 0.5), np.ones((1, 2))))\n"  # noqa: E501
# Labels of the wrong shape: snippets.checks.as_labels raises, two frames down inside snippets/.
BAD = GOOD.replace("np.ones((1, 2))", "np.ones((2, 2))")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, ""
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return 0, ""


def served(url: str) -> str | None:
    """The page's HTML once the server answers 200 for it."""
    status, html = fetch(url)
    return html if status == 200 else None


def wait_for(predicate, what: str, server, log: Path, timeout: float = 300):
    """Poll `predicate()` until it returns something truthy; fail naming `what`, with the server's log."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve exited ({server.returncode}) while waiting for {what}:\n{log.read_text()}")
        value = predicate()
        if value:
            return value
        time.sleep(1)
    pytest.fail(f"timed out after {timeout} s waiting for {what}; mkdocs serve's log:\n{log.read_text()}")


@pytest.fixture
def serving(tmp_path):
    """`mkdocs serve` of a project copy whose probe page raises; yields (project, base URL, process)."""
    pages = {"index.md": "# Home\n\nA probe site.\n", "probe.py": HEADER + BAD, "other.py": HEADER + GOOD}
    project = copy_project(tmp_path / "project", pages=pages)
    port = free_port()
    log = open(tmp_path / "serve.log", "w")
    command = [sys.executable, "-m", "properdocs", "serve", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{port}"]
    env = {**os.environ, "NBCONVERT_DISABLE_CONFIG_EXPORTERS": "1"}
    # SIGINT back to its default in the child: a shell without job control (CI) starts background jobs with it
    # ignored, and the teardown below stops the server the way Ctrl-C does.
    server = subprocess.Popen(
        command,
        cwd=project,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        yield project, f"http://127.0.0.1:{port}/", server
    finally:
        os.killpg(server.pid, signal.SIGINT)  # what Ctrl-C does: mkdocs shuts down and removes its temporary site
        try:
            server.wait(timeout=60)  # a rebuild in progress finishes first
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait()
        log.close()


def test_serve_shows_an_error_page_keeps_serving_and_recovers(serving, tmp_path):
    """A raising cell under `mkdocs serve` gives its page an error page (file, cell, line, exception, frames in
    snippets/) inside the site's theme, other pages serve; fixing the cell brings the page back."""
    project, base, server = serving
    log = tmp_path / "serve.log"
    page = wait_for(lambda: served(base + "probe/"), "probe/", server, log)
    soup = BeautifulSoup(page, "html.parser")
    error = soup.select_one(".md-content [data-notes-build-error]")
    assert error is not None, page[-3000:]
    text = error.get_text(" ", strip=True)
    assert "Build error" in text
    assert "docs/probe.py: code cell 2 (line 8) raised ValueError: Y must have shape (1, m)" in text
    # the frames inside snippets/: file, line, function and code line, colour codes stripped
    frames = [item.get_text(" ", strip=True) for item in error.select("ol > li")]
    assert frames[0].startswith("snippets/losses.py , line ") and "in binary_cross_entropy" in frames[0]
    assert frames[-1].startswith("snippets/checks.py , line ") and "raise ValueError(" in frames[-1]
    assert "\x1b[" not in page and "[0m" not in page
    assert soup.select_one("nav.md-nav") is not None and "probe" in soup.title.get_text().lower()  # a page of the site

    status, other = fetch(base + "other/")
    assert status == 200 and "loss is 0.69" in other and "data-notes-build-error" not in other
    assert fetch(base)[0] == 200

    # the failure is not cached as an execution: the next rebuild runs the page again
    assert not list((project / ".cache" / "notebooks").glob("probe-*.ipynb"))
    assert list((project / ".cache" / "notebooks").glob("other-*.ipynb"))

    (project / "docs" / "probe.py").write_text(HEADER + GOOD)

    def restored():
        status, html = fetch(base + "probe/")
        return status == 200 and "loss is 0.69" in html and "data-notes-build-error" not in html

    wait_for(restored, "the fixed page after the rebuild", server, log, timeout=180)
    # the failure is logged in one line, without a traceback, and the fixed page executed on the rebuild
    output = log.read_text()
    assert "docs/probe.py: code cell 2 (line 8) raised ValueError" in output and "Traceback" not in output
    assert "executed docs/probe.py in" in output
