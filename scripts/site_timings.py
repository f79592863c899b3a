"""Time a cold site build (empty caches) and an unchanged rebuild, from a fresh copy of the project.

Usage: python scripts/site_timings.py [--json]

Targets on the project's 2-core machine: cold build at most 90 s, unchanged rebuild at most 5 s.
Also reports the largest page's HTML size and the number of executed pages and figures.
"""

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from site_project import copy_project, mkdocs_build  # noqa: E402


def build(project: Path, site: Path) -> float:
    start = time.perf_counter()
    result = mkdocs_build(project, site)
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp) / "project")
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
