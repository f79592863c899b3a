"""Install the locked build environment into the venv whose Python runs this script: uv if it can, else pip.

Usage: .venv/bin/python scripts/install.py -e ".[docs]" -e ./plugin

Every install is constrained by constraints.txt, the lock (`make lock` writes it), so `make serve`, `make test`
and CI build with the same versions. uv installs it about twice as fast as pip on a fresh clone (CONTRIBUTING.md:
Installing): a `uv` on PATH is used, otherwise the lock's uv is installed into the venv with pip first (a 20 MB
wheel). Where that fails (no uv wheel for the machine) or NOTES_INSTALLER=pip is set, pip installs everything.
Standard library only.
"""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "constraints.txt"


def locked_version(name: str) -> str:
    """The version constraints.txt pins for `name`."""
    found = re.search(rf"^{re.escape(name)}==([^\s;]+)", LOCK.read_text(), re.M)
    if not found:
        sys.exit(f"{LOCK.name} pins no {name}: run `make lock`")
    return found.group(1)


def pip(*args: str) -> list[str]:
    return [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", *args]


def uv() -> str | None:
    """A uv to install with: one on PATH, or the locked one installed into this venv; None if neither."""
    if os.environ.get("NOTES_INSTALLER", "uv") == "pip":
        return None
    on_path = shutil.which("uv")
    if on_path:
        return on_path
    in_venv = Path(sys.executable).with_name("uv")
    if not in_venv.exists():
        done = subprocess.run(pip(f"uv=={locked_version('uv')}"), capture_output=True, text=True)
        if done.returncode != 0:
            print("uv could not be installed: installing with pip instead", file=sys.stderr)
            return None
    return str(in_venv)


def main(requirements: list[str]) -> int:
    if not requirements:
        sys.exit('usage: python scripts/install.py -e ".[docs]" -e ./plugin')
    installer = uv()
    if installer:
        # --compile-bytecode, as pip does: without it, where PYTHONDONTWRITEBYTECODE is set, every kernel of every
        # build compiled TensorFlow's modules again (a cold build took 87 s instead of 55 s)
        command = [installer, "pip", "install", "--quiet", "--compile-bytecode", "--python", sys.executable, "-c",
                   str(LOCK)]  # fmt: skip
    else:
        command = pip("-c", str(LOCK))
    print(f"installing with {'uv' if installer else 'pip'} from {LOCK.name}", flush=True)
    return subprocess.run([*command, *requirements], cwd=ROOT).returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
