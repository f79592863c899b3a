"""The site's scripts reach no other host: every third-party address in the built JavaScript is known inert.

tests/test_site.py scans HTML and CSS for what a browser fetches; scripts can fetch too, from addresses
written in their code. Each such address found in the built .js files must be listed here with the
reason it is never requested, so that a new script (or a theme update) that would fetch is reviewed.
Scanned: the scripts pages load and the search worker (math is MathML written at build: no math script). Not scanned:
the theme's lunr language packs (lunr/), which the search worker loads only for a non-English site.
"""

import json
import re

import pytest

pytestmark = pytest.mark.slow

URL = re.compile(r"""https?://[^\s"'`)<>\\]+""")

# address prefix -> why no reader's browser requests it from this site
INERT = {
    "http://www.w3.org/": "XML namespace names, never fetched",
    "https://unpkg.com/mermaid@": "material loads Mermaid only for pages with a .mermaid diagram (checked below)",
    "https://unpkg.com/resize-observer-polyfill": "loaded only by browsers without ResizeObserver (pre-2020)",
    "https://api.github.com/": "material's repository facts, only with repo_url set (checked below)",
    "https://${": "material's GitLab repository facts, only with repo_url set (checked below)",
    "https://clipboardjs.com/": "homepage in a comment",
    "http://lunrjs.com": "homepage in a comment",
    "http://tartarus.org/": "Porter stemmer reference in a comment",
    "https://bit.ly/": "reference in a comment of the search worker",
}


def scripts(site):
    """The .js files a reader's browser can run: loaded by a page, and the search worker."""
    loaded = set()
    for html in site.rglob("*.html"):
        for src in re.findall(r'<script[^>]*\bsrc="([^"]+)"', html.read_text()):
            loaded.add((html.parent / src.split("?")[0]).resolve())
    loaded |= {p.resolve() for p in (site / "assets/javascripts/workers").glob("*.js")}
    return sorted(p for p in loaded if p.is_file())


def test_every_third_party_address_in_scripts_is_inert(built_site):
    """Each http(s) address in the scripts the site runs matches a listed, never-fetched prefix."""
    unknown = set()
    found = scripts(built_site)
    assert any("bundle" in p.name for p in found)
    for script in found:
        for url in URL.findall(script.read_text(errors="replace")):
            if not url.startswith(tuple(INERT)):
                unknown.add(f"{script.relative_to(built_site.resolve())}: {url}")
    assert not unknown, sorted(unknown)


def test_conditions_that_keep_those_addresses_inert(built_site):
    """No Mermaid diagram, no repo_url, English-only search."""
    for html in built_site.rglob("*.html"):
        assert 'class="mermaid"' not in html.read_text(), html
    assert "md-source" not in (built_site / "index.html").read_text()  # material's repo_url widget
    assert json.loads((built_site / "search/search_index.json").read_text())["config"]["lang"] == ["en"]
