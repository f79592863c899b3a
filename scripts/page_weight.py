"""Weigh every page of a built site: its HTML, and the CSS and JavaScript it loads, uncompressed.

Usage: python scripts/page_weight.py SITE [--json]

The project's targets: at most 400 KB of CSS + JS per page, beside at most 150 KB of HTML. The count follows the
page's own `<link rel="stylesheet">` and `<script src>` tags plus the search worker Material starts on every page;
fonts, images and the search index are not CSS or JavaScript and are left out.
"""

import argparse
import json
import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

CSS_JS_LIMIT = 400_000
HTML_LIMIT = 150_000

_LINK = re.compile(r'<link\b[^>]*\brel="?stylesheet"?[^>]*>', re.I)
_SCRIPT = re.compile(r"<script\b[^>]*\bsrc=\"([^\"]+)\"", re.I)
_HREF = re.compile(r'\bhref="([^"]+)"', re.I)
_WORKER = re.compile(r'"search":\s*"([^"]+)"')  # Material's __config names its search worker


def assets(html: Path, site: Path) -> list[Path]:
    """The local CSS and JS files that page `html` loads, as paths under `site`."""
    text = html.read_text(encoding="utf-8")
    base = "/" + html.relative_to(site).as_posix()
    urls = [m.group(1) for tag in _LINK.findall(text) for m in [_HREF.search(tag)] if m]
    urls += _SCRIPT.findall(text) + _WORKER.findall(text)
    files = []
    for url in urls:
        parts = urlsplit(urljoin(base, url))
        if parts.scheme or parts.netloc:
            raise ValueError(f"{html}: loads {url} from another host; the site must serve everything itself")
        path = site / parts.path.lstrip("/")
        if not path.is_file():
            raise FileNotFoundError(f"{html}: loads {url}, which is not in the built site ({path})")
        files.append(path)
    return sorted(set(files))


def weigh(site: Path) -> dict[str, dict[str, int]]:
    """{page URL path: {"html": bytes, "css_js": bytes}} for every index.html of the built `site`."""
    site = Path(site)
    if not (site / "index.html").is_file():
        raise FileNotFoundError(f"{site} is not a built site (no index.html); run mkdocs build first")
    pages = {}
    for html in sorted(site.rglob("index.html")):
        path = html.parent.relative_to(site).as_posix()
        pages["" if path == "." else path + "/"] = {
            "html": html.stat().st_size,
            "css_js": sum(f.stat().st_size for f in assets(html, site)),
        }
    return pages


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site folder (mkdocs build -d SITE)")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = parser.parse_args(argv)
    try:
        pages = weigh(args.site)
    except (FileNotFoundError, ValueError) as error:
        sys.exit(f"error: {error}")
    if args.json:
        print(json.dumps(pages, indent=2))
        return
    print(f"{'page':<24} {'CSS+JS KB':>10} {'HTML KB':>8}")
    for page, w in pages.items():
        flag = "  over" if w["css_js"] > CSS_JS_LIMIT or w["html"] > HTML_LIMIT else ""
        print(f"{page or '/':<24} {w['css_js'] / 1000:>10.1f} {w['html'] / 1000:>8.1f}{flag}")


if __name__ == "__main__":
    main()
