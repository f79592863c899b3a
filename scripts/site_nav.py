"""The site's lessons, read from the one place they are listed: the nav's "Lessons" section in mkdocs.yml.

The build reads the same section from MkDocs' nav (the cheat sheet's and revise/'s boxes, print/, the cards);
the tests and scripts read it here, so that a new lesson is checked as soon as the nav lists it.
"""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
SECTION = "Lessons"


def nav(config: Path = ROOT / "mkdocs.yml") -> list:
    """The nav of mkdocs.yml, its `!ENV` tags read as plain values."""
    return yaml.load(config.read_text(encoding="utf-8").replace("!ENV ", ""), Loader=yaml.BaseLoader)["nav"]


def lessons(config: Path = ROOT / "mkdocs.yml") -> list[tuple[str, str]]:
    """[(page stem, nav title)] of the Lessons section, in order: [("data", "Data"), ...]."""
    section = next((entry[SECTION] for entry in nav(config) if SECTION in entry), None)
    if not section:
        raise ValueError(f"{config} has no nav section {SECTION!r}: the lessons are listed there")
    return [(Path(next(iter(entry.values()))).stem, next(iter(entry))) for entry in section]


def lesson_stems(config: Path = ROOT / "mkdocs.yml") -> list[str]:
    """The lessons' page stems, in nav order: ["data", "architecture", ...]."""
    return [stem for stem, _ in lessons(config)]
