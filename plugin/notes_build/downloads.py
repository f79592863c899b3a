"""Downloads that run outside the repository: the snippets wheel, self-installing notebooks, a zip of them.

1. The `snippets` package's wheel (wheel.py) is served at downloads/snippets-<version>-py3-none-any.whl.
2. Each executed notebook offered for download (written beside its page by the notebook_html stage)
   gets two cells in front (self_install.py): the versions it was executed with, and a cell that installs
   the wheel from the site with %pip when `snippets` is not importable (and does nothing otherwise).
3. downloads/notebooks.zip holds every notebook; the Downloads page (docs/downloads.md) lists all
   of it, from the `<!-- downloads -->` marker this stage fills in.

The wheel's address comes from the site's URL, `site_url` in mkdocs.yml (from $SITE_URL).
"""

import html
import os
import posixpath
import shutil
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from snippets.practice import exercises

from . import disk_cache, wheel
from .project import cache_folder, page_memo, root
from .reproducible import write_zip
from .self_install import self_installing, versions_line

AFTER = ("notebook_html",)  # which writes the executed notebooks beside their pages
_SOURCE = disk_cache.stage_source(__file__)  # part of its memo keys
MARKER = "<!-- downloads -->"


@dataclass
class State:
    wheel_build: Future | None = None  # the snippets wheel, built beside the build
    site_url: str = ""
    from_env: bool = False  # whether SITE_URL named the site's address
    project: Path = Path()
    pyproject: str = ""
    memo: disk_cache.Memo | None = None
    notebooks: list[Path] = field(default_factory=list)  # the downloadable notebooks written so far

    def wheel(self) -> wheel.Wheel:
        return self.wheel_build.result()  # re-raises a failed build's PluginError; the file has the wheel's name


def on_config(config, build):
    # Built beside the build (pip runs in its own process): on a fresh clone it takes 2 s, which the first
    # pages' execution hides instead of waiting for. `State.wheel()` waits for it where it is needed.
    store = disk_cache.Store(cache_folder(config) / "wheel", keep=1)
    pool = ThreadPoolExecutor(max_workers=1)
    wheel_build = pool.submit(wheel.build, root(config), store)
    pool.shutdown(wait=False)  # its thread ends once the wheel is built: one pool per build, none left behind
    build.downloads = State(
        wheel_build=wheel_build,
        site_url=(config.get("site_url") or "http://127.0.0.1:8000/").rstrip("/") + "/",
        from_env=bool(os.environ.get("SITE_URL")),
        project=root(config),
        pyproject=(root(config) / "pyproject.toml").read_text(),
        memo=page_memo(config, "downloads", _SOURCE),
    )
    return config


def on_page_markdown(markdown, page, config, files, build):
    if MARKER not in markdown:
        return markdown
    built = build.downloads.wheel()
    pages = [f for f in files if f.is_documentation_page() and f.src_uri.endswith(".py")]
    # Links relative to the folder of the page's file, from the files' places in the built site: right with
    # directory URLs (downloads/index.html) and without them (downloads.html, the offline build).
    here = posixpath.dirname(page.file.dest_uri) or "."

    def href(dest: str) -> str:
        return html.escape(posixpath.relpath(dest, here))

    links = "".join(
        f'<li><a href="{href(posixpath.join(posixpath.dirname(f.dest_uri), Path(f.src_uri).stem + ".ipynb"))}"'
        f" download>{html.escape(Path(f.src_uri).stem)}.ipynb</a></li>"
        for f in pages
    )
    exercise_links = "".join(
        f'<li><a href="{href(f"downloads/exercises/{name}.ipynb")}" download>{name}.ipynb</a>: '
        f"{html.escape(exercise.title)}</li>"
        for name, exercise in exercises.EXERCISES.items()
    )
    exercise_page = next((f.dest_uri for f in files if f.src_uri == "exercises.py"), "exercises/index.html")
    block = (
        f'<ul><li><a href="{href("downloads/" + built.name)}" download>{built.name}</a> '
        f"({built.path.stat().st_size / 1e6:.1f} MB), the <code>snippets</code> package with its data</li>"
        f'<li><a href="{href("downloads/notebooks.zip")}" download>notebooks.zip</a>, every notebook below</li>'
        f'<li><a href="{href("downloads/exercises.zip")}" download>exercises.zip</a>, the coding exercises</li></ul>'
        f"<p>The notebooks, one per executed page, with their outputs:</p><ul>{links}</ul>"
        "<p>The coding exercises, a notebook each with a cell to fill in and a check (solutions on the "
        f'<a href="{href(exercise_page)}">Coding exercises</a> page):</p><ul>{exercise_links}</ul>'
    )
    return markdown.replace(MARKER, block)


def on_post_page(output, page, config, build):
    """Give the page's downloadable notebook (written by the notebook_html stage) its install cell."""
    state = build.downloads
    notebook = Path(page.file.abs_dest_path).parent / f"{Path(page.file.src_uri).stem}.ipynb"
    if page.file.src_uri.endswith(".py") and notebook.is_file():
        url = f"{state.site_url}downloads/{state.wheel().name}"
        raw, from_env, project = notebook.read_bytes(), state.from_env, state.project
        # Reading and writing a notebook with nbformat takes ~10 ms: done once per content (disk_cache.Memo). What
        # decides snippets or snippets[keras] is in the executed notebook (its notes.imported metadata), the ranges
        # in pyproject.toml.
        text = state.memo.get(
            f"{url}\0{from_env}\0{versions_line()}\0{nbformat.__version__}\0{raw.decode('utf-8')}\0{state.pyproject}",
            lambda: self_installing(raw, url, from_env, project).decode("utf-8"),
        )
        notebook.write_text(text, encoding="utf-8")
        state.notebooks.append(notebook)
    return output


def on_post_build(config, build):
    """Serve the wheel and a zip of every notebook in downloads/."""
    state = build.downloads
    state.memo.save()
    folder = Path(config["site_dir"]) / "downloads"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy2(state.wheel().path, folder / state.wheel().name)
    write_zip(folder / "notebooks.zip", {n.name: n.read_bytes() for n in sorted(state.notebooks)})
    url = f"{state.site_url}downloads/{state.wheel().name}"
    written = {}
    for name in exercises.EXERCISES:
        raw = nbformat.writes(exercises.notebook(name)).encode("utf-8")
        written[f"{name}.ipynb"] = self_installing(raw, url, state.from_env, state.project, executed=False)
        (folder / "exercises").mkdir(exist_ok=True)
        (folder / "exercises" / f"{name}.ipynb").write_bytes(written[f"{name}.ipynb"])
    write_zip(folder / "exercises.zip", written)
