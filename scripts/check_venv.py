"""Say what to install when a virtual environment was left half-created, instead of a confusing pip error.

Usage: python scripts/check_venv.py VENV

`python3 -m venv` fails on Debian and Ubuntu when the python3-venv package is missing, and leaves
VENV behind without bin/python or without pip; the next `make` would then skip creating it and fail
in pip. Exits 0 when VENV does not exist (make creates it) or is complete; otherwise prints what to
install and exits 1. Standard library only: the Makefile runs it with the system Python.
"""

import subprocess
import sys
from pathlib import Path


def problem(venv: Path) -> str | None:
    """What is wrong with `venv`, and what to do about it; None when it is absent or usable."""
    if not venv.exists():
        return None
    python = venv / "bin" / "python"
    if not python.exists():
        missing = f"{python} is missing"
    else:
        found = subprocess.run([str(python), "-c", "import pip"], capture_output=True)
        if found.returncode == 0:
            return None
        missing = f"{venv} has no pip"
    versioned = f"python{sys.version_info.major}.{sys.version_info.minor}-venv"
    return (
        f"{venv} is half-created ({missing}): `python3 -m venv` could not finish. On Debian or Ubuntu, "
        f"install the venv module (sudo apt-get install python3-venv, or {versioned} for this Python), "
        f"then remove the folder (rm -rf {venv}) and run make again."
    )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__.split("\n\n")[1])
    message = problem(Path(sys.argv[1]))
    if message:
        print(message, file=sys.stderr)
        sys.exit(1)
