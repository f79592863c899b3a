"""The site's own scripts and stylesheets served minified (rjsmin, rcssmin): comments and spacing out.

The sources in docs/assets/ keep their comments (they say why a rule or a line is there); readers download
about 25 KB less CSS + JS on every page (399 KB to 374 KB, measured by scripts/page_weight.py), which keeps
each page under the project's 400 KB target. Runs after every stage that writes these files
(styles cuts jupyter.css, math_font may inline the math font into temml.css), so it is the last stage in
plugin.STAGES. Theme and vendored files (already minified) are left alone.
"""

from pathlib import Path

import rcssmin
import rjsmin

from .project import NOTEBOOK_CSS

AFTER = ("notebook_html", "styles", "math_font")  # jupyter.css written and cut, the math font maybe in temml.css
GENERATED = (NOTEBOOK_CSS,)  # written into the site by the notebook_html and styles stages
_MINIFY = {".js": rjsmin.jsmin, ".css": rcssmin.cssmin}


def own_assets(docs: Path) -> list[str]:
    """Site paths of the scripts and stylesheets this project writes: docs/assets/*/*.js|css, and jupyter.css."""
    assets = docs / "assets"
    found = [f"assets/{p.relative_to(assets).as_posix()}" for p in assets.glob("*/*") if p.suffix in _MINIFY]
    return sorted(set(found) | set(GENERATED))


def on_post_build(config):
    site = Path(config["site_dir"])
    for path in own_assets(Path(config["docs_dir"])):
        target = site / path
        if target.is_file():
            target.write_text(_MINIFY[target.suffix](target.read_text(encoding="utf-8")), encoding="utf-8")
