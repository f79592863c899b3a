"""Spaced-repetition cards (card_sources.py cuts them from the pages' sources): review/ and an Anki deck.

Two outputs, and the checklist's index of the questions:
- review/ (docs/review.md): the cards replace its `<!-- review: cards -->` marker, their formulas wrapped
  as pymdownx.arithmatex wraps them, so the typeset stage (after this one) typesets them like any page's;
  then the typeset cards move from the page into review/cards.json, which
  docs/assets/javascripts/review.js fetches and schedules (SM-2) in the reader's browser.
- downloads/neural-notes.apkg (genanki), tagged by lesson, math in Anki's own \\( … \\). Ids and dates are
  fixed, so the same cards give the same file, byte for byte.
- the checklist (docs/checklist.md): its `<!-- practice: index -->` marker becomes the ids of each lesson's
  practice questions, from which practice.js counts those answered right beside each line.
"""

import functools
import html
import json
import posixpath
import re
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import genanki
from mkdocs.exceptions import PluginError

import snippets
from snippets.practice import legacy_ids, questions

from . import disk_cache
from .card_sources import CARD_COMMENT, Card, all_cards, lesson_cards, to_html
from .notebook_keys import Keys
from .project import offline_build, page_memo, root
from .reproducible import FIXED_EPOCH, write_zip

AFTER = ("execute",)  # its new Python (fresh_process) finds this project's snippets on the PYTHONPATH execute sets
MARKER = "<!-- review: cards -->"
DECK_MARKER = "<!-- review: deck -->"
INDEX_MARKER = "<!-- practice: index -->"  # docs/checklist.md
CARDS_FILE = "cards.json"  # beside review/'s page: the typeset cards, fetched by review.js
_START, _END = "<!-- cards -->", "<!-- /cards -->"
_ITEM_HTML = re.compile(r'<li class="task-list-item">(.*?)</li>', re.S)
_ARTICLE = re.compile(r'<article class="review-card" data-id="([^"]+)"[^>]*>(.*?)</article>', re.S)
DECK = "downloads/neural-notes.apkg"
DECK_ID, MODEL_ID = 1_764_000_000_001, 1_764_000_000_002  # fixed: a re-imported deck updates, not duplicates
# Part of the memo's keys: an edit to how cards are cut recomputes them.
_SOURCE = disk_cache.stage_source(__file__) + disk_cache.stage_source(Path(__file__).with_name("card_sources.py"))


def review_html(cards: list[Card]) -> str:
    """The cards as review/ shows them (review.js picks the one due), each side hidden until shown."""
    articles = "".join(
        f'<article class="review-card" data-id="{c.id}" data-lesson="{html.escape(c.lesson)}" hidden>'
        f'<p class="review-meta">{html.escape(c.title)} · {c.kind}</p>'
        f'<div class="review-front">{to_html(c.front)}</div><div class="review-back" hidden>{to_html(c.back)}</div>'
        "</article>"
        for c in cards
    )
    return f'<div class="review" data-count="{len(cards)}" data-src="{CARDS_FILE}">{_START}{articles}{_END}</div>'


# The note type's style (Anki shows the fields as HTML and typesets \( … \) with its MathJax): the text left-aligned
# in a centred column, code in monospace on a tinted ground, light and dark (Anki's night mode adds .nightMode).
CSS = """.card { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 20px;
  line-height: 1.5; text-align: left; color: #1f1f1f; background: #fff; max-width: 36em;
  margin: 0 auto; padding: 0 0.75em; }
code, pre { font-family: ui-monospace, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.85em;
  background: #eef0f3; border-radius: 4px; }
code { padding: 0.1em 0.3em; } pre { padding: 0.6em 0.8em; overflow-x: auto; }
pre code { padding: 0; background: none; } ul { padding-left: 1.3em; } li { margin: 0.25em 0; } em { color: #4a4f57; }
.lesson { font-size: 0.7em; color: #5f6368; } hr#answer { border: 0; border-top: 1px solid #c8ccd2; margin: 1em 0; }
.card.nightMode, .nightMode .card { color: #e6e6e6; background: #1f2023; }
.nightMode code, .nightMode pre { background: #2e3136; } .nightMode .lesson, .nightMode em { color: #a4a9b0; }
.nightMode hr#answer { border-top-color: #4a4f57; }"""


def write_deck(cards: list[Card], path: Path) -> None:
    """The Anki deck: a note per card (Front, Back, Lesson), tagged by lesson; the same cards give the same bytes."""
    model = genanki.Model(
        MODEL_ID, "Neural notes card", fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Lesson"}],
        templates=[{"name": "Card", "qfmt": "{{Front}}<p class=lesson>{{Lesson}}</p>",
                    "afmt": "{{FrontSide}}<hr id=answer>{{Back}}"}], css=CSS,
    )  # fmt: skip
    deck = genanki.Deck(DECK_ID, "Neural networks, 0 vs 1")
    for c in cards:
        tags = [c.lesson.replace(" ", "-"), c.kind.replace(" ", "-")]
        deck.add_note(genanki.Note(model=model, fields=[to_html(c.front), to_html(c.back), html.escape(c.title)],
                                   guid=genanki.guid_for(c.id), tags=tags))  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        raw = Path(tmp) / "deck.apkg"
        genanki.Package(deck).write_to_file(raw, timestamp=FIXED_EPOCH)  # the notes' dates
        # genanki stamps the zip's entries with the time of writing: repack them with the fixed date.
        with zipfile.ZipFile(raw) as source:
            write_zip(path, {name: source.read(name) for name in source.namelist()})


def package_digest(keys: Keys) -> str:
    """What the practice answers are computed from: every snippets module by its syntax tree (a comment changes
    no answer) and the package's data files (keys.deps); every module counts, as a question may call any."""
    parts = [keys.deps]
    for path in sorted(keys.package.rglob("*.py")):
        parts += [path.relative_to(keys.package).as_posix(), keys.syntax_digest(path.read_text(encoding="utf-8"))]
    return disk_cache.key(*parts)


def imported_snippets() -> dict[str, str]:
    """The source of every module of the snippets package this process imports from, by path, as it is on disk now.
    The plugin records it when it loads, right after importing the question modules: an edit after that makes the
    imported modules stale."""
    package = Path(snippets.__file__).parent
    return {path.as_posix(): path.read_text(encoding="utf-8") for path in sorted(package.rglob("*.py"))}


def fresh_process(lessons: list[tuple[str, str]], docs: Path) -> dict:
    """questions.pages() and the lessons' cards, {"pages": ..., "cards": {stem: [fields]}}, computed by a new Python
    from the snippets package on disk: `mkdocs serve` keeps the snippets modules it imported at its start."""
    command = [sys.executable, "-m", "notes_build.card_sources", str(docs), json.dumps(lessons)]
    result = subprocess.run(command, capture_output=True, text=True)  # PYTHONPATH: this project first (execute)
    if result.returncode != 0:
        raise PluginError(f"notes plugin: cutting the review cards failed:\n{result.stderr[-3000:]}")
    return json.loads(result.stdout)


@dataclass
class State:
    pages: dict[str, list[str]] = field(default_factory=dict)  # questions.pages(): {lesson: its question ids}
    cards: list[Card] = field(default_factory=list)
    deck: bool = False  # whether the site has review/, which the Anki deck goes with


def on_nav(nav, config, files, build):
    docs = Path(config["docs_dir"])
    # A lesson's cards compute its practice answers (about 0.2 s a lesson, 3 s in all): each lesson's are kept by
    # its source and the package, so a text edit recomputes that lesson's only.
    memo = page_memo(config, "cards", _SOURCE)
    package = package_digest(Keys(root(config), memo))
    # The package as this process imported it (recorded when the plugin loaded). Once the files differ (edited under
    # serve), or this project's package is not the one imported, the imported modules are stale: what is not kept
    # is computed by a new Python, so no stale answer is kept.
    now = imported_snippets()
    ours = Path(snippets.__file__).parent.resolve() == (root(config) / "snippets").resolve()
    current = ours and build.process.setdefault("snippets imported", now) == now
    state = build.cards
    stems = [(Path(p.file.src_uri).stem, p.title) for p in nav.pages]
    sources = [(stem, title) for stem, title in stems if (docs / f"{stem}.py").is_file()]  # the notebook pages
    fresh = functools.cache(lambda: fresh_process(sources, docs))
    state.pages = memo.get(f"{package}\0pages", lambda: questions.pages() if current else fresh()["pages"])

    def cut(stem, title, docs):
        source = (docs / f"{stem}.py").read_text(encoding="utf-8")
        found = memo.get(
            f"{package}\0{stem}\0{title}\0{source}",
            lambda: [vars(c) for c in lesson_cards(stem, title, docs)] if current else fresh()["cards"][stem],
        )
        return [Card(**fields) for fields in found]

    lessons = [(stem, title) for stem, title in sources if stem in state.pages]
    try:
        state.cards = all_cards(lessons, docs, cut)
    except ValueError as error:  # a card question missing or not a question, two cards with one front
        raise PluginError(f"notes plugin: review cards: {error}") from error
    memo.save()
    # the deck goes with review/: a site without that page (a test's small project) gets neither
    state.deck = any(p.file.src_uri == "review.md" for p in nav.pages)
    return nav


def on_page_content(html_text, page, config, files, build):
    html_text = CARD_COMMENT.sub("", html_text)  # the card questions are for this stage, not for readers
    if INDEX_MARKER in html_text:  # the checklist: which practice questions each lesson has, for practice.js
        pages = html.escape(json.dumps(build.cards.pages, separators=(",", ":")), quote=True)
        # practice.js moves progress saved under the questions' old ids, once
        legacy = html.escape(json.dumps(legacy_ids.LEGACY_IDS, separators=(",", ":")), quote=True)
        html_text = html_text.replace(INDEX_MARKER, f'<div class="checklist-practice" data-pages="{pages}" '
                                      f'data-legacy="{legacy}"></div>')  # fmt: skip
        html_text = _ITEM_HTML.sub(functools.partial(_count_questions, build.cards.pages), html_text)
    if MARKER in html_text:
        html_text = html_text.replace(MARKER, review_html(build.cards.cards))
        # relative to the page's folder: right with directory URLs (review/index.html) and without (review.html)
        href = posixpath.relpath(DECK, posixpath.dirname(page.file.dest_uri) or ".")
        link = f'<a href="{html.escape(href)}" download>{posixpath.basename(DECK)}</a> ({len(build.cards.cards)} cards)'
        html_text = html_text.replace(DECK_MARKER, link)
    return html_text


def _count_questions(pages: dict[str, list[str]], match: re.Match) -> str:
    """A checklist line with its lesson's question count, written at build so that practice.js only updates its
    number (a line that grew after the first paint would shift the page)."""
    link = re.search(r'href="([^"#]*)', match.group(1))
    slug = link and posixpath.basename(link.group(1).rstrip("/").removesuffix(".html").removesuffix("/index"))
    ids = pages.get(slug or "")
    if not ids:
        return match.group(0)
    count = f' <span class="checklist-questions" data-page="{slug}">Questions: 0 of {len(ids)} right.</span>'
    return f'<li class="task-list-item">{match.group(1)}{count}</li>'


def on_post_page(output, page, config):
    """Move review/'s typeset cards out of its HTML into cards.json beside it, which review.js fetches: the page
    stays light (138 cards with their MathML are about 120 KB) and the cards' math was typeset with the page's."""
    if _START not in output:
        return output
    head, rest = output.split(_START, 1)
    cards_html, tail = rest.split(_END, 1)
    payload = json.dumps([{"id": i, "html": inner} for i, inner in _ARTICLE.findall(cards_html)], separators=(",", ":"))
    folder = Path(page.file.abs_dest_path).parent
    folder.mkdir(parents=True, exist_ok=True)
    (folder / CARDS_FILE).write_text(payload, encoding="utf-8")
    if offline_build(config):  # from file://, a page reads data from a script (notes.js, notesFetchJSON)
        script = f"notesJSON(document.currentScript, JSON.parse({json.dumps(payload)}));\n"
        (folder / f"{CARDS_FILE}.js").write_text(script, encoding="utf-8")
    return head + tail


def on_post_build(config, build):
    if build.cards.deck:
        write_deck(build.cards.cards, Path(config["site_dir"]) / DECK)
