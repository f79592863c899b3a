"""The mock exam's pool (snippets/practice/exam.py) and the exam page as built: every lesson in the pool, within its
weight."""

import re
from pathlib import Path

import pytest

from snippets.practice import exam, questions

ROOT = Path(__file__).parents[1]


@pytest.fixture(scope="module")
def pool():
    return exam.pool()


def test_pool_covers_every_lesson_with_their_own_questions(pool):
    """Every lesson with practice questions has at least one in the pool; each pooled question is one of its lesson's,
    with some of its own variants (same prompts, same answers), no question twice."""
    pages = questions.pages()
    assert {q.page for q in pool} == set(pages)
    assert len({q.id for q in pool}) == len(pool)
    for q in pool:
        assert q.id in pages[q.page]
        (original,) = [o for o in questions.for_page(q.page) if o.id == q.id]
        assert q.title == original.title and q.variants and all(v in original.variants for v in q.variants)


def test_pool_fills_its_budget_and_is_the_same_on_every_build(pool):
    """The pool weighs at most its budget (its first round, one question a lesson, always goes in), holds more than
    one question a lesson and more than one variant of some number questions, and the same seed gives the same pool."""
    weight = sum(exam.weight(exam.form_html(q)) for q in pool)
    assert weight <= exam.BUDGET + len(pool) * exam.FORM_BYTES
    assert len(pool) > len(questions.pages())
    assert any(len(q.variants) > 1 for q in pool if q.kind == "number")
    assert [(q.id, q.variants) for q in exam.pool()] == [(q.id, q.variants) for q in pool]


def test_pool_without_budget_keeps_one_question_of_each_lesson():
    """With no room at all, the pool is still one question (one variant) of every lesson: every lesson is examined."""
    small = exam.pool(budget=0)
    assert sorted(q.page for q in small) == sorted(questions.pages())
    assert all(len(q.variants) == 1 for q in small)


def test_weight_counts_a_formula_as_its_mathml():
    """A character of TeX weighs TEX_BYTES once typeset; other text weighs itself."""
    assert exam.weight("abc") == 3
    assert exam.weight("a $x$ b") == len("a $x$ b") + exam.TEX_BYTES - 1


def test_exam_form_is_a_practice_form_without_buttons(pool):
    """A pooled question is a practice form practice.js can grade (kind, id, variants with their answers, a labelled
    field), every variant hidden until drawn, and no Check, Show answer or Another one."""
    for q in pool:
        form = exam.form_html(q)
        assert form.startswith(f'<form class="practice exam-question" data-kind="{q.kind}" data-id="{q.id}"')
        variants = re.findall(r'<div class="practice-variant"[^>]*>', form)
        assert len(variants) == len(q.variants) and all(v.endswith(" hidden>") for v in variants)
        assert "practice-check" not in form and "practice-another" not in form and "practice-show" not in form
        if q.kind in ("number", "shape"):
            assert f'for="exam-{q.id}"' in form and f'id="exam-{q.id}"' in form


def test_paper_holds_the_controls_the_pool_and_a_key():
    """The exam's HTML: the timer's minutes, a live status, the result to focus, an answer key, and the pool, each
    question beside a link to its lesson's practice section."""
    html = exam.paper()
    assert f'data-minutes="{exam.MINUTES}"' in html and f"Time me: {exam.MINUTES} minutes" in html
    assert 'class="exam-status" role="status" aria-live="polite"' in html
    assert '<section class="exam-result" tabindex="-1"' in html and 'class="practice-key exam-key"' in html
    for q in exam.pool():
        item = f'<div class="exam-pool-item" data-page="{q.page}"><a class="exam-lesson" href="{q.page}.py#practice">'
        assert item in html


# --- The built page -----------------------------------------------------------------------------------------------


@pytest.mark.slow
def test_built_exam_page_holds_every_lessons_questions_within_the_page_weight(built_site):
    """exam/ holds the pool for every lesson, its formulas typeset, each lesson linked at its practice questions; it
    loads exam.js itself (no other page names it) and stays under the HTML weight every page keeps to."""
    import sys

    sys.path.insert(0, str(ROOT / "scripts"))
    from page_weight import HTML_LIMIT

    page = built_site / "exam" / "index.html"
    html = page.read_text()
    assert page.stat().st_size <= HTML_LIMIT, page.stat().st_size
    items = re.findall(r'<div class="exam-pool-item" data-page="([^"]+)"><a class="exam-lesson" href="([^"]+)">', html)
    assert {p for p, _ in items} == set(questions.pages())
    assert all(href == f"../{p}/#practice" for p, href in items)
    assert len(items) == len(exam.pool()) == html.count('<form class="practice exam-question"')
    assert "<math" in html and not re.search(r"\$[^$\s<][^$<]*\$", html.split('class="exam"', 1)[1])
    assert 'replace("practice.js", "exam.js")' in html
    assert (built_site / "assets/javascripts/exam.js").is_file()
    loads = re.compile(r'<script[^>]+src="[^"]*exam\.js"|replace\("practice\.js", "exam\.js"\)')
    others = [p for p in built_site.rglob("index.html") if p != page and loads.search(p.read_text())]
    assert not others, others
    home = (built_site / "index.html").read_text()
    assert re.search(r'<strong>Practise:</strong> a <a href="exam/">mock exam</a>', home)
