"""What the stages share: the project's folders, the paths one stage writes and another reads, the offline test.

Defined once here; a stage imports them rather than spelling a path or a marker again.
"""

from pathlib import Path

from .disk_cache import Memo

PACKAGE = Path(__file__).resolve().parent
VENDOR = PACKAGE / "vendor"  # build-only third-party files (scripts/vendor_math.py)
NOTEBOOK_CSS = "assets/stylesheets/jupyter.css"  # written by notebook_html, cut by styles, minified by minify
ERROR_MARK = "data-notes-build-error"  # on a page that `mkdocs serve` shows in place of one that failed to execute


def root(config) -> Path:
    """The project's folder: the one holding its mkdocs.yml (a test's copy of the project has its own)."""
    return Path(config["config_file_path"]).resolve().parent


def cache_folder(config) -> Path:
    return root(config) / ".cache"


def page_memo(config, name: str, source: bytes) -> Memo:
    """A stage's results by the text they are read from, kept between builds in .cache/pages/<name>.json."""
    return Memo(cache_folder(config) / "pages", name, source)


def offline_build(config) -> bool:
    """Whether this is the offline build (`make offline`: OFFLINE=true turns Material's offline plugin on)."""
    offline = config.plugins.get("material/offline")
    return offline is not None and bool(offline.config.enabled)


def options(config):
    """The notes plugin's options (mkdocs.yml): workers, cell_timeout, offline."""
    return config.plugins["notes"].config
