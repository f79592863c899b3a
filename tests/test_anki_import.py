"""The Anki deck as Anki itself reads it: imported by Anki's own importer, every card rendered.

Anki's Python package (`anki` on PyPI, the library the desktop app runs on) pins its own protobuf and friends, so
it gets a virtual environment of its own, made once under .cache/anki/ (`rm -rf .cache` is always safe). Making it
asks PyPI: without PyPI, and without that environment from an earlier run, these tests skip, saying so.
"""

import json
import re
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest
import site_nav
from notes_build import card_sources, cards

ROOT = Path(__file__).parents[1]
ANKI = "anki==26.9.3"  # the version this test was written against; a newer Anki reads the same .apkg
VENV = ROOT / ".cache" / "anki" / ANKI.replace("==", "-")
PYTHON = VENV / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
# Anki's environment is made once, in .cache/: one worker runs these tests
pytestmark = pytest.mark.xdist_group("anki")
LESSONS = site_nav.lessons()  # [(stem, nav title)], as the build reads them

# Run by the environment's Python: import the deck into a new collection, render each card's two sides.
IMPORT_AND_RENDER = """
import json, sys, tempfile
from pathlib import Path
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
with tempfile.TemporaryDirectory() as tmp:
    col = Collection(str(Path(tmp) / "collection.anki2"))
    request = ImportAnkiPackageRequest(package_path=sys.argv[1], options=ImportAnkiPackageOptions())
    log = col.import_anki_package(request).log
    rendered = []
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        note = card.note()
        rendered.append({"question": card.question(), "answer": card.answer(), "tags": note.tags,
                         "notetype": card.note_type()["name"]})
    json.dump({"new": len(log.new), "conflicting": len(log.conflicting), "cards": rendered}, sys.stdout)
    col.close()
"""


def _environment_problem() -> str | None:
    """None once Anki's environment is ready (made now if need be, by one process at a time), else why it cannot
    be."""
    from filelock import FileLock

    VENV.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(VENV.parent / f"{VENV.name}.lock"):
        return _make_environment()


def _make_environment() -> str | None:
    if PYTHON.exists() and subprocess.run([PYTHON, "-c", "import anki"], capture_output=True).returncode == 0:
        return None
    try:
        urllib.request.urlopen("https://pypi.org/simple/anki/", timeout=10).close()
    except OSError as error:
        return f"the package registry is not reachable ({error}): this test installs {ANKI} from PyPI"
    shutil.rmtree(VENV, ignore_errors=True)
    uv = shutil.which("uv") or str(Path(sys.executable).with_name("uv"))
    if Path(uv).exists():
        steps = [[uv, "venv", "-q", "-p", sys.executable, VENV], [uv, "pip", "install", "-q", "-p", PYTHON, ANKI]]
    else:
        steps = [[sys.executable, "-m", "venv", VENV], [PYTHON, "-m", "pip", "install", "-q", ANKI]]
    for step in steps:
        result = subprocess.run(step, capture_output=True, text=True, timeout=600)
        if result.returncode != 0:
            return f"{ANKI} could not be installed: {result.stderr[-1500:]}"
    return None


@pytest.fixture(scope="module")
def rendered(tmp_path_factory):
    """The deck the build writes, imported by Anki and rendered: {"new", "conflicting", "cards": [...]}."""
    problem = _environment_problem()
    if problem:
        pytest.skip(problem)
    deck = tmp_path_factory.mktemp("anki") / "neural-notes.apkg"
    deck_cards = card_sources.all_cards(LESSONS, ROOT / "docs")
    cards.write_deck(deck_cards, deck)
    result = subprocess.run([PYTHON, "-c", IMPORT_AND_RENDER, deck], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    return {**json.loads(result.stdout), "expected": deck_cards}


def _text(html: str) -> str:
    """What a side shows, roughly: no style sheet, no tags."""
    return re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.S)).strip()


def _balanced(html: str) -> bool:
    """Every \\( closes with \\) and every \\[ with \\], in order, none inside another; no $ left over."""
    delimiters = re.findall(r"\\[()\[\]]", html)
    pairs = ["".join(delimiters[k : k + 2]) for k in range(0, len(delimiters), 2)]
    return len(delimiters) % 2 == 0 and all(pair in ("\\(\\)", "\\[\\]") for pair in pairs) and "$" not in html


@pytest.mark.slow
def test_anki_imports_every_card_as_a_new_note_of_the_notes_type(rendered):
    """Anki's importer takes every card of the deck, as a new note of the "Neural notes card" type, tagged by lesson."""
    expected = rendered["expected"]
    assert rendered["new"] == len(rendered["cards"]) == len(expected) and rendered["conflicting"] == 0
    assert {c["notetype"] for c in rendered["cards"]} == {"Neural notes card"}
    lessons = {c.lesson for c in expected}
    assert {tag for c in rendered["cards"] for tag in c["tags"] if tag in lessons} == lessons
    assert all(len(lessons.intersection(c["tags"])) == 1 for c in rendered["cards"])


@pytest.mark.slow
def test_anki_renders_every_card_with_both_sides_and_balanced_math(rendered):
    """Every card Anki renders has a question and an answer with text, the answer under the question, and math
    delimiters that Anki's MathJax can read: \\( … \\) and \\[ … \\] balanced, in order, no $ left."""
    for card in rendered["cards"]:
        question, answer = card["question"], card["answer"]
        back = answer.split("<hr id=answer>", 1)[-1]
        assert _text(question) and _text(back) and "<hr id=answer>" in answer, question[-300:]
        assert _balanced(question) and _balanced(back), (question[-300:], back[:300])
    assert sum("\\(" in card["answer"] for card in rendered["cards"]) > len(rendered["cards"]) // 2


@pytest.mark.slow
def test_anki_styles_code_and_night_mode(rendered):
    """The note type's style travels with each card: code in monospace on its own ground, and night-mode colours."""
    style = re.search(r"<style>(.*?)</style>", rendered["cards"][0]["question"], re.S).group(1)
    assert re.search(r"code, pre \{[^}]*monospace[^}]*background", style)
    assert ".nightMode" in style and "text-align: left" in style
    assert any("<code>" in c["answer"] for c in rendered["cards"])
