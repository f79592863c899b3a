"""The headless Chromium that the browser tests share: where it is, how it starts, and when they skip.

Debian's Chromium (apt-get install chromium; .ci/run installs it) driven by Playwright, whose own browser
download does not work here. Test modules set `pytestmark = MARKS`; the `browser` fixture is in conftest.py.
"""

import re
import shutil
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic"]  # fmt: skip
MARKS = [
    pytest.mark.slow,
    pytest.mark.skipif(
        not Path(CHROMIUM).exists(), reason="browser tests need Debian's Chromium: apt-get install chromium"
    ),
]

# TeX left for the reader to see: $$, \( or \[, or an inline $...$ (not a price such as "$5").
RAW_MATH = re.compile(r"\$\$|\\\(|\\\[|(?<![\w$])\$[^$\s][^$]*\$")

# The theme's bundle and the site's scripts run after the page's first frame (overrides/main.html), which can
# be after the load event. They have run for the page once the theme's `document$` has emitted it: the site's
# scripts subscribed before this, and `document$` replays its last page to a late subscriber.
SCRIPTS_STARTED = """() => {
  if (!window.document$) return false;
  if (window.__scriptsStarted === undefined) {
    window.__scriptsStarted = false;
    document$.subscribe(() => { window.__scriptsStarted = true; });
  }
  return window.__scriptsStarted;
}"""


def wait_for_scripts(page):
    """Wait until the page has loaded and the theme and the site's scripts have started on it."""
    page.wait_for_function("document.readyState === 'complete'")
    page.wait_for_function(SCRIPTS_STARTED)
