"""The review cards: cut from the pages' sources, at least 70, a stable Anki deck, math in Anki's own form."""

import re
import sqlite3
import zipfile
from pathlib import Path

import jupytext
import pytest
from notes_build import card_sources, cards  # noqa: E402

from snippets import quiz  # noqa: E402

DOCS = Path(__file__).parents[1] / "docs"
LESSONS = [(stem, stem.replace("-", " ").capitalize()) for stem in quiz.pages()]


@pytest.fixture(scope="module")
def deck_cards():
    return card_sources.all_cards(LESSONS, DOCS)


def test_every_source_becomes_cards_and_there_are_at_least_70(deck_cards):
    """Each In-one-minute item, self-check, Formula summary row and practice question is one card; 70 or more."""
    assert len(deck_cards) >= 70
    for stem, _ in LESSONS:
        text = (DOCS / f"{stem}.py").read_text()
        mine = [c for c in deck_cards if c.lesson == stem]
        box = text.split("in-one-minute", 1)[1].split("# </div>", 1)[0]
        assert sum(c.kind == "in one minute" for c in mine) == len(re.findall(r"^# - ", box, re.M)), stem
        assert sum(c.kind == "self-check" for c in mine) == text.count('<details class="question">'), stem
        assert sum(c.kind == "practice" for c in mine) == len(quiz.pages()[stem]), stem
    rows = [
        line for line in (DOCS / "formulas.md").read_text().splitlines() if line.startswith("| ") and "---" not in line
    ]
    assert sum(c.kind == "formula" for c in deck_cards) == len(rows) - 1  # the header row aside


def test_cards_come_from_the_pages_not_copies(deck_cards):
    """A card's text is the page's own: the loss page's first In-one-minute item, its cue split at the colon."""
    first = next(c for c in deck_cards if c.lesson == "loss")
    source = "\n".join(c.source for c in jupytext.read(DOCS / "loss.py").cells if c.cell_type == "markdown")
    assert first.front == "Loss: complete “One example: …”" and first.back in source


def test_deck_is_byte_stable_tagged_by_lesson_with_anki_math(deck_cards, tmp_path):
    """The same cards give the same .apkg bytes; every card is a note tagged with its lesson, math as \\( … \\)."""
    a, b = tmp_path / "a.apkg", tmp_path / "b.apkg"
    cards.write_deck(deck_cards, a)
    cards.write_deck(deck_cards, b)
    assert a.read_bytes() == b.read_bytes()
    zipfile.ZipFile(a).extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        notes = db.execute("select flds, tags from notes").fetchall()
        assert db.execute("select count(*) from cards").fetchone()[0] == len(deck_cards)
    assert len(notes) == len(deck_cards)
    assert {tags.split()[0] for _, tags in notes} == {c.lesson for c in deck_cards}
    assert all("$" not in fields for fields, _ in notes)
    assert sum("\\(" in fields for fields, _ in notes) > len(notes) // 2


def test_review_html_hides_every_card_and_its_back(deck_cards):
    """review/ gets one hidden article per card, its back hidden too, formulas wrapped for notes_build/typeset.py."""
    page = cards.review_html(deck_cards)
    assert (
        page.count('<article class="review-card"') == len(deck_cards) == page.count('<div class="review-back" hidden>')
    )
    assert '<span class="arithmatex">\\(' in page


def test_two_cards_with_one_front_are_refused(monkeypatch):
    """Cards are keyed by their front: a duplicate would share a schedule, so it stops the build."""
    twice = [
        card_sources._card("loss", "Loss", "self-check", "Same?", "a"),
        card_sources._card("loss", "Loss", "self-check", "Same?", "b"),
    ]
    monkeypatch.setattr(card_sources, "lesson_cards", lambda stem, title, docs: twice)
    with pytest.raises(ValueError, match="share a front"):
        card_sources.all_cards([("loss", "Loss")], DOCS)


def test_the_cards_key_changes_with_a_lesson_a_formula_row_or_any_snippets_file(tmp_path):
    """The cards are kept by what they are cut from: a lesson's source, formulas.md and every snippets file (the
    questions compute their answers with the package); an unchanged project keeps its key."""
    docs, package = tmp_path / "docs", tmp_path / "snippets"
    docs.mkdir()
    package.mkdir()
    (docs / "loss.py").write_text("# %% [markdown]\n# text\n")
    (docs / "formulas.md").write_text("| topic | formula |\n")
    (package / "losses.py").write_text("x = 1\n")
    lessons = [("loss", "Loss")]
    first = cards.cards_key(lessons, docs, package)
    assert cards.cards_key(lessons, docs, package) == first
    keys = {first}
    for path, text in ((docs / "loss.py", "# %% [markdown]\n# edited\n"), (docs / "formulas.md", "| a | b |\n"),
                       (package / "losses.py", "x = 2\n"), (package / "data.npz", "new data")):  # fmt: skip
        path.write_text(text)
        keys.add(cards.cards_key(lessons, docs, package))
    assert len(keys) == 5
    assert cards.cards_key([("loss", "Loss, renamed")], docs, package) not in keys
