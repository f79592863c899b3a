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
