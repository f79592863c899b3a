"""A fresh copy of the project and a strict MkDocs build of it, for the site tests and scripts/site_timings.py."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECT_PARTS = (
    "docs",
    "snippets",
    "plugin",  # not what builds a copy (the installed plugin is), but mkdocs.yml watches it
    "overrides",
    "tests",
    "mkdocs.yml",
    "pyproject.toml",
    "README.md",
    "LICENSE",
    "DATA_LICENSE.md",
)  # the last three go into the snippets wheel (notes_build/downloads.py)


def site_build(project: Path, site: Path, env=None, timeout=900) -> subprocess.CompletedProcess:
    """`properdocs build --strict` of a project folder into `site` (the notes plugin, plugin/notes_build, is
    installed in the environment, so a copy of the project builds with this checkout's plugin); returns the
    finished process."""
    environment = {**os.environ, "NBCONVERT_DISABLE_CONFIG_EXPORTERS": "1", **(env or {})}
    command = [sys.executable, "-m", "properdocs", "build", "--strict", "-f", "mkdocs.yml", "-d", str(site)]
    return subprocess.run(command, cwd=project, env=environment, capture_output=True, text=True, timeout=timeout)


def copy_project(target: Path, *, pages=None, root: Path = ROOT) -> Path:
    """A copy of the project at `root` (no caches); with `pages`, docs/ holds only those {name: text} pages and
    assets."""
    for part in PROJECT_PARTS:
        source = root / part
        if not source.exists():
            continue
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    if pages is not None:
        for page in (target / "docs").glob("*.*"):
            page.unlink()
        for name, text in pages.items():
            (target / "docs" / name).write_text(text)
        config = (target / "mkdocs.yml").read_text()
        nav = "nav:\n" + "".join(f"  - {Path(name).stem}: {name}\n" for name in pages)
        (target / "mkdocs.yml").write_text(config[: config.index("\nnav:\n") + 1] + nav)
    return target
