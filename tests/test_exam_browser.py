"""The mock exam (exam/) sat in a real browser (headless Chromium): drawn at random, answered, graded only when
submitted, its score kept, timed on request, sat by keyboard alone, offline, and printed as a paper with its key on
a page of its own."""

import json
import re

import pytest
from chromium import MARKS
from test_browser import AXE, AXE_TAGS, Visit, print_to_pdf
from test_offline_zip import offline_site  # noqa: F401  (the unzipped offline build, a fixture)

pytestmark = MARKS

# For each question drawn: its kind, a right answer and a wrong one, read from the page's own HTML (what
# snippets/practice/quiz.py computed): a number or a shape to type, or the options to tick.
ANSWERS = """() => [...document.querySelectorAll('.exam-paper form')].map((form) => {
  const variant = form.querySelector('.practice-variant');
  const kind = form.dataset.kind;
  if (kind === 'number') {
    const answer = Number(variant.dataset.answer);
    return {kind, right: String(answer), wrong: String(answer * 3 + 7)};
  }
  if (kind === 'shape') {
    const answer = JSON.parse(variant.dataset.answer);
    return {kind, right: `(${answer.join(', ')})`, wrong: `(${answer.map((n) => n + 1).join(', ')})`};
  }
  const boxes = [...form.querySelectorAll('.practice-options input')];
  return {kind, right: boxes.flatMap((box, k) => (box.dataset.correct === '1' ? [k] : [])),
          wrong: [boxes.findIndex((box) => box.dataset.correct !== '1')]};
})"""


def sit(visit_, path="exam/"):
    visit_.open(path)
    visit_.page.wait_for_selector(".exam[data-ready] .exam-paper form")
    return visit_.page


def answer(form, kind, given):
    if kind == "choice":
        for k in given:
            form.locator(".practice-options input").nth(k).check()
    else:
        form.locator(".practice-input").fill(given)


def clean(v):
    assert not v.errors, v.errors
    assert not v.foreign, v.foreign
    v.close()


@pytest.fixture
def phone(browser, served_site):
    v = Visit(browser, served_site, viewport={"width": 390, "height": 844})
    yield v
    clean(v)


@pytest.fixture
def desktop(browser, served_site):
    v = Visit(browser, served_site, viewport={"width": 1280, "height": 900})
    yield v
    clean(v)


def test_exam_graded_at_the_end_with_verdicts_lessons_and_past_scores(phone):
    """One question of each lesson, in the lessons' order; nothing graded before submitting; then the score (said in
    the live region, focus on the result), each verdict with its hint and answer, each lesson linked with its
    verdict, the wrong ones to revise first; the score is kept, and a reload shows the graded paper again."""
    page = sit(phone)
    forms = page.locator(".exam-paper form")
    n = forms.count()
    assert 10 <= n <= 20 and all(f.locator(".practice-variant").count() == 1 for f in forms.all())
    ids = [f.get_attribute("data-id") for f in forms.all()]
    lesson_of = (
        "(ids) => ids.map((id) => document.querySelector(`.exam-pool [data-id='${id}']`).parentElement.dataset.page)"
    )
    in_pool = page.locator(".exam-pool-item").evaluate_all("(items) => new Set(items.map((i) => i.dataset.page)).size")
    assert len(set(page.evaluate(lesson_of, ids))) == n == in_pool  # one question of every lesson in the pool
    good = set(range(0, n, 2))
    for k, (form, a) in enumerate(zip(forms.all(), page.evaluate(ANSWERS), strict=True)):
        answer(form, a["kind"], a["right"] if k in good else a["wrong"])
    assert page.locator(".exam-progress").inner_text() == f"Answered: {n} of {n}."
    shown = ".exam-verdict:visible, .exam-paper .practice-answer:visible, .exam-paper .practice-hint:visible"
    assert page.locator(shown).count() == 0  # nothing graded yet
    page.locator(".exam-grade").click()
    score = f"{len(good)} of {n} right"
    assert page.locator(".exam-score").inner_text().startswith(score)
    assert score in page.locator(".exam-status[role=status]").inner_text()
    assert page.evaluate("() => document.activeElement.classList.contains('exam-result')")
    for k, form in enumerate(forms.all()):
        verdict = form.locator(".exam-verdict")
        assert verdict.get_attribute("data-result") == ("right" if k in good else "wrong"), k
        said = verdict.inner_text()
        assert said == "Right." if k in good else (said.startswith("Wrong.") and len(said) > len("Wrong. ") + 10), said
        assert form.locator(".practice-answer").inner_text().startswith("Answer:")
    lessons = page.locator(".exam-lessons li")
    assert lessons.count() == n
    titles = lessons.locator("a").all_inner_texts()
    assert titles[0] == "Data" and titles[-1] == "Try it: draw a digit"  # the nav's titles, in its order
    hrefs = lessons.locator("a").evaluate_all("(links) => links.map((a) => a.href)")
    assert all(re.search(r"/[\w-]+/#practice$", href) for href in hrefs), hrefs
    wrong = {titles[k] for k in range(n) if k not in good}
    assert set(page.locator(".exam-weakest a").all_inner_texts()) == wrong
    history = page.evaluate("() => JSON.parse(localStorage.getItem('notes-exam'))")
    assert len(history) == 1 and history[0]["right"] == len(good) and history[0]["total"] == n
    phone.reload()
    page.wait_for_selector(".exam[data-ready] .exam-result:not([hidden])")
    assert page.locator(".exam-score").inner_text().startswith(score)
    assert page.locator(".exam-history li").count() == 1 and score in page.locator(".exam-history").inner_text()
    assert len(page.evaluate("() => JSON.parse(localStorage.getItem('notes-exam'))")) == 1  # not counted twice
    assert page.locator(".exam-paper .practice-input").first.get_attribute("readonly") is not None
    page.locator(".exam-again").click()
    assert page.locator(".exam-progress").inner_text() == f"Answered: 0 of {n}."
    assert page.locator(".exam-result").is_hidden() and page.locator(".exam-history li").count() == 1


def test_exam_asks_before_grading_blank_answers_and_draws_fresh_papers(phone):
    """Submitting with blanks names them and grades nothing; a second press grades them as not answered. New exams
    draw other papers: other questions, variants or option orders."""
    page = sit(phone)
    first = page.locator(".exam-paper form").first
    a = page.evaluate(ANSWERS)[0]
    answer(first, a["kind"], a["right"])
    page.locator(".exam-grade").click()
    n = page.locator(".exam-paper form").count()
    blanks = ", ".join(map(str, range(2, n + 1)))
    assert page.locator(".exam-status").inner_text().startswith(f"Not answered yet: questions {blanks}.")
    assert page.locator(".exam-verdict:visible").count() == 0
    assert page.locator(".exam-grade").inner_text() == "Submit anyway"
    page.locator(".exam-grade").click()
    assert page.locator(".exam-score").inner_text().startswith(f"1 of {n} right")
    assert page.locator(".exam-verdict").nth(1).inner_text() == "Not answered."
    papers = set()
    for _ in range(4):
        page.locator(".exam-new").click()
        papers.add(page.locator(".exam-paper").inner_text())
    assert len(papers) > 1


def test_exam_timer_is_off_until_ticked_and_time_up_still_submits(phone):
    """No clock unless asked; ticked, it counts down the exam's minutes, says so at five minutes left and when the
    time is up, and the paper can still be submitted: the result says it ran over."""
    phone.page.clock.install()
    page = sit(phone)
    minutes = int(page.locator(".exam").get_attribute("data-minutes"))
    assert page.locator(".exam-clock").is_hidden() and not page.locator(".exam-timed input").is_checked()
    page.locator(".exam-timed input").check()
    assert page.locator(".exam-clock").inner_text() == f"Time left: {minutes}:00."
    assert page.locator(".exam-clock").get_attribute("role") == "timer"
    page.clock.fast_forward(f"{minutes - 5}:01")
    page.wait_for_function("() => document.querySelector('.exam-status').textContent === 'Five minutes left.'")
    page.clock.fast_forward("05:30")
    page.wait_for_function("() => /^Time is up/.test(document.querySelector('.exam-status').textContent)")
    assert page.locator(".exam-clock").inner_text().startswith("Time is up")
    page.locator(".exam-grade").click()
    page.locator(".exam-grade").click()  # blanks: submit anyway
    assert f"over the {minutes} minutes" in page.locator(".exam-time").inner_text()
    assert "timed, over time" in page.locator(".exam-history").inner_text()


def test_exam_by_keyboard_alone(desktop):
    """Tab reaches the timer and the first question; Enter in an answer box moves to the next question; Space ticks
    an option; Enter on the submit button grades, and focus lands on the result."""
    page = sit(desktop)
    answers = page.evaluate(ANSWERS)
    active = (  # the number of the question holding the focus (from 0), or -1
        "() => [...document.querySelectorAll('.exam-paper form')].indexOf(document.activeElement.closest('form'))"
    )
    for _ in range(200):  # past the header and the navigation
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('.exam-timed')"):
            break
    page.keyboard.press("Space")
    assert page.locator(".exam-timed input").is_checked() and page.locator(".exam-clock").is_visible()
    while page.evaluate(active) != 0:
        page.keyboard.press("Tab")
    for k, a in enumerate(answers):
        assert page.evaluate(active) == k
        if a["kind"] == "choice":
            page.keyboard.press("Space")
            while page.evaluate(active) == k:
                page.keyboard.press("Tab")
        else:
            page.keyboard.type(a["right"])
            page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.classList.contains('exam-grade')")
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.classList.contains('exam-result')")
    right = sum(a["kind"] != "choice" for a in answers)  # a choice got its first option only: right or not
    assert int(page.locator(".exam-score").inner_text().split(" of ")[0]) >= right


@pytest.mark.skipif(not AXE.exists(), reason="axe-core audit needs node_modules/axe-core: run npm ci")
@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_exam_has_no_serious_accessibility_violation_before_or_after_grading(browser, served_site, scheme):
    """axe-core (WCAG 2.2 AA) finds nothing serious on the exam being sat, nor on its result, in either scheme."""
    v = Visit(browser, served_site, viewport={"width": 390, "height": 844}, color_scheme=scheme)
    page = sit(v)
    problems = []
    for state in ("sitting", "graded"):
        if state == "graded":
            page.locator(".exam-grade").click()
            page.locator(".exam-grade").click()
            page.mouse.move(0, 0)  # off the link that took the hidden button's place (hovered: the theme's accent)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags},"
            " resultTypes: ['violations']})",
            AXE_TAGS,
        )
        problems += [f"{state}: {x['id']} {[n['target'] for n in x['nodes'][:3]]}" for x in result["violations"]
                     if x["impact"] in ("serious", "critical")]  # fmt: skip
    assert not problems, json.dumps(problems, indent=1)
    clean(v)


def test_exam_prints_the_paper_drawn_and_its_key_on_a_page_of_its_own(desktop, tmp_path):
    """Printed: the questions drawn on screen, in order, with room to write and no buttons or screen instructions,
    then the answer key, starting a page of its own, one answer per question."""
    page = sit(desktop)
    titles = page.locator(".exam-paper .practice-number").all_inner_texts()
    pages = print_to_pdf(desktop, "exam/", tmp_path, "exam")  # opens it again: the same paper, kept for this tab
    assert page.locator(".exam-paper .practice-number").all_inner_texts() == titles
    key = next(k for k, text in enumerate(pages) if "Answer key" in text)
    assert pages[key].startswith("Answer key") and key >= 1
    paper, answers = " ".join(pages[:key]), " ".join(pages[key:])
    starts = [paper.find(" ".join(t.split())) for t in titles]
    assert -1 not in starts and starts == sorted(starts), titles
    assert "Question 1:" not in answers and answers.count("Answer:") == len(titles)
    for screen in ("Submit and grade", "New exam", "Time me", "Enter in an answer box", "Drawn from", "Your answer"):
        assert screen not in paper + answers, screen
    page.emulate_media(media="print")
    room = page.evaluate(
        "() => getComputedStyle(document.querySelector('.exam-paper form:has(.practice-input)')).paddingBottom"
    )
    assert float(room.removesuffix("px")) >= 30, room


def test_exam_works_offline_from_the_file_system(browser, offline_site):  # noqa: F811
    """From file:// (the offline zip), with every request off the file system blocked, the exam draws a paper and
    grades it."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    blocked, errors = [], []
    context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:", "blob:"))
                  else (blocked.append(r.request.url), r.abort()))  # fmt: skip
    page = context.new_page()
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((offline_site / "exam.html").as_uri(), wait_until="load")
    page.wait_for_selector(".exam[data-ready] .exam-paper form")
    n = page.locator(".exam-paper form").count()
    page.locator(".exam-grade").click()
    page.locator(".exam-grade").click()
    assert page.locator(".exam-score").inner_text().startswith(f"0 of {n} right")
    assert page.locator(".exam-lessons a").first.get_attribute("href").endswith(".html#practice")
    assert not errors and not blocked, (errors, blocked)
    context.close()


# Papers that together sit every question of the pool in every variant: paper i draws, for each lesson, the i-th
# (question, variant) of that lesson, cycling through its shorter lists. Sat through sessionStorage, where exam.js
# keeps the paper being sat, so the widest question is checked on every run rather than when the draw meets it.
EVERY_VARIANT = """() => {
  const byPage = {};
  for (const item of document.querySelectorAll('.exam-pool-item')) {
    for (const form of item.querySelectorAll('form')) {
      form.querySelectorAll('.practice-variant').forEach((variant, k) => {
        const options = variant.querySelectorAll('.practice-options li').length;
        (byPage[item.dataset.page] ||= []).push(
          {id: form.dataset.id, page: item.dataset.page, variant: k, order: [...Array(options).keys()]});
      });
    }
  }
  const lists = Object.values(byPage);
  return [...Array(Math.max(...lists.map((l) => l.length))).keys()].map((i) => (
    {draw: lists.map((l) => l[i % l.length]), answers: {}, started: Date.now(), timer: null, graded: null}));
}"""
WIDER_THAN_THE_SCREEN = (
    "() => [...document.querySelectorAll('.exam, .exam *')].filter((e) => e.getClientRects().length"
    " && e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)"
    ".map((e) => `${e.closest('form')?.dataset.id ?? ''} ${e.tagName} ${e.className}`)"
)


@pytest.mark.parametrize("width", [390, 1280])
def test_exam_fits_the_screen_before_and_after_grading(browser, served_site, width):
    """At 390 and 1280 px nothing of the exam scrolls sideways, sitting it or reading its result, whichever questions
    and variants are drawn (a long inline formula wraps), and the time and count answered stay in view under the
    header as the paper scrolls."""
    v = Visit(browser, served_site, viewport={"width": width, "height": 844})
    page = sit(v)
    papers = page.evaluate(EVERY_VARIANT)
    drawn = {(d["id"], d["variant"]) for paper in papers for d in paper["draw"]}
    assert len(drawn) == page.locator(".exam-pool .practice-variant").count()  # every variant is sat
    for paper in papers:
        page.evaluate("(paper) => sessionStorage.setItem('notes-exam-paper', JSON.stringify(paper))", paper)
        v.reload()
        page.wait_for_selector(".exam[data-ready] .exam-paper form")
        assert page.locator(".exam-paper form").evaluate_all("(forms) => forms.map((f) => f.dataset.id)") == [
            d["id"] for d in paper["draw"]
        ]
        assert page.evaluate(WIDER_THAN_THE_SCREEN) == []
        page.locator(".exam-paper form").last.scroll_into_view_if_needed()
        bar, header = (page.locator(sel).bounding_box() for sel in (".exam-bar", ".md-header"))
        assert bar["y"] >= header["y"] + header["height"] - 1 and bar["y"] < 200, bar
        page.locator(".exam-grade").click()
        page.locator(".exam-grade").click()  # the second press confirms grading with every answer blank
        assert page.locator(".exam-verdict:visible").count() == len(paper["draw"])
        assert page.evaluate(WIDER_THAN_THE_SCREEN) == []
    clean(v)
