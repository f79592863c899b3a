"""Build the site for reading from the file system, and zip it (`make offline`).

Usage: python scripts/offline_zip.py [OUT_ZIP]   (default: dist/notes-offline.zip)

The build sets OFFLINE=true, which turns on Material's offline plugin (mkdocs.yml): pages are
`name.html` files instead of folders, and the search index is a script, so search works from file://.
The zip holds one folder, notes-offline/; a reader unzips it and opens notes-offline/index.html.
Pass SITE_URL to give the notebooks' install cell the address the site is published at.
"""

import argparse
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from site_project import ROOT, site_build  # noqa: E402

FOLDER = "notes-offline"


def build_offline_zip(project: Path, out: Path) -> Path:
    """Build `project` with OFFLINE=true and write its site to the zip `out`, under notes-offline/."""
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / FOLDER
        result = site_build(project, site, env={"OFFLINE": "true"})
        if result.returncode != 0:
            raise RuntimeError(f"the offline build failed:\n{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
        if not (site / "search" / "search_index.js").is_file():
            raise RuntimeError("the offline build has no search/search_index.js: is the offline plugin enabled?")
        out.parent.mkdir(parents=True, exist_ok=True)
        partial = out.with_name(out.name + ".partial")  # a failed run never leaves a half-written zip
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED) as archive:
            for file in sorted(site.rglob("*")):
                if file.is_file():
                    archive.write(file, (Path(FOLDER) / file.relative_to(site)).as_posix())
        partial.replace(out)
    return out


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=ROOT / "dist" / "notes-offline.zip")
    args = parser.parse_args(argv)
    try:
        out = build_offline_zip(ROOT, args.out)
    except RuntimeError as error:
        sys.exit(str(error))
    print(f"{out} ({out.stat().st_size / 1e6:.1f} MB): unzip it and open {FOLDER}/index.html")


if __name__ == "__main__":
    main()
