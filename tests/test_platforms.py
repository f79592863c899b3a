"""Where the notes run: the lock resolves on every supported platform and Python, the served wheel installs
beside Colab's own libraries, and the oldest versions the package allows pass its fast tests.

These ask the package registry (uv resolves against PyPI's metadata): without it they skip, saying so.
"""

import os
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import check_python  # noqa: E402

LOCK = ROOT / "constraints.txt"
PLATFORMS = {"linux": "x86_64-unknown-linux-gnu", "macos": "aarch64-apple-darwin", "windows": "x86_64-pc-windows-msvc"}
PYTHONS = ("3.11.5", "3.12", "3.13")
# Colab's own libraries, as a learner's runtime has them (Python 3.12).
COLAB = {"numpy": "2.0.2", "tensorflow": "2.19.0", "keras": "3.8.0"}
# The test files of the package a learner installs (not of the site's build): run against the oldest versions.
PACKAGE_TESTS = ("activations", "adam", "benchmark", "cache", "claims", "cli", "data", "evaluate", "export",
                 "generalization", "gradcheck", "headline", "initialization", "keras_net", "losses", "notes",
                 "numpy_net", "practice", "quiz", "show")  # fmt: skip


def _registry_problem() -> str | None:
    if shutil.which("uv") is None and not Path(sys.executable).with_name("uv").exists():
        return "uv is not installed (the dev extra installs it)"
    try:
        urllib.request.urlopen("https://pypi.org/simple/uv/", timeout=10).close()
    except OSError as error:
        return f"the package registry is not reachable ({error}): these tests resolve against PyPI"
    return None


REGISTRY_PROBLEM = _registry_problem()


# Each resolution reads package metadata from PyPI (seconds each): slow, and run in CI.
def needs_registry(test):
    return pytest.mark.slow(pytest.mark.skipif(REGISTRY_PROBLEM is not None, reason=REGISTRY_PROBLEM or "")(test))


def uv(*args: str, **kwargs) -> subprocess.CompletedProcess:
    program = shutil.which("uv") or str(Path(sys.executable).with_name("uv"))
    # No interpreter downloads: for another --python-version, uv would otherwise try python-build-standalone's
    # releases (GitHub, unreachable from CI) for about 10 s before it builds metadata with this Python, as it then
    # does anyway
    command = [program, "--no-python-downloads", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=900, **kwargs)


def compile_for(platform: str, python: str, requirements: Path | None = None, constraints: Path = LOCK):
    """uv's resolution of a requirements file (default: the build's extras) for another platform and Python."""
    inputs = (str(requirements),) if requirements else ("pyproject.toml", "--extra", "docs", "--extra", "dev")
    return uv("pip", "compile", *inputs, "-c", str(constraints), "--python-platform", platform, "--python-version",
              python, "--no-header", "--no-annotate", "-q")  # fmt: skip


def version_of(text: str) -> tuple[int, int, int]:
    parts = [int(part) for part in text.split(".")]
    return (*parts, *[0] * (3 - len(parts)))


def pins(text: str) -> dict[str, str]:
    return {m[0].lower().replace("_", "-"): m[1] for m in re.findall(r"^([\w.\-]+)==([^\s;]+)", text, re.M)}


@needs_registry
@pytest.mark.parametrize("python", PYTHONS)
@pytest.mark.parametrize("system", PLATFORMS)
def test_lock_resolves_on_every_supported_platform_and_python(system, python):
    """The build and test environment resolves within the lock (wheels included) for Linux x86_64, macOS arm64
    and Windows amd64 on each supported Python, at the lock's versions, tensorflow-cpu only on Linux x86_64."""
    result = compile_for(PLATFORMS[system], python)
    assert result.returncode == 0, result.stderr[-3000:]
    resolved, locked = pins(result.stdout), pins(LOCK.read_text())
    assert {name: version for name, version in resolved.items() if locked.get(name) != version} == {}
    assert ("tensorflow-cpu" in resolved) == (system == "linux")
    assert ("tensorflow" in resolved) == (system != "linux")
    assert check_python.problem(version_of(python), "linux", "x86_64") is None


@needs_registry
@pytest.mark.parametrize(
    "platform, python, system, machine",
    [("x86_64-unknown-linux-gnu", "3.11.4", "linux", "x86_64"), ("x86_64-apple-darwin", "3.12", "darwin", "x86_64")],
)
def test_what_the_lock_cannot_resolve_the_python_check_refuses_in_one_line(platform, python, system, machine):
    """Python 3.11.4 (pymdown-extensions needs 3.11.5) and Intel Macs (no TensorFlow wheel) fail to resolve, and
    scripts/check_python.py, which make runs first, names each in one line."""
    assert compile_for(platform, python).returncode != 0
    message = check_python.problem(version_of(python), system, machine)
    assert message and "\n" not in message


def test_check_python_accepts_the_supported_range_and_names_the_rest():
    """3.11.5 to 3.13 pass on Linux and Apple silicon; older or newer Pythons, Windows and Intel Macs get one line
    saying what is supported."""
    for version in ((3, 11, 5), (3, 12, 0), (3, 13, 7)):
        assert check_python.problem(version, "linux", "x86_64") is None
        assert check_python.problem(version, "darwin", "arm64") is None
    for version in ((3, 11, 4), (3, 10, 12), (3, 14, 0)):
        message = check_python.problem(version, "linux", "x86_64")
        assert f"Python {'.'.join(map(str, version))} is not supported" in message and "3.11.5 to 3.13" in message
    assert "WSL" in check_python.problem((3, 12, 0), "win32", "AMD64")
    assert "Intel Mac" in check_python.problem((3, 12, 0), "darwin", "x86_64")


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_stops_in_one_line_on_an_unsupported_python(tmp_path):
    """`make serve` with a Python it cannot build with (here 3.10, or one that is missing) exits at once with one
    line saying which Pythons are supported, before creating a venv."""
    old = next((p for p in ("/usr/bin/python3.10", *sorted(Path("/root/.pyenv/versions").glob("3.10.*/bin/python3")))
                if Path(p).exists()), None)  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k not in ("MAKELEVEL", "MAKEFLAGS", "MFLAGS", "MAKEOVERRIDES")}
    for python, said in ((str(old) if old else None, "is not supported"), (str(tmp_path / "python3.0"), "not found")):
        if python is None:
            continue
        venv = tmp_path / "venv"
        result = subprocess.run(["make", "serve", f"PYTHON={python}", f"VENV={venv}", "ADDR=127.0.0.1:1"], cwd=ROOT,
                                capture_output=True, text=True, timeout=60, env=env)  # fmt: skip
        lines = (result.stdout + result.stderr).strip().splitlines()
        assert result.returncode != 0 and len(lines) == 1, lines
        assert said in lines[0] and "3.11.5 to 3.13" in lines[0] and "Traceback" not in lines[0]
        assert not venv.exists()


@pytest.fixture(scope="module")
def served_wheel(tmp_path_factory) -> Path:
    """The snippets wheel as the site serves it (notes_build.wheel, the downloads stage's builder)."""
    from notes_build import disk_cache, wheel

    folder = tmp_path_factory.mktemp("wheel")
    built = wheel.build(ROOT, disk_cache.Store(folder / "store", keep=1))
    return built.path.rename(folder / built.name)


@needs_registry
@pytest.mark.parametrize("extra", ["", "[keras]"])
def test_served_wheel_installs_beside_colab_without_replacing_its_libraries(served_wheel, extra, tmp_path):
    """snippets, and snippets[keras], resolve on Python 3.12 Linux with Colab's numpy 2.0, tensorflow 2.19 and
    Keras 3.8 held: nothing of those is replaced, tensorflow-cpu is never added, and without the extra no
    TensorFlow is installed at all."""
    held, wanted = tmp_path / "colab.txt", tmp_path / "wanted.txt"
    held.write_text("".join(f"{name}=={version}\n" for name, version in COLAB.items()))
    wanted.write_text(f"snippets{extra} @ {served_wheel.as_uri()}\n")
    result = compile_for(PLATFORMS["linux"], "3.12", wanted, constraints=held)
    assert result.returncode == 0, result.stderr[-3000:]
    resolved = pins(result.stdout)
    assert "tensorflow-cpu" not in resolved
    assert resolved["numpy"] == COLAB["numpy"]
    if extra:
        assert resolved["tensorflow"] == COLAB["tensorflow"] and resolved["keras"] == COLAB["keras"]
    else:
        assert "tensorflow" not in resolved and "keras" not in resolved


@needs_registry
def test_oldest_allowed_versions_pass_the_package_fast_tests(tmp_path):
    """The package with the oldest versions its ranges allow (uv's lowest-direct resolution: numpy 2.0,
    TensorFlow 2.18, Keras 3.8, matplotlib 3.9) passes the fast tests of the package in a venv of its own."""
    venv = tmp_path / "lowest"
    assert uv("venv", "-q", "--python", sys.executable, str(venv)).returncode == 0
    python = venv / "bin" / "python"
    dev = pins(LOCK.read_text())
    # from a copy of the package's files: setuptools would reuse, and put in the wheel, a build/ folder left in the
    # checkout by an earlier install
    from notes_build import wheel

    source = tmp_path / "source"
    source.mkdir()
    for part in wheel.PACKAGE_FILES:
        if (ROOT / part).is_dir():
            shutil.copytree(ROOT / part, source / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(ROOT / part, source / part)
    installed = uv("pip", "install", "-q", "--python", str(python), "--resolution", "lowest-direct", f"{source}[keras]",
                   f"pytest=={dev['pytest']}", f"hypothesis=={dev['hypothesis']}")  # fmt: skip
    assert installed.returncode == 0, installed.stderr[-3000:]
    listed = pins(uv("pip", "freeze", "--python", str(python)).stdout)
    print("lowest versions:", {name: listed[name] for name in ("numpy", "tensorflow", "keras", "matplotlib", "tqdm")})
    assert listed["numpy"].startswith("2.0.") and listed["tensorflow"].startswith("2.18.")
    env = {**os.environ, "SNIPPETS_CACHE_DIR": str(tmp_path / "results")}
    env.pop("PYTHONPATH", None)
    tests = [str(ROOT / "tests" / f"test_{name}.py") for name in PACKAGE_TESTS]
    run = subprocess.run([str(python), "-m", "pytest", "-q", "-m", "not slow", "-p", "no:cacheprovider", *tests],
                         cwd=tmp_path, capture_output=True, text=True, env=env, timeout=1200)  # fmt: skip
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
