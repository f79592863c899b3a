"""Downloads run outside the repository: the served wheel installs into a folder of its own, and two
downloaded notebooks execute from a temporary folder with it and reproduce their pages' results."""

import email
import subprocess
import sys
import time
import tomllib
import urllib.request
import zipfile
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("downloads")]  # the wheel installed once, on one worker

ROOT = Path(__file__).parents[1]
WHEEL = "downloads/snippets-0.1.0-py3-none-any.whl"
NOTEBOOKS = ["gradient-descent", "numpy-vs-tensorflow"]  # a NumPy page, and the page that runs both
SKIPPED_TAGS = {"timing", "download-setup"}


def fetch(url: str, target: Path) -> Path:
    with urllib.request.urlopen(url) as response:
        target.write_bytes(response.read())
    return target


def test_wheel_is_served_with_its_data_and_the_dependencies_ranges(served_site, tmp_path):
    """The served wheel holds the package and its data file, and requires pyproject's ranges: NumPy and matplotlib,
    and TensorFlow (never tensorflow-cpu, which Colab lacks) and Keras only with the keras extra."""
    wheel = fetch(served_site + WHEEL, tmp_path / Path(WHEEL).name)
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        metadata = email.message_from_bytes(archive.read("snippets-0.1.0.dist-info/METADATA"))
    assert {"snippets/mnist01.npz", "snippets/course/benchmark.json", "snippets/course/notes.py"} <= names
    required = [r for r in metadata.get_all("Requires-Dist") if "extra ==" not in r]
    assert required == tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    assert all(">=" in r and "==" not in r for r in required)
    keras = [r for r in metadata.get_all("Requires-Dist") if 'extra == "keras"' in r]
    assert sorted(r.split(">=")[0] for r in keras) == ["keras", "tensorflow"]


def test_every_notebook_starts_with_its_versions_and_the_install_cell(served_site, tmp_path):
    """Each downloadable notebook opens with the versions it ran with and a %pip install of the served wheel:
    with the keras extra where it uses Keras, without it (no TensorFlow) where it does not."""
    import numpy

    # what each page's run needs: gradient descent is NumPy only; backprop checks against TensorFlow's GradientTape
    expected = {"gradient-descent": "", "numpy-vs-tensorflow": "[keras]", "backprop": "[keras]", "data": ""}
    for stem, extra in expected.items():
        nb = nbformat.read(fetch(f"{served_site}{stem}/{stem}.ipynb", tmp_path / f"{stem}.ipynb"), as_version=4)
        note, install = nb.cells[0], nb.cells[1]
        assert f"numpy {numpy.__version__}" in note.source and "keras" in note.source
        assert f'%pip install "snippets{extra} @ http://127.0.0.1:8000/{WHEEL}"' in install.source
        assert ("import keras" in install.source) == bool(extra)
        assert "built without SITE_URL" in install.source and "numpy>=2.0" in install.source


@pytest.fixture
def without_keras(tmp_path):
    """A folder that, first on PYTHONPATH, makes `import keras` and `import tensorflow` fail, as where
    `pip install snippets` installed no TensorFlow."""
    folder = tmp_path / "no-tensorflow"
    for name in ("keras", "tensorflow"):
        (folder / name).mkdir(parents=True)
        (folder / name / "__init__.py").write_text(f'raise ModuleNotFoundError("No module named {name!r} (blocked)")\n')
    return folder


def test_notebooks_installed_without_keras_run_without_tensorflow(
    served_site, installed, without_keras, tmp_path, monkeypatch
):
    """At least five page notebooks install snippets without the keras extra; three of them (the quickest) run,
    outside the repository and with no results cache, where Keras and TensorFlow cannot be imported."""
    archive = zipfile.ZipFile(fetch(served_site + "downloads/notebooks.zip", tmp_path / "notebooks.zip"))
    numpy_only = [
        name for name in archive.namelist() if "[keras]" not in nbformat.reads(archive.read(name), 4).cells[1].source
    ]
    assert len(numpy_only) >= 5, numpy_only
    assert {"activation.ipynb", "data.ipynb", "vectorization.ipynb"} <= set(numpy_only), numpy_only
    numpy_only = ["activation.ipynb", "data.ipynb", "vectorization.ipynb"]
    monkeypatch.setenv("PYTHONPATH", f"{without_keras}:{installed}")
    monkeypatch.delenv("SNIPPETS_CACHE_DIR", raising=False)
    monkeypatch.chdir(tmp_path)
    for name in numpy_only:
        nb = nbformat.reads(archive.read(name), as_version=4)
        nb.cells.insert(2, nbformat.v4.new_code_cell("import keras"))
        with pytest.raises(Exception, match="blocked"):  # the blocker works in this kernel
            NotebookClient(nb, timeout=600, kernel_name="python3").execute()
        del nb.cells[2]
        NotebookClient(
            nb, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
        ).execute()


@pytest.fixture(scope="module")
def installed(served_site, tmp_path_factory):
    """The served wheel installed with pip into a folder of its own (no dependencies: they are installed here)."""
    folder = tmp_path_factory.mktemp("downloads")
    wheel = fetch(served_site + WHEEL, folder / Path(WHEEL).name)
    target = folder / "site-packages"
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "-q",
        "--no-deps",
        "--no-index",
        "--target",
        str(target),
        str(wheel),
    ]
    subprocess.run(command, check=True)
    return target


def outputs(nb):
    """{cell position among the kept cells: its outputs' text and HTML}, leaving out timings and the set-up cells."""
    kept = [c for c in nb.cells if c.cell_type == "code" and not SKIPPED_TAGS & set(c.metadata.get("tags", []))]
    return [
        [
            o.get("text", "") + str(o.get("data", {}).get("text/html", o.get("data", {}).get("text/plain", "")))
            for o in c.outputs
        ]
        for c in kept
    ]


@pytest.mark.parametrize("stem", NOTEBOOKS)
def test_downloaded_notebook_runs_outside_the_repository_and_reproduces_the_page(
    stem, served_site, installed, tmp_path, monkeypatch
):
    """The notebook executes from a temporary folder with only the installed wheel (first on PYTHONPATH, no
    results cache) and gives the same outputs as the page, timings aside; snippets comes from the wheel."""
    original = nbformat.read(fetch(f"{served_site}{stem}/{stem}.ipynb", tmp_path / f"{stem}.ipynb"), as_version=4)
    nb = nbformat.from_dict(original)
    nb.cells.append(nbformat.v4.new_code_cell("import snippets\nprint(snippets.__file__)"))
    monkeypatch.setenv("PYTHONPATH", str(installed))
    monkeypatch.delenv("SNIPPETS_CACHE_DIR", raising=False)  # compute everything, as a reader's kernel does
    monkeypatch.chdir(tmp_path)
    start = time.perf_counter()
    NotebookClient(
        nb, timeout=600, kernel_name="python3", coalesce_streams=True, resources={"metadata": {"path": str(tmp_path)}}
    ).execute()
    print(f"{stem}: executed outside the repository in {time.perf_counter() - start:.1f} s")
    assert nb.cells[-1].outputs[0]["text"].startswith(str(installed))
    assert outputs(nb)[:-1] == outputs(original)


EXERCISES = ["my_dense", "my_dense_v", "my_model", "my_backward", "my_update"]


def test_exercises_are_served_zipped_and_listed(served_site, tmp_path):
    """Every exercise notebook is served, the same in exercises.zip, and linked from the Downloads page."""
    archive = zipfile.ZipFile(fetch(served_site + "downloads/exercises.zip", tmp_path / "exercises.zip"))
    assert sorted(archive.namelist()) == sorted(f"{name}.ipynb" for name in EXERCISES)
    page = urllib.request.urlopen(served_site + "downloads/").read().decode()
    for name in EXERCISES:
        served = urllib.request.urlopen(f"{served_site}downloads/exercises/{name}.ipynb").read()
        assert archive.read(f"{name}.ipynb") == served
        assert f'href="exercises/{name}.ipynb"' in page


@pytest.mark.parametrize("name", EXERCISES)
def test_downloaded_exercise_runs_as_is_outside_the_repository_and_says_not_yet(
    name, served_site, installed, without_keras, tmp_path, monkeypatch
):
    """Run as downloaded, from a temporary folder with only the installed wheel (and, for the NumPy exercises,
    no TensorFlow), the check cell prints a 'not yet' line (the cell to fill in still raises
    NotImplementedError) instead of failing; with the reference solution pasted in, it prints 'correct'."""
    nb = nbformat.read(
        fetch(f"{served_site}downloads/exercises/{name}.ipynb", tmp_path / f"{name}.ipynb"), as_version=4
    )
    assert "raise NotImplementedError" in nb.cells[-2].source
    solved = nbformat.from_dict(nb)
    solved.cells[-2].source = "from snippets.practice.solutions import *"
    # The NumPy exercises install snippets without TensorFlow: they run without it.
    blocked = f"{without_keras}:" if "[keras]" not in nb.cells[1].source else ""
    assert bool(blocked) == (name != "my_model")
    monkeypatch.setenv("PYTHONPATH", f"{blocked}{installed}")
    monkeypatch.chdir(tmp_path)
    for notebook, verdict in ((nb, "not yet: fill in the cell above"), (solved, "correct: ")):
        NotebookClient(
            notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
        ).execute()
        assert notebook.cells[-1].outputs[0]["text"].startswith(verdict), notebook.cells[-1].outputs
