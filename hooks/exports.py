"""Data files for the interactive pages, written at build time beside the pages that load them.

`snippets.export.site_files()` says what each file holds (the headline NumPy model's weights, a few test
digits, the learning-rate curves); this hook adds them to the site as generated files, after
hooks/notebooks.py has executed the pages (so the results they need are already in the build's cache).
A file is written only when the page it sits beside is part of the site.
"""

import json

from mkdocs.structure.files import File

from snippets import export


def on_files(files, config):
    pages = {f.dest_uri.rsplit("/", 1)[0] for f in files if f.is_documentation_page()}
    for path, payload in export.site_files().items():
        if path.rsplit("/", 1)[0] in pages:
            # Compact JSON: the weights file must stay under 60 KB (tests/test_export.py).
            content = json.dumps(payload, separators=(",", ":"))
            files.append(File.generated(config, path, content=content))
    return files
