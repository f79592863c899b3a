"""Say in one line why this machine cannot build the notes, before anything is installed.

Usage: python scripts/check_python.py   (prints nothing and exits 0 where the build is supported)

The site's build is locked (constraints.txt) for Python 3.11.5 to 3.13 on Linux (x86_64, arm64) and macOS on
Apple silicon; tests/test_platforms.py resolves the lock for each. The limits come from the locked packages:
pymdown-extensions needs Python 3.11.5 or newer, TensorFlow has no wheel for Python 3.14 yet, nor for Intel Macs
since 2.16. Standard library only: the Makefile runs it with the system Python, before the venv exists.
"""

from __future__ import annotations

import platform
import sys

OLDEST = (3, 11, 5)
NEWEST = (3, 13)  # the newest minor version the locked TensorFlow publishes wheels for
SUPPORTED = "Python 3.11.5 to 3.13 on Linux, macOS (Apple silicon) or Windows through WSL"


def problem(version: tuple = sys.version_info[:3], system: str = sys.platform, machine: str = "") -> str | None:
    """Why `version` on `system`/`machine` cannot build the site, in one line; None when it can."""
    machine = machine or platform.machine()
    shown = ".".join(str(part) for part in version[:3])
    if system == "win32" or system == "cygwin":
        return (
            f"Windows: the notes build under WSL (wsl --install, then make serve inside it), or without make "
            f"(README: Platforms); needs {SUPPORTED}"
        )
    if system == "darwin" and machine == "x86_64":
        return (
            "Intel Mac: TensorFlow publishes no macOS x86_64 wheel since 2.16, so the site cannot be built here; "
            '`pip install "snippets @ <the wheel on the Downloads page>"` runs the NumPy notes (README: Platforms)'
        )
    if tuple(version[:3]) < OLDEST or tuple(version[:2]) > NEWEST:
        return f"Python {shown} is not supported: the notes need {SUPPORTED} (for example PYTHON=python3.12 make serve)"
    return None


if __name__ == "__main__":
    found = problem()
    if found:
        sys.exit(found)
