"""The built site's markup is valid HTML: the Nu HTML checker (vnu.jar, the W3C validator's engine) on every page.

Needs Java (`apt-get install default-jre-headless`; .ci/run installs it) and node_modules/vnu-jar
(`npm ci`); without them these tests skip and say so.
"""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[1]
from notes_build import markup  # noqa: E402  (notes_build/markup.py, which makes third-party markup valid at build)

JAVA = shutil.which("java")
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(JAVA is None, reason="the Nu HTML checker needs Java: apt-get install default-jre-headless"),
    pytest.mark.skipif(not VNU.exists(), reason="the Nu HTML checker needs node_modules/vnu-jar: run npm ci"),
]

# Errors in markup this project does not write and cannot reasonably change, each with the exact message,
# the markup it may come from, and why it stays. Anything else fails the test.
ALLOWED = [
    (
        "Attribute “autocomplete” is only allowed when the input type is “color”, “date”, “datetime-local”, "
        "“email”, “hidden”, “month”, “number”, “password”, “range”, “search”, “tel”, “text”, “time”, “url”, "
        "or “week”.",
        re.compile(
            r'<input class="md-toggle" data-md-toggle="(?:drawer|search)" type="checkbox" '
            r'id="__(?:drawer|search)" autocomplete="off">'
        ),
        # mkdocs-material's base.html: the hidden checkboxes that open the navigation drawer and the search.
        # autocomplete="off" stops Firefox from restoring their state on reload or back (a drawer or search
        # left open), which the theme's script then reads at start-up. Stripping it at build would be easy and
        # would bring that bug back; HTML offers no valid attribute that does the same on a checkbox.
        "material's drawer and search toggles: autocomplete=off stops Firefox restoring them",
    ),
]


def nu_check(files):
    """The Nu HTML checker's messages (errors and failures to check) for these HTML files."""
    command = [JAVA, "-jar", str(VNU), "--format", "json", "--exit-zero-always", *map(str, files)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"vnu.jar failed to run:\n{result.stderr[-3000:]}"
    messages = json.loads(result.stderr or result.stdout)["messages"]  # vnu writes its report to stderr
    return [m for m in messages if m["type"] in ("error", "non-document-error")]


def allowed(message) -> bool:
    return any(
        message["message"] == text and pattern.search(message.get("extract", "")) for text, pattern, _ in ALLOWED
    )


def test_every_page_is_valid_html(built_site):
    """The Nu HTML checker finds no error on any HTML page of the site, besides the listed theme markup."""
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) >= 19, [p.relative_to(built_site).as_posix() for p in pages]
    errors = [m for m in nu_check(pages) if not allowed(m)]
    shown = [
        f"{m.get('url', '?').split(built_site.name + '/', 1)[-1]}:{m.get('lastLine', '?')}: {m['message']} "
        f"{m.get('extract', '').strip()[:160]!r}"
        for m in errors[:40]
    ]
    assert not errors, f"{len(errors)} HTML error(s):\n" + "\n".join(shown)


def test_copy_buttons_become_valid_html(tmp_path):
    """mkdocs-jupyter's copy-button markup is an error to the checker; notes_build/markup.py's rewrite of it is not."""
    template = (
        '<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><pre id="cell-1">x = 1</pre>'
        '<clipboard-copy for="cell-1", aria-label="Copy to Clipboard"><span>copy</span></clipboard-copy></body></html>'
    )
    raw, fixed = tmp_path / "raw.html", tmp_path / "fixed.html"
    raw.write_text(template)
    fixed.write_text(markup.copy_buttons(template))
    found = {Path(m["url"]).name: m["message"] for m in nu_check([raw, fixed])}
    assert "aria-label" in found.get("raw.html", ""), found
    assert "fixed.html" not in found, found
    assert '<clipboard-copy for="cell-1" role="button" tabindex="0" aria-label="Copy to clipboard">' in (
        fixed.read_text()
    )


def test_copy_button_without_a_cell_fails_the_build():
    """A copy button that names no cell to copy is a build error, not a silent dead button."""
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match="names no cell"):
        markup.copy_buttons('<clipboard-copy aria-label="Copy">')
