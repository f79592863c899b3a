"""Stage 2: the notebook pages as mkdocs-jupyter rendered them, made light, private, linked and downloadable.

- The ~590 KB of notebook CSS each rendering carries moves into one shared file, NOTEBOOK_CSS (cut later by
  the styles stage); the CDN loaders nbconvert puts in every page (MathJax v2, Mermaid) are dropped: math is
  typeset at build (typeset stage).
- Links written as `page.md` / `page.py` in notebook Markdown become the built pages' URLs, as MkDocs does for
  Markdown pages.
- Each page links its executed notebook (.ipynb, with outputs), written beside it; figures move from base64 in
  the HTML into files beside the page (any page that shows them: print/ gathers them too).
- Under `mkdocs serve`, a page whose execution failed (execute stage) shows the error instead.
"""

import base64
import hashlib
import html
import logging
import posixpath
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
from mkdocs.exceptions import PluginError
from mkdocs_jupyter import convert

from . import execute
from .project import ERROR_MARK, NOTEBOOK_CSS, root

AFTER = ("execute",)
STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.S)
MATHJAX_V2 = re.compile(r"<!-- Load mathjax -->.*?<!-- End of mathjax configuration -->", re.S)
# nbconvert's Mermaid loader imports mermaid from a CDN when a page has diagrams: these pages have none.
MERMAID = re.compile(r'<script type="module">(?:(?!</script>).)*?mermaid.*?</script>', re.S)
INLINE_IMAGE = re.compile(r'src="data:image/(png|svg\+xml|jpeg);base64,([A-Za-z0-9+/=\s]+)"')
PAGE_LINK = re.compile(r'href="([\w./-]+)\.(?:md|py)(#[^"]*)?"')

# mkdocs-jupyter's per-page INFO lines ("Cache hit", "Converting notebook", "Evicted stale cache"): the execute
# stage logs one line per executed page instead.
JUPYTER_LOGGERS = ("mkdocs.plugins.mkdocs_jupyter", "mkdocs.mkdocs-jupyter")


@dataclass
class State:
    css: str | None = None  # the notebook CSS, from the first rendered page that has it
    urls: dict[str, str] = field(default_factory=dict)  # {a page's src_uri: its URL}


def on_config(config):
    for name in JUPYTER_LOGGERS:  # set when a build starts, not when this module is imported
        logging.getLogger(name).setLevel(logging.WARNING)
    return config


def on_files(files, config, build):
    build.notebook_html.urls = {f.src_uri: f.url for f in files if f.is_documentation_page()}
    return files


def page_links(text: str, src_uri: str, urls: dict[str, str]) -> str:
    """Rewrite href="page.md#x" / "page.py#x" to the built page's URL (`urls`: {src_uri: URL}), relative to this
    page."""
    here = urls.get(src_uri, "")

    def replace(match):
        target = posixpath.normpath(posixpath.join(posixpath.dirname(src_uri), match.group(1)))
        url = urls.get(target + ".py", urls.get(target + ".md"))
        if url is None:
            raise PluginError(f"docs/{src_uri}: link to {match.group(0)[6:-1]}, which is not a page")
        # The folder the browser resolves the link from: "forward/" is one, "forward.html" (offline build) a file.
        base = here if here.endswith("/") else posixpath.dirname(here)
        rel = posixpath.relpath(url or ".", base.rstrip("/") or ".")
        rel = "./" if rel == "." else rel + ("/" if url.endswith("/") else "")
        return f'href="{rel}{match.group(2) or ""}"'

    return PAGE_LINK.sub(replace, text)


def error_page(failure: execute.ExecutionFailed) -> str:
    """The body of the page that stands in for a page whose execution failed (under `mkdocs serve` only)."""
    frames = "".join(
        f"<li><code>{html.escape(file)}</code>, line {line}, in <code>{html.escape(function)}</code>"
        f"<pre><code>{html.escape(code)}</code></pre></li>"
        for file, line, function, code in failure.frames
    )
    frames = f"<p>Where it happened in <code>snippets/</code>:</p><ol>{frames}</ol>" if frames else ""
    details = (
        f"<details><summary>Full traceback</summary><pre><code>{html.escape(failure.traceback)}</code></pre></details>"
        if failure.traceback
        else ""
    )
    return (
        f'<div class="admonition failure notes-build-error" {ERROR_MARK}>'
        f'<p class="admonition-title">Build error: this page did not execute</p>'
        f"<p><code>{html.escape(str(failure))}</code></p>{frames}{details}"
        f"<p>Fix the cell or the module and save: the page comes back on the next rebuild. "
        f"<code>mkdocs build</code> and the tests fail on this error.</p></div>"
    )


def on_page_content(text, page, config, files, build):
    uri = page.file.src_uri
    if not uri.endswith(".py"):
        return text
    failure = build.execute.errors.get(uri)  # under `mkdocs serve` only: a build stops at the first
    if failure is not None:
        return error_page(failure)
    css = "\n".join(STYLE.findall(text))
    if css.strip():
        build.notebook_html.css = css
    text = page_links(MERMAID.sub("", MATHJAX_V2.sub("", STYLE.sub("", text))), uri, build.notebook_html.urls)
    words = "Download this page as a Jupyter notebook (.ipynb, with its outputs)"
    link = f'<a href="{Path(uri).stem}.ipynb" download>{words}</a>'
    return f'<p class="notes-download">{link}</p>' + text


def _images_to_files(output: str, folder: Path) -> str:
    """Move inline base64 figures into files beside the page (named by content): light HTML, cacheable images."""

    def replace(match):
        kind, data = match.group(1), base64.b64decode(match.group(2))
        name = f"fig-{hashlib.sha256(data).hexdigest()[:12]}.{'svg' if kind == 'svg+xml' else kind}"
        (folder / name).write_bytes(data)
        return f'src="{name}"'

    return INLINE_IMAGE.sub(replace, output)


def on_post_page(output, page, config):
    """The executed notebook beside its page, for the download link; figures as files beside the page."""
    folder = Path(page.file.abs_dest_path).parent
    if page.file.src_uri.endswith(".py"):
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page.file.abs_src_path, folder / f"{Path(page.file.src_uri).stem}.ipynb")
    if "data:image/" in output:
        folder.mkdir(parents=True, exist_ok=True)
        output = _images_to_files(output, folder)
    return output


def on_post_build(config, build):
    """The shared notebook CSS, from a rendered page (or a blank notebook's, on a site without notebook pages)."""
    state = build.notebook_html
    if state.css is None:
        with tempfile.TemporaryDirectory(dir=root(config)) as tmp:
            blank = Path(tmp) / "blank.ipynb"
            nbformat.write(nbformat.v4.new_notebook(), blank)
            state.css = "\n".join(STYLE.findall(convert.nb2html(str(blank), execute=False)))
    target = Path(config["site_dir"]) / NOTEBOOK_CSS
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(state.css)
