"""After the build, check every internal link, anchor and image of every page, notebook pages included.

MkDocs validates links only in Markdown pages; notebook pages are HTML it never looks into. A broken
href/src, or a #fragment with no matching id in its target page, fails the build.

Parsing every page is most of the check's time, and a rebuild changes few pages: what a page holds (its ids
and links) is kept by a hash of its HTML for the next build (notes_build/disk_cache.py).

A page that `mkdocs serve` built as an error page (notes_build/notebook_html.py marks it) has lost its headings:
#fragments into it are not checked, so that one failing page does not stop the whole site from serving.
"""

import functools
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

from mkdocs.exceptions import PluginError

from .disk_cache import Memo, stage_source
from .project import ERROR_MARK, page_memo

# The files it checks: the pages and notebooks, the deck, the preloaded math font, the downloads.
AFTER = ("notebook_html", "cards", "math_font", "downloads")

CHECKED = {"a": "href", "img": "src", "script": "src", "link": "href", "source": "src", "iframe": "src"}
_SOURCE = stage_source(__file__)  # part of its memo keys


class _Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids, self.links, self.failed = set(), [], False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.failed = self.failed or ERROR_MARK in attrs
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        if CHECKED.get(tag) in attrs and attrs[CHECKED[tag]] is not None:
            self.links.append((tag, attrs[CHECKED[tag]]))


def _parse(path: Path, cache: dict, memo: Memo | None = None) -> _Page:
    """The page at `path`, parsed once per check (and, with a memo, once per content across builds)."""
    if path not in cache:
        text = path.read_text(encoding="utf-8", errors="replace")

        def parse():
            page = _Page()
            page.feed(text)
            return [sorted(page.ids), page.links, page.failed]

        ids, found, failed = memo.get(text, parse) if memo is not None else parse()
        page = _Page()
        page.ids, page.links, page.failed = set(ids), [tuple(link) for link in found], failed
        cache[path] = page
    return cache[path]


def broken_links(site: Path, root_path: str = "/", memo: Memo | None = None) -> list[str]:
    """Every internal link in site/**/*.html that points to no file, or to a missing #anchor.

    root_path: the path the site is served under (from site_url, e.g. "/notes/"), which root-relative
    links such as 404.html's start with. memo: what earlier builds found in pages with the same HTML.
    """
    cache, problems = {}, []
    parse = functools.partial(_parse, cache=cache, memo=memo)
    for html in sorted(site.rglob("*.html")):
        here = html.relative_to(site).as_posix()
        for tag, link in parse(html).links:
            parts = urlsplit(link)
            if (
                parts.scheme
                or link.startswith(("//", "data:", "javascript:", "mailto:"))
                or not (parts.path or parts.fragment)
            ):
                continue
            if parts.path:
                path = unquote(parts.path)
                if path.startswith("/"):  # 404.html uses root paths, under the site's root path
                    base, path = "", path[len(root_path) :] if path.startswith(root_path) else path
                else:
                    base = posixpath.dirname(here)
                target_rel = posixpath.normpath(posixpath.join(base, path.lstrip("/")))
                target = site / target_rel
                if target.is_dir() or link.split("#")[0].endswith("/"):
                    target = target / "index.html"
            else:
                target = html
            if not target.is_file():
                problems.append(f"{here}: <{tag}> {link} -> no such file")
            elif (
                parts.fragment
                and target.suffix == ".html"
                and unquote(parts.fragment) not in parse(target).ids
                and not parse(target).failed
            ):
                problems.append(f"{here}: <{tag}> {link} -> no id '{parts.fragment}' in {target.relative_to(site)}")
    return problems


def on_post_build(config):
    root_path = urlsplit(config.get("site_url") or "/").path or "/"
    memo = page_memo(config, "links", _SOURCE)
    problems = broken_links(Path(config["site_dir"]), root_path.rstrip("/") + "/", memo)
    memo.save()
    if problems:
        shown = "\n  ".join(problems[:30])
        raise PluginError(f"{len(problems)} broken internal link(s) in the built site:\n  {shown}")
