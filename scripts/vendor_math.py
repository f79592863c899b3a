"""Vendor what notes_build/typeset.py needs from npm: Temml (TeX to MathML) and the Noto Sans Math font.

Usage: python scripts/vendor_math.py   (needs npm and the npm registry; pinned versions below)

Writes, for the build only (never served as they are):
- notes_build/vendor/temml.min.js: Temml, run in V8 by notes_build/typeset.py;
- notes_build/vendor/NotoSansMath-Regular.woff2: the whole font, which the build cuts to the glyphs the
  site's formulas use;
and, served with the site, docs/assets/math/temml.css: Temml's stylesheet for Noto Sans Math, with its
@font-face pointed at that cut font (woff2, `font-display: block`: formulas never show in a
fallback font first, so they never move once drawn). Licences go beside each file.
"""

import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMML = "temml@0.13.5"
FONT = "@fontsource/noto-sans-math@5.3.0"


def unpack(spec: str, into: Path) -> Path:
    """`npm pack` the package `spec` into the folder `into`; return its unpacked package/ folder."""
    into.mkdir()
    packed = subprocess.run(["npm", "pack", spec, "--silent"], cwd=into, capture_output=True, text=True, check=True)
    with tarfile.open(into / packed.stdout.split()[-1]) as archive:
        archive.extractall(into, filter="data")
    return into / "package"


def main():
    vendor, assets = ROOT / "plugin" / "notes_build" / "vendor", ROOT / "docs" / "assets" / "math"
    with tempfile.TemporaryDirectory() as tmp:
        temml, font = unpack(TEMML, Path(tmp) / "temml"), unpack(FONT, Path(tmp) / "font")
        shutil.rmtree(vendor, ignore_errors=True)
        shutil.rmtree(assets, ignore_errors=True)
        vendor.mkdir()
        assets.mkdir()
        shutil.copy(temml / "dist" / "temml.min.js", vendor / "temml.min.js")
        shutil.copy(temml / "LICENSE", vendor / "TEMML_LICENSE")
        shutil.copy(font / "files" / "noto-sans-math-latin-400-normal.woff2", vendor / "NotoSansMath-Regular.woff2")
        shutil.copy(font / "LICENSE", vendor / "NOTO_SANS_MATH_LICENSE")
        shutil.copy(font / "LICENSE", assets / "NOTO_SANS_MATH_LICENSE")
        shutil.copy(temml / "LICENSE", assets / "TEMML_LICENSE")
        css = (temml / "dist" / "Temml-NotoSans.css").read_text(encoding="utf-8")
        css, n = re.subn(
            r"src: url\('NotoSansMath-Regular\.ttf'\);",
            'src: url("NotoSansMath.woff2") format("woff2");\n  font-display: block;',
            css,
        )
        if n != 1:
            sys.exit("Temml-NotoSans.css changed shape: its @font-face was not found; update this script")
        (assets / "temml.css").write_text(css, encoding="utf-8")
    print(f"vendored {TEMML} and {FONT} into {vendor} and {assets}")


if __name__ == "__main__":
    main()
