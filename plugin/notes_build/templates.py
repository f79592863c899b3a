"""Compiled Jinja templates kept on disk between builds, for the theme and for the API reference.

Every build makes new Jinja environments (`mkdocs serve` too, on each rebuild), so the theme's ~70
templates and mkdocstrings' ~80 were compiled from source every time: about 1 s of a 5 s rebuild on
this project's 2-core machine. Jinja's own bytecode cache stores each compiled template in .cache/jinja,
keyed on the template's name and a checksum of its source, so an edited template is compiled again.

The theme's environment comes through mkdocs' `on_env` event. mkdocstrings' comes from its documented
`Handlers.get_handler` and `BaseHandler.env` (mkdocstrings is pinned in pyproject.toml).
"""

import jinja2
from jinja2 import FileSystemBytecodeCache

from .project import cache_folder


def _bytecode_cache(config) -> FileSystemBytecodeCache:
    # One folder per Jinja version: its checks cover the template's source and Python's version, not its own.
    folder = cache_folder(config) / "jinja" / jinja2.__version__
    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def on_pre_build(config):
    plugin = config.plugins.get("mkdocstrings")
    if plugin is not None:
        plugin.handlers.get_handler("python").env.bytecode_cache = _bytecode_cache(config)


def on_env(env, config, files):
    env.bytecode_cache = _bytecode_cache(config)
    return env
