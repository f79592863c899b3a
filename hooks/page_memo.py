"""What a hook derives from a page's HTML, kept on disk by a hash of that HTML, for the next build.

A rebuild changes few pages, but every hook that reads the pages (the link check, the notebook CSS's used
names, the print page) read all of them again: a tenth of a second to half a second each, every build and
every `mkdocs serve` rebuild. `Memo(name, source)` keeps `compute()`'s JSON-ready results in
.cache/pages/<name>.json, keyed on the text it was computed from and on `source`, the hook's source as it
was when the hook was loaded (an edited hook computes everything again; `mkdocs serve` loads each hook once,
so an edit to one takes effect, and is keyed, when the server restarts). Each build writes back only the
entries it used, so the file holds one build's pages.

Not a hook itself (mkdocs.yml does not list it): the hooks import it, from the folder mkdocs puts on
sys.path while it loads them.
"""

import hashlib
import json
import os
import threading
from pathlib import Path

CACHE = Path(__file__).resolve().parents[1] / ".cache" / "pages"


class Memo:
    def __init__(self, name: str, source: bytes):
        self.path = CACHE / f"{name}.json"
        self.source = source
        try:
            self.earlier = json.loads(self.path.read_text())
        except (OSError, ValueError):  # none yet, or a build stopped while writing it
            self.earlier = {}
        self.current = {}

    def get(self, text: str, compute):
        """compute()'s result for `text`: from this build or an earlier one, else computed now."""
        key = hashlib.sha256(self.source + text.encode()).hexdigest()
        if key not in self.current:
            self.current[key] = self.earlier[key] if key in self.earlier else compute()
        return self.current[key]

    def save(self) -> None:
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = self.path.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")  # two builds may save at once
        partial.write_text(json.dumps(self.current))
        partial.replace(self.path)
