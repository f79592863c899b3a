"""The review cards, cut from the pages' own sources (so that a card never disagrees with its page).

Every lesson's "In one minute" items and self-check questions (read from docs/*.py), every row of the Formula
summary (docs/formulas.md) and every practice question (snippets.quiz) becomes a Card; the cards stage shows
them on review/ and writes the Anki deck.
"""

import hashlib
import json
import re
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import jupytext
import markdown

from snippets import quiz

_BOX = re.compile(r'<div class="admonition abstract in-one-minute">(.*?)</div>', re.S)
_ITEM = re.compile(r"^- (.*?)(?=^- |\Z)", re.S | re.M)
_SELF_CHECK = re.compile(r'<details class="question"><summary>(.*?)</summary>\s*(.*?)</details>', re.S)
_ROW = re.compile(r"^\| (?P<topic>[^|]+?) \| (?P<formula>.+?) \|.*\|$", re.M)
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MATH = re.compile(r"(\$\$.+?\$\$|\$[^$]+\$)", re.S)
_CUE = re.compile(r"^([^$`:]{3,60}): (.+)$", re.S)  # "Early stopping: keep ..." -> cue and answer


@dataclass(frozen=True)
class Card:
    """One card: `front` and `back` are Markdown with $…$ formulas; `lesson` is the page's stem."""

    id: str
    lesson: str
    title: str
    kind: str  # "in one minute", "self-check", "formula", "practice"
    front: str
    back: str


def _card(lesson, title, kind, front, back) -> Card:
    key = hashlib.sha256(f"{lesson}\0{kind}\0{front}".encode()).hexdigest()[:12]
    return Card(key, lesson, title, kind, front.strip(), back.strip())


def unlink(text: str) -> str:
    """Markdown links as their text, outside formulas only: `dZ^{[l](i)}` is not a link."""
    parts = _MATH.split(text)
    return "".join(part if part.startswith("$") else _LINK.sub(r"\1", part) for part in parts)


def _front(title: str, item: str, k: int, n: int) -> str:
    """The question side of an In-one-minute item without a cue: the item with its last formula to fill in
    (the back has it whole), or, without a formula, its first words (never cutting a formula in two)."""
    item = unlink(item)
    formulas = list(_MATH.finditer(item))
    if formulas:
        gap = max(formulas, key=lambda f: len(f.group(0)))  # the longest formula: the most to recall
        return f"{title}: fill in the gap. {item[: gap.start()]}[ … ]{item[gap.end() :]}"
    words, start = [], item.split()
    for word in start:
        words.append(word)
        if len(words) >= 4 and " ".join(words).count("$") % 2 == 0:
            break
    return f"{title}, in one minute ({k} of {n}): the point that begins “{' '.join(words)} …”"


def _item_text(item: str) -> str:
    """A list item's Markdown: its continuation lines dedented, line breaks kept (for a fenced code block)."""
    first, *rest = item.strip().splitlines()
    rest = textwrap.dedent("\n".join(rest)).strip()
    return f"{first.strip()}{chr(10) * (2 if rest.startswith('```') else 1)}{rest}".strip()


def lesson_cards(stem: str, title: str, docs: Path) -> list[Card]:
    """The cards of one lesson page: its In-one-minute items, self-checks and practice questions."""
    text = "\n".join(c.source for c in jupytext.read(docs / f"{stem}.py").cells if c.cell_type == "markdown")
    cards = []
    box = _BOX.search(text)
    # each item's lines stripped and kept (a fenced code block in an item needs its line breaks)
    items = [_item_text(i) for i in _ITEM.findall(box.group(1))] if box else []
    for k, item in enumerate(items, 1):
        cue = _CUE.match(unlink(item))
        if cue:
            front = f"{title}: complete “{cue.group(1)}: …”"
            cards.append(_card(stem, title, "in one minute", front, cue.group(2)))
        else:
            cards.append(_card(stem, title, "in one minute", _front(title, item, k, len(items)), item))
    for question, answer in _SELF_CHECK.findall(text):
        cards.append(_card(stem, title, "self-check", question, answer))
    if stem in quiz.pages():
        for q in quiz.for_page(stem):
            v = q.variants[0]
            options = "".join(f"\n- {o.text}" for o in getattr(v, "options", ()))
            back = f"**{quiz.answer_text(v)}.** {v.why}"
            cards.append(_card(stem, title, "practice", v.prompt + ("\n" + options if options else ""), back))
    return cards


def formula_cards(text: str) -> list[Card]:
    """One card per row of the Formula summary's table: the topic, then its formula."""
    rows = [m for m in _ROW.finditer(text) if m.group("topic") not in ("topic", "---")]
    return [_card("formulas", "Formula summary", "formula", f"Formula: {m.group('topic')}", m.group("formula"))
            for m in rows]  # fmt: skip


def all_cards(lessons: list[tuple[str, str]], docs: Path, cut=lesson_cards) -> list[Card]:
    """Every card, lesson by lesson in the nav's order, then the formulas. lessons: [(stem, nav title)]; `cut`
    makes one lesson's cards (the cards stage passes lesson_cards kept across builds)."""
    cards = [card for stem, title in lessons for card in cut(stem, title, docs)]
    if (docs / "formulas.md").is_file():
        cards += formula_cards((docs / "formulas.md").read_text(encoding="utf-8"))
    ids = [c.id for c in cards]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ValueError(f"two cards share a front (ids {duplicates}): give each question its own wording")
    return cards


_MARKDOWN = markdown.Markdown(extensions=["pymdownx.arithmatex", "pymdownx.superfences"], extension_configs={
    "pymdownx.arithmatex": {"generic": True}})  # fmt: skip


def to_html(text: str) -> str:
    """A card side as HTML: Markdown rendered, formulas as `<span class="arithmatex">\\(…\\)</span>`."""
    _MARKDOWN.reset()
    return _MARKDOWN.convert(unlink(text))


def main(argv: list[str]) -> None:
    """`python -m notes_build.card_sources DOCS LESSONS_JSON`: quiz.pages() and the cards of those lessons that have
    questions, as JSON, from the snippets package on disk (the cards stage runs it when its own import is older)."""
    docs, lessons = Path(argv[0]), json.loads(argv[1])
    pages = quiz.pages()
    cards = {stem: [vars(c) for c in lesson_cards(stem, title, docs)] for stem, title in lessons if stem in pages}
    json.dump({"pages": pages, "cards": cards}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
