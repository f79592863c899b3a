"""The mock exam (docs/exam.py): a pool of every lesson's practice questions, from which the reader's browser draws
a paper (docs/assets/javascripts/exam.js: one question per lesson, one of its variants, choice options shuffled).

The pool is written into the page, as `quiz` writes a lesson's questions, so the exam needs no request and works
from the offline zip. Every question with every variant would weigh about 400 KB of HTML once the formulas are
MathML, and a page may weigh 150 KB (tests/test_site.py), so the pool is a seeded sample that fills `BUDGET`:
first one question of each lesson, then a second variant of each number question, then a second question of each
lesson, and so on, each taken if it fits. The same sample on every build; the draw is the browser's.
"""

import html
import re

import numpy as np

from snippets.course.show import HTML
from snippets.practice import kinds, questions, quiz

BUDGET = 100_000  # bytes the pool may weigh (`weight`): with the page around it (35 KB), under 150 KB
TEX_BYTES = 15  # bytes of MathML per character of TeX, about (fitted on the lessons' questions: within ±30%)
FORM_BYTES = 450  # a question's form around its variants
MINUTES = 20  # the optional timer
SEED = 2026
_TEX = re.compile(r"\$([^$]+)\$")


def weight(text: str) -> int:
    """About how many bytes the HTML `text` weighs once its formulas are MathML (notes_build/typeset.py)."""
    return len(text) + (TEX_BYTES - 1) * sum(len(tex) for tex in _TEX.findall(text))


def pool(budget: int = BUDGET, seed: int = SEED) -> list[kinds.Question]:
    """A seeded sample of every lesson's questions that fills `budget` bytes (`weight`): each lesson's questions in
    a shuffled order, taken a round at a time (one more question of each lesson, then one more variant of each
    number question taken), each if it fits; the first round always. Lessons in `questions.pages()` order."""
    rng = np.random.default_rng(seed)
    pages = {page: questions.for_page(page) for page in questions.pages()}
    lessons = {page: [asked[k] for k in rng.permutation(len(asked))] for page, asked in pages.items()}
    left = {q.id: list(rng.permutation(len(q.variants))) for asked in pages.values() for q in asked}
    taken: dict[str, list[int]] = {}  # question id: the variants taken
    used = 0

    def take(q: kinds.Question, first: bool = False) -> None:
        nonlocal used
        if not left[q.id]:
            return
        before = [q.variants[v] for v in taken.get(q.id, [])]
        after = [*before, q.variants[left[q.id][0]]]
        cost = weight(quiz.variants_html(q, after, first_shown=False)) - (
            weight(quiz.variants_html(q, before, first_shown=False)) if before else -FORM_BYTES
        )
        if first or used + cost <= budget:
            used += cost
            taken.setdefault(q.id, []).append(int(left[q.id].pop(0)))

    for round_ in range(max(map(len, lessons.values()))):
        for order in lessons.values():
            if round_ < len(order):
                take(order[round_], first=round_ == 0)
        for order in lessons.values():
            for q in order:
                if q.id in taken:
                    take(q)
    return [
        kinds.Question(q.id, q.page, q.title, tuple(q.variants[v] for v in sorted(taken[q.id])))
        for asked in pages.values()
        for q in asked
        if q.id in taken
    ]


def form_html(q: kinds.Question) -> str:
    """One question as an exam form: quiz's variants (prompt, answer, hints), an answer field, no buttons; the
    browser numbers it, shows one variant and writes its verdict into `.exam-verdict` once the paper is graded."""
    variants = quiz.variants_html(q, first_shown=False)  # every variant hidden: the browser draws one
    field = quiz.answer_field_html(q, f"exam-{q.id}")
    return (
        f'<form class="practice exam-question" data-kind="{q.kind}" data-id="{q.id}" novalidate>'
        f'<p class="practice-number">{html.escape(q.title)}</p>{variants}{field}'
        '<div class="exam-verdict" hidden></div></form>'
    )


def paper(budget: int = BUDGET, seed: int = SEED) -> HTML:
    """The exam: its controls, an empty paper that exam.js fills, the result and the key it writes, and the pool
    (hidden), each question beside a link to its lesson's practice questions."""
    drawn_from = pool(budget, seed)
    items = "".join(
        f'<div class="exam-pool-item" data-page="{q.page}"><a class="exam-lesson" href="{q.page}.py#practice">'
        f"{q.page}</a>{form_html(q)}</div>"
        for q in drawn_from
    )
    total = sum(len(ids) for ids in questions.pages().values())
    drawn = (
        f'<p class="exam-pool-note notes-screen-only">Drawn from {len(drawn_from)} of the lessons\' {total} practice '
        f"questions, {sum(len(q.variants) for q in drawn_from)} versions in all; each lesson's Practice section has "
        "every one.</p>"
    )
    lessons = len({q.page for q in drawn_from})
    printed = (
        f'<p class="exam-print-only">One question from each of the {lessons} lessons, {MINUTES} minutes. Write each '
        "answer under its question, and tick the true options where there are boxes. The key is on the last page."
        f'</p><p class="exam-print-only">Name: ______________ Date: __________ Score: _____ of {lessons}</p>'
    )
    return HTML(
        f'<section class="exam" data-minutes="{MINUTES}" aria-label="Mock exam">{drawn}{printed}'
        "<noscript><p>The exam draws its questions and grades them with JavaScript, which is off here: each lesson's "
        "practice questions, and their answer key in print, work without it.</p></noscript>"
        '<div class="exam-controls"><label class="exam-timed"><input type="checkbox"> '
        f"Time me: {MINUTES} minutes</label>"
        '<button type="button" class="exam-new">New exam</button></div>'
        '<p class="exam-bar"><span class="exam-progress"></span> '
        '<span class="exam-clock" role="timer" hidden></span></p>'
        '<ol class="exam-paper"></ol>'
        '<div class="exam-submit"><button type="button" class="exam-grade">Submit and grade</button>'
        '<p class="exam-status" role="status" aria-live="polite"></p></div>'
        '<section class="exam-result" tabindex="-1" aria-labelledby="exam-result-title" hidden>'
        '<h2 id="exam-result-title">Your result</h2><p class="exam-score"></p><p class="exam-time"></p>'
        '<h3>By lesson</h3><ul class="exam-lessons"></ul><div class="exam-weakest"></div>'
        '<div class="exam-after"><button type="button" class="exam-again">Sit a new exam</button></div></section>'
        '<section class="exam-past" aria-labelledby="exam-past-title" hidden><h2 id="exam-past-title">Past scores</h2>'
        '<ul class="exam-history"></ul><button type="button" class="exam-forget">Forget past scores</button></section>'
        '<section class="practice-key exam-key" aria-label="Answer key"><p><strong>Answer key</strong></p>'
        "<ol></ol></section>"
        f'<div class="exam-pool" hidden>{items}</div></section>'
    )
