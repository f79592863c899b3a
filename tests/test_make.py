"""Set-up: `make serve` stops at once on a busy port; a half-created .venv is reported with what to install."""

import os
import shutil
import socket
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import check_port  # noqa: E402
import check_venv  # noqa: E402


@pytest.fixture
def busy_port():
    """A port on 127.0.0.1 that something listens on."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        sock.listen()
        yield sock.getsockname()[1]


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_serve_on_a_busy_port_stops_at_once_in_one_line(busy_port):
    """`make serve ADDR=127.0.0.1:<busy>` exits non-zero within seconds, before installing or building anything,
    with one line naming the port and no traceback."""
    # As from a reader's shell: under `make test` (CI), MAKELEVEL and MAKEFLAGS would make the inner make
    # print "Entering directory" lines that a reader never sees.
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES")}
    start = time.monotonic()
    result = subprocess.run(
        ["make", "serve", f"ADDR=127.0.0.1:{busy_port}"], cwd=ROOT, capture_output=True, text=True, timeout=60, env=env
    )
    elapsed = time.monotonic() - start
    lines = (result.stdout + result.stderr).strip().splitlines()
    assert result.returncode != 0
    assert len(lines) == 1, lines
    assert f"port {busy_port} on 127.0.0.1 is already in use" in lines[0] and "Traceback" not in lines[0]
    assert elapsed < 15  # the check runs when make reads the Makefile: no install, no build


def test_check_port_accepts_a_free_port_and_rejects_bad_addresses(busy_port):
    """A free port passes; a busy one, a missing port or a port out of range are named in one line."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        free = sock.getsockname()[1]
    assert check_port.problem(f"127.0.0.1:{free}") is None
    assert f"port {busy_port} on 127.0.0.1 is already in use" in check_port.problem(f"127.0.0.1:{busy_port}")
    for bad in ("8000", "localhost", "127.0.0.1:", "127.0.0.1:http", "127.0.0.1:70000"):
        assert "is not HOST:PORT" in check_port.problem(bad), bad


def test_check_venv_names_python3_venv_for_a_half_created_folder(tmp_path):
    """No folder, or a complete venv: nothing to say. A folder without bin/python, or a venv created without pip
    (what Debian leaves when python3-venv is missing), is reported with the package to install."""
    assert check_venv.problem(tmp_path / "absent") is None
    assert sys.prefix != sys.base_prefix, "the tests run in the project's virtual environment"
    assert check_venv.problem(Path(sys.prefix)) is None  # the venv running these tests: complete

    empty = tmp_path / "empty"
    (empty / "include").mkdir(parents=True)
    message = check_venv.problem(empty)
    assert "bin/python is missing" in message and "apt-get install python3-venv" in message
    assert f"python{sys.version_info.major}.{sys.version_info.minor}-venv" in message

    no_pip = tmp_path / "no-pip"
    venv.create(no_pip, with_pip=False, symlinks=True)
    message = check_venv.problem(no_pip)
    assert "has no pip" in message and "apt-get install python3-venv" in message and f"rm -rf {no_pip}" in message


def test_check_venv_command_exits_non_zero_with_the_message(tmp_path):
    """Run as the Makefile runs it: exit status 1 and the message on stderr."""
    (tmp_path / "half").mkdir()
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "check_venv.py"), str(tmp_path / "half")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1 and "python3-venv" in result.stderr and "Traceback" not in result.stderr
