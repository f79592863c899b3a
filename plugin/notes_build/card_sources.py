"""The review cards, cut from the pages' own sources (so that a card never disagrees with its page).

Every lesson's "In one minute" items and self-check questions (read from docs/*.py), every row of the Formula
summary (docs/formulas.md) and every practice question (snippets.practice.quiz) becomes a Card; the cards stage shows
them on review/ and writes the Anki deck. A card asks one question and stands without its page (Anki's
minimum-information principle): an item or a row gives its question in a comment, invisible on the page,
`- $W^{[l]}$ is … <!-- card: What is the shape of $W^{[l]}$? -->`, its back being the item itself, or
`<!-- card: none (the practice question on W[2] asks it) -->` when another card already asks it. A self-check is
its own question; a comment after its `</summary>` rewords it for the card, or leaves it out (`none`).
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

from snippets.practice import kinds, questions

_BOX = re.compile(r'<div class="admonition abstract in-one-minute">(.*?)</div>', re.S)
_ITEM = re.compile(r"^- (.*?)(?=^- |\Z)", re.S | re.M)
_SELF_CHECK = re.compile(r'<details class="question"><summary>(.*?)</summary>\s*(.*?)</details>', re.S)
_ROW = re.compile(r"^\| (?P<topic>[^|]+?) \| (?P<formula>.+?) \|.*\|$", re.M)
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MATH = re.compile(r"(\$\$.+?\$\$|\$[^$]+\$)", re.S)
# The card question an author gives an In-one-minute item, a Formula summary row or (to reword a self-check that
# leans on its page) a self-check: `<!-- card: What is …? -->`, invisible on the page; `<!-- card: none (why) -->`
# when another card already asks it. The cards stage drops these comments from the built pages.
CARD_COMMENT = re.compile(r"\s*<!--\s*card:\s*(.*?)\s*-->", re.S)
HOW = "add `<!-- card: QUESTION? -->` to it, or `<!-- card: none (which card asks it) -->`"


@dataclass(frozen=True)
class Card:
    """One card: `front` and `back` are Markdown with $…$ formulas; `lesson` is the page's stem."""

    id: str
    lesson: str
    title: str
    kind: str  # "in one minute", "self-check", "formula", "practice"
    front: str
    back: str


def _card(lesson, title, kind, front, back, name: str = "") -> Card:
    """A card whose id is a hash of what names it: `name` when given (a practice question's id, which outlives
    edits to its wording, and so does the card's schedule), else its front."""
    key = hashlib.sha256((name or f"{lesson}\0{kind}\0{front}").encode()).hexdigest()[:12]
    return Card(key, lesson, title, kind, front.strip(), back.strip())


def unlink(text: str) -> str:
    """Markdown links as their text, outside formulas only: `dZ^{[l](i)}` is not a link."""
    parts = _MATH.split(text)
    return "".join(part if part.startswith("$") else _LINK.sub(r"\1", part) for part in parts)


def card_question(text: str, where: str, required: bool = True) -> tuple[str | None, str]:
    """The question `text` carries in its `<!-- card: … -->` comment ("" for `none`, None without one) and `text`
    without the comment. A missing question (when `required`), two, or one that is not a question stop the build."""
    found = CARD_COMMENT.findall(text)
    rest = CARD_COMMENT.sub("", text).strip()
    if len(found) > 1 or (required and not found):
        problem = "has two card questions" if found else "has no card question"
        raise ValueError(f"{where} {problem}: {HOW}")
    if not found or re.fullmatch(r"none(?: \(.*\))?", found[0], re.S):
        return ("" if found else None), rest
    if not found[0].endswith("?"):
        raise ValueError(f"{where}: its card question {found[0]!r} is not a question (end it with '?')")
    return found[0], rest


def _item_text(item: str) -> str:
    """A list item's Markdown: its continuation lines dedented, line breaks kept (for a fenced code block)."""
    first, *rest = item.strip().splitlines()
    rest = textwrap.dedent("\n".join(rest)).strip()
    return f"{first.strip()}{chr(10) * (2 if rest.startswith('```') else 1)}{rest}".strip()


def _practice_card(stem: str, title: str, q) -> Card:
    """A practice question as a card: its prompt, and for a choice what to choose (as the page says) and the
    options; the back is the answer and why."""
    v = q.variants[0]
    front = v.prompt
    if getattr(v, "options", ()):
        several = sum(o.correct for o in v.options) > 1
        note = "Choose every option that is true." if several else "Choose one option."
        front += f"\n\n*{note}*\n\n" + "\n".join(f"- {o.text}" for o in v.options)
    return _card(stem, title, "practice", front, f"**{kinds.answer_text(v)}.** {v.why}", name=f"practice\0{q.id}")


def lesson_cards(stem: str, title: str, docs: Path) -> list[Card]:
    """The cards of one lesson page: its In-one-minute items, self-checks and practice questions."""
    text = "\n".join(c.source for c in jupytext.read(docs / f"{stem}.py").cells if c.cell_type == "markdown")
    cards = []
    box = _BOX.search(text)
    # each item's lines stripped and kept (a fenced code block in an item needs its line breaks)
    for item in [_item_text(i) for i in _ITEM.findall(box.group(1))] if box else []:
        where = f"docs/{stem}.py: the In-one-minute item “{CARD_COMMENT.sub('', item)[:50]}…”"
        front, back = card_question(item, where)
        if front:
            cards.append(_card(stem, title, "in one minute", front, back))
    for summary, answer in _SELF_CHECK.findall(text):
        front, back = card_question(answer, f"docs/{stem}.py: the self-check “{summary[:50]}…”", required=False)
        if front != "":
            cards.append(_card(stem, title, "self-check", front or summary, back))
    if stem in questions.pages():
        cards += [_practice_card(stem, title, q) for q in questions.for_page(stem)]
    return cards


def formula_cards(text: str) -> list[Card]:
    """One card per row of the Formula summary's table: its card question, then its formula."""
    cards = []
    for m in _ROW.finditer(text):
        if m.group("topic") in ("topic", "---"):
            continue
        topic = m.group("topic")
        front, _ = card_question(topic, f"docs/formulas.md: the row “{CARD_COMMENT.sub('', topic)}”")
        if front:
            cards.append(_card("formulas", "Formula summary", "formula", front, m.group("formula")))
    return cards


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
    """`python -m notes_build.card_sources DOCS LESSONS_JSON`: questions.pages() and the cards of those lessons that
    have questions, as JSON, from the snippets package on disk (the cards stage runs it when its own import is
    older)."""
    docs, lessons = Path(argv[0]), json.loads(argv[1])
    pages = questions.pages()
    cards = {stem: [vars(c) for c in lesson_cards(stem, title, docs)] for stem, title in lessons if stem in pages}
    json.dump({"pages": pages, "cards": cards}, sys.stdout)


if __name__ == "__main__":
    main(sys.argv[1:])
