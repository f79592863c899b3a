"""The notes' build as one MkDocs plugin, `notes`: its stages run in the order of STAGES, written once, here.

Each stage is a module of this package with one job, handling MkDocs events as hooks do (`on_files(files,
config)`, `on_page_content(html, page, config, files)`, ...). For every event the plugin calls the stages that
handle it, in STAGES order, each on the previous one's result. A stage names the stages whose output it reads
in `AFTER`; the order is checked when the plugin loads, and a stage that finds another's output missing stops
the build saying which.

The plugin's events run late (priority -50): after the theme's, search's and mkdocs-jupyter's handlers (at 0;
mkdocs-jupyter's on_files has taken the notebook pages when the execute stage gives them their executed
notebooks), and before Material's offline plugin's last step (-100).

Options (mkdocs.yml): `workers` (kernels at once), `cell_timeout` (seconds a cell may run), `offline` (the
offline build; it must agree with Material's offline plugin, which does the theme's half of it).
"""

import inspect
import logging

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from . import (
    cards,
    cheatsheet,
    compact,
    downloads,
    execute,
    exports,
    folds,
    links,
    markup,
    math_font,
    minify,
    notebook_html,
    offline,
    print_page,
    styles,
    templates,
    typeset,
    wrap_tables,
)
from .project import PACKAGE, offline_build

log = logging.getLogger("mkdocs.plugins.notes")

STAGES = (
    execute,  # runs the notebook pages (nbclient, cached) and hands mkdocs-jupyter the executed notebooks
    notebook_html,  # the rendered notebooks: CSS out into one file, links resolved, figures to files, download
    folds,  # the depth a lesson folds: marked runs of cells in one closed <details>
    templates,  # compiled Jinja templates kept between builds
    cards,  # review/ and the Anki deck, cut from the pages' sources
    typeset,  # every formula to MathML (Temml), at build
    math_font,  # the math font cut to the glyphs the formulas use, preloaded where there is math
    styles,  # the notebook CSS cut to the rules the pages use
    wrap_tables,  # tables wrapped as the theme would in the browser, labelled for phones
    print_page,  # print/: every lesson on one page
    cheatsheet,  # cheatsheet/: one A4 page cut from the rendered pages
    downloads,  # the snippets wheel, self-installing notebooks, the exercise notebooks, zips
    markup,  # valid HTML from third-party markup (notebook copy buttons)
    exports,  # the interactive pages' data files (weights, curves)
    compact,  # the template's indentation out of the HTML
    links,  # every internal link and anchor of the built site checked
    offline,  # the offline build: search-worker shim served with the site, no instant navigation
    minify,  # the site's own CSS and JavaScript minified
)
ITEM_EVENTS = ("config", "files", "nav", "env", "page_markdown", "page_content", "page_context", "post_page")


def check_order(stages=STAGES) -> None:
    """Every stage comes after the stages it names in AFTER (their output is its input)."""
    names = [s.__name__.rsplit(".", 1)[-1] for s in stages]
    for k, stage in enumerate(stages):
        for needed in getattr(stage, "AFTER", ()):
            if needed not in names[:k]:
                where = "is missing" if needed not in names else f"comes after it ({names.index(needed) + 1}.)"
                raise PluginError(f"notes plugin: stage {names[k]} reads {needed}'s output, but {needed} {where}")


check_order()
# `mkdocs serve` loads the plugin once: the code in use is the code it started with (see on_config).
_LOADED = {
    path: path.stat().st_mtime for path in PACKAGE.rglob("*") if path.is_file() and "__pycache__" not in path.parts
}


class NotesOptions(base.Config):
    workers = c.Type(int, default=3)
    cell_timeout = c.Type(int, default=300)
    offline = c.Type(bool, default=False)


def _name(stage) -> str:
    return stage.__name__.rsplit(".", 1)[-1]


class Build:
    """What one build keeps from event to event, made new by on_config for every build (`mkdocs serve` runs it
    before each rebuild, with the same plugin):
    - `command`: "build" or "serve";
    - `process`: what lasts as long as the process, as the plugin does (under serve, across rebuilds);
    - `build.<stage>`: the State() of each stage that defines one.

    A handler gets it by taking a `build` argument. A stage reads another's state only when it names that stage
    in AFTER (check_order then puts it later)."""

    def __init__(self, command: str, process: dict, stages=STAGES):
        self.command, self.process = command, process
        for stage in stages:
            if hasattr(stage, "State"):
                setattr(self, _name(stage), stage.State())


# For each event, the stages' handlers in STAGES order, each with whether it takes the build's state.
HANDLERS = {
    event: [(h, "build" in inspect.signature(h).parameters) for s in STAGES if (h := getattr(s, f"on_{event}", None))]
    for event in ("startup", "config", "files", "pre_build", "nav", "env", "page_markdown", "page_content",
                  "page_context", "post_page", "post_build")
}  # fmt: skip


def _run(event: str, item=None, build: Build | None = None, **kwargs):
    for handler, takes_build in HANDLERS[event]:
        extra = {"build": build} if takes_build else {}
        if event in ITEM_EVENTS:
            result = handler(item, **kwargs, **extra)
            item = item if result is None else result
        else:
            handler(**kwargs, **extra)
    return item


class NotesPlugin(BasePlugin[NotesOptions]):
    supports_multiple_instances = False

    def __init__(self):
        super().__init__()
        self.command = "build"  # until on_startup says otherwise (a test may run a build without it)
        # What lasts as long as the process: the snippets sources as imported, which the cards stage compares with
        # the files at every build (the question modules were imported with this module, moments ago).
        self.process: dict = {"snippets imported": cards.imported_snippets()}
        self.build: Build | None = None

    def on_startup(self, *, command, dirty):
        if dirty:  # a dirty build renders only the pages that changed; the cut stylesheet, the cheat sheet
            # and print/ are made from every page's HTML
            raise PluginError("notes plugin: --dirty builds are not supported: build or serve without it")
        self.command = command
        _run("startup", command=command, dirty=dirty)

    @event_priority(-50)
    def on_config(self, config):
        changed = [p.name for p, mtime in _LOADED.items() if not p.exists() or p.stat().st_mtime != mtime]
        if changed:
            raise PluginError(
                f"notes plugin: {', '.join(sorted(changed))} changed since `mkdocs serve` started, which keeps the "
                "code it loaded: stop it (Ctrl-C) and run `make serve` again"
            )
        if self.config.offline != offline_build(config):
            raise PluginError("notes plugin: its offline option and Material's offline plugin must agree (OFFLINE)")
        self.build = Build(self.command, self.process)
        return _run("config", config, self.build)

    @event_priority(-50)
    def on_files(self, files, *, config):
        return _run("files", files, self.build, config=config)

    @event_priority(-50)
    def on_pre_build(self, *, config):
        _run("pre_build", build=self.build, config=config)

    @event_priority(-50)
    def on_nav(self, nav, *, config, files):
        return _run("nav", nav, self.build, config=config, files=files)

    @event_priority(-50)
    def on_env(self, env, *, config, files):
        return _run("env", env, self.build, config=config, files=files)

    @event_priority(-50)
    def on_page_markdown(self, markdown, *, page, config, files):
        return _run("page_markdown", markdown, self.build, page=page, config=config, files=files)

    @event_priority(-50)
    def on_page_content(self, html, *, page, config, files):
        return _run("page_content", html, self.build, page=page, config=config, files=files)

    @event_priority(-50)
    def on_page_context(self, context, *, page, config, nav):
        return _run("page_context", context, self.build, page=page, config=config, nav=nav)

    @event_priority(-50)
    def on_post_page(self, output, *, page, config):
        return _run("post_page", output, self.build, page=page, config=config)

    @event_priority(-50)
    def on_post_build(self, *, config):
        _run("post_build", build=self.build, config=config)
