"""Data files for the interactive pages, written at build time beside the pages that load them.

`snippets.export.site_files()` says what each file holds (the headline NumPy model's weights, a few test
digits, the learning-rate curves); this hook adds them to the site as generated files, after
hooks/notebooks.py has executed the pages (so the results they need are already in the build's cache).
A file is written only when the page it sits beside is part of the site, and where that page's relative
links find it: in try-it/ beside try-it/index.html, or beside try-it.html in the offline build (no
directory URLs).
"""

import json
import posixpath

from mkdocs.structure.files import File

from snippets import export


def on_files(files, config):
    # "try-it/digit-net.json" sits beside the page try-it.py (or try-it.md): keyed by the source without suffix.
    pages = [f for f in files if f.is_documentation_page()]
    folders = {posixpath.splitext(f.src_uri)[0]: posixpath.dirname(f.dest_uri) for f in pages}
    for path, payload in export.site_files().items():
        page, name = path.rsplit("/", 1)
        if page in folders:
            # Compact JSON: the weights file must stay under 60 KB (tests/test_export.py).
            content = json.dumps(payload, separators=(",", ":"))
            files.append(File.generated(config, posixpath.join(folders[page], name), content=content))
    return files
