"""The review cards: cut from the pages' sources, at least 70, a stable Anki deck, math in Anki's own form."""

import re
import sqlite3
import zipfile
from pathlib import Path
from types import SimpleNamespace

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


def test_a_new_python_cuts_the_same_cards_as_the_build_process():
    """The cards stage's fresh process (used when the snippets modules a server imported are older than the files)
    gives the same question index and, lesson by lesson, the same cards as the build process."""
    lessons = [("loss", "Loss"), ("checklist", "Checklist"), ("activation", "Activation")]
    found = cards.fresh_process(lessons, DOCS)
    assert found["pages"] == quiz.pages()
    assert sorted(found["cards"]) == ["activation", "loss"]  # the checklist has no questions
    for stem, title in lessons[::2]:
        assert found["cards"][stem] == [vars(c) for c in card_sources.lesson_cards(stem, title, DOCS)]


def test_cards_come_from_a_new_python_once_the_package_on_disk_is_not_the_one_imported(tmp_path, monkeypatch):
    """Under serve, an edited snippets module is not what the build process imported: its cards and question index
    come from a fresh process (none computed by the stale modules is kept); unedited, from the build process."""
    (tmp_path / "snippets").symlink_to(Path(quiz.__file__).parent)
    config = {"docs_dir": str(DOCS), "config_file_path": str(tmp_path / "mkdocs.yml")}
    page = SimpleNamespace(file=SimpleNamespace(src_uri="loss.py"), title="Loss")
    card = card_sources._card("loss", "Loss", "self-check", "From the new code?", "yes")
    calls = []

    def fresh(lessons, docs):
        calls.append(lessons)
        return {"pages": {"loss": ["loss-1"]}, "cards": {"loss": [vars(card)]}}

    monkeypatch.setattr(cards, "fresh_process", fresh)
    monkeypatch.setattr(cards, "_state", {})
    cards.on_nav(SimpleNamespace(pages=[page]), config, None)  # the first build: the package as imported
    assert not calls and card not in cards._state["cards"] and cards._state["pages"] == quiz.pages()
    monkeypatch.setitem(cards._state, "imported", "the digest of an earlier package")
    (tmp_path / ".cache").rename(tmp_path / "kept")  # nothing kept: every lesson computed again
    cards.on_nav(SimpleNamespace(pages=[page]), config, None)
    assert calls == [[("loss", "Loss")]]
    assert card in cards._state["cards"] and cards._state["pages"] == {"loss": ["loss-1"]}
