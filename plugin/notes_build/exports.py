"""Data files for the interactive pages, written at build time beside the pages that load them.

`snippets.course.export.site_files()` says what each file holds (the headline NumPy model's weights, a few test
digits, the learning-rate curves); this stage adds them to the site as generated files, after
notes_build/execute.py has executed the pages (so the results they need are already in the build's cache).
A file is written only when the page it sits beside is part of the site, and where that page's relative
links find it: in try-it/ beside try-it/index.html, or beside try-it.html in the offline build (no
directory URLs).

A page read from file:// (the offline build) may not fetch a file, so there each file is also written as
NAME.json.js, a script that hands the same JSON to `notesJSON` (docs/assets/javascripts/notes.js reads it
so from file://).
"""

import json
import posixpath

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from snippets.course import export

from .project import offline_build

AFTER = ("execute",)  # the shared results the pages computed are in the build's cache


def _page_folders(files) -> dict[str, str]:
    """{a page's folder in the export paths, "try-it" for try-it.py or try-it/index.md: its output folder}."""
    folders = {}
    for f in files:
        if f.is_documentation_page():
            stem = posixpath.splitext(f.src_uri)[0]
            if posixpath.basename(stem) in ("index", "README"):
                stem = posixpath.dirname(stem)
            folders[stem] = posixpath.dirname(f.dest_uri)
    return folders


def on_files(files, config):
    offline, folders, written = offline_build(config), _page_folders(files), {}
    for path, payload in export.site_files().items():
        page, name = posixpath.split(path)
        if page not in folders:
            continue
        dest = posixpath.join(folders[page], name)
        if dest in written:
            raise PluginError(f"notes_build/exports.py: {path} and {written[dest]} would both be written to {dest}")
        written[dest] = path
        # Compact JSON: the weights file must stay under 60 KB (tests/test_export.py). No NaN or Infinity,
        # which a browser's JSON parser rejects.
        content = json.dumps(payload, separators=(",", ":"), allow_nan=False)
        files.append(File.generated(config, dest, content=content))
        if offline:  # parsed as JSON there too: the text as a string literal, for JSON.parse
            script = f"notesJSON(document.currentScript, JSON.parse({json.dumps(content)}));\n"
            files.append(File.generated(config, dest + ".js", content=script))
    return files
