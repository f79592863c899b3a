"""The review cards: cut from the pages' sources, at least 70, a stable Anki deck, math in Anki's own form."""

import re
import sqlite3
import zipfile
from pathlib import Path

import jupytext
import pytest
from notes_build import card_sources, cards, disk_cache  # noqa: E402
from notes_build.notebook_keys import Keys  # noqa: E402

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


def test_two_cards_with_one_front_are_refused():
    """Cards are keyed by their front: a duplicate would share a schedule, so it stops the build."""
    twice = [
        card_sources._card("loss", "Loss", "self-check", "Same?", "a"),
        card_sources._card("loss", "Loss", "self-check", "Same?", "b"),
    ]
    with pytest.raises(ValueError, match="share a front"):
        card_sources.all_cards([("loss", "Loss")], DOCS, cut=lambda stem, title, docs: twice)


def test_the_practice_answers_key_follows_the_package_code_and_data_not_its_comments(tmp_path):
    """A lesson's cards are kept by its source and the package's digest: a code edit or a data file changes the
    digest (its answers are recomputed), a comment does not."""
    package = tmp_path / "snippets"
    package.mkdir()
    (package / "losses.py").write_text("x = 1\n")

    def digest():
        return cards.package_digest(Keys(tmp_path, disk_cache.Memo(tmp_path / "memo", "cards", b"")))

    first = digest()
    (package / "losses.py").write_text("x = 1  # a comment\n")
    assert digest() == first
    (package / "losses.py").write_text("x = 2\n")
    second = digest()
    assert second != first
    (package / "data.npz").write_bytes(b"new data")
    assert digest() not in (first, second)
