"""Time a cold site build (empty caches) and an unchanged rebuild, from a fresh copy of the project.

Usage: python scripts/site_timings.py [--json]

Targets on the project's 2-core machine: cold build at most 90 s, unchanged rebuild at most 5 s.
Also reports the largest page's HTML size and the number of executed pages and figures.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PARTS = ("docs", "snippets", "hooks", "overrides", "tests", "mkdocs.yml", "pyproject.toml")


def build(project: Path, site: Path) -> float:
    start = time.perf_counter()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)  # fmt: skip
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        for part in PARTS:
            src = ROOT / part
            copy = shutil.copytree if src.is_dir() else shutil.copy2
            copy(src, project / part, **({"ignore": shutil.ignore_patterns("__pycache__")} if src.is_dir() else {}))
        site = Path(tmp) / "site"
        cold = build(project, site)
        warm = build(project, site)
        pages = list(site.rglob("index.html"))
        largest = max(pages, key=lambda p: p.stat().st_size)
        report = {
            "cold_build_s": round(cold, 1),
            "unchanged_rebuild_s": round(warm, 1),
            "largest_page": largest.relative_to(site).as_posix(),
            "largest_page_kb": round(largest.stat().st_size / 1000, 1),
            "executed_pages": len(list(site.rglob("*.ipynb"))),
            "figures": len(list(site.rglob("fig-*.*"))),
            "cpus": os.cpu_count(),
        }
    if args.json:
        print(json.dumps(report))
    else:
        for key, value in report.items():
            print(f"{key:20} {value}")


if __name__ == "__main__":
    main()
