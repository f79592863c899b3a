"""The practice questions, the checklist's question counts and review/ in a real browser (headless Chromium)."""

import pytest
from chromium import MARKS
from page_scripts import wait_for_scripts
from test_browser import Visit

pytestmark = MARKS


@pytest.fixture
def phone(browser, served_site):
    v = Visit(browser, served_site, viewport={"width": 390, "height": 844})
    yield v
    assert not v.errors, v.errors
    assert not v.foreign, v.foreign
    v.close()


def answer(form, text):
    form.locator(".practice-input").fill(text)
    form.locator(".practice-check").click()
    feedback = form.locator(".practice-feedback")
    return feedback.get_attribute("data-result"), feedback.inner_text()


def test_number_question_grades_forms_hints_and_another_one(phone):
    """0.5, .5 and 5e-1 are one answer; a base-10 log gets its hint; "abc" and "" say what a number looks like;
    Show answer reveals it; Another one shows a fresh prompt and clears the feedback."""
    phone.open("activation/")
    form = phone.page.locator('form.practice[data-id="activation-sigma-of"]')  # σ(0) first
    for text in ("0.5", ".5", "5e-1"):
        assert answer(form, text)[0] == "correct"
    result, said = answer(form, "0.25")
    assert result == "wrong" and "Not yet" in said
    for text in ("abc", "", "15, 25, 3"):
        result, said = answer(form, text)
        assert result == "wrong" and "A number looks like 0.25" in said
    assert form.locator(".practice-answer").first.is_hidden()
    form.locator(".practice-show").click()
    assert form.locator(".practice-answer").first.is_visible()
    prompt = form.locator(".practice-variant:not([hidden]) .practice-prompt").inner_text()
    form.locator(".practice-another").click()
    assert form.locator(".practice-variant:not([hidden]) .practice-prompt").inner_text() != prompt
    assert form.locator(".practice-feedback").get_attribute("data-result") == ""
    loss = phone.page.locator('form.practice[data-id="loss-one-loss"]')
    phone.open("loss/")
    result, said = answer(loss, "0.04576")  # log10(1/0.9)
    assert result == "wrong" and "base-10 log" in said


def test_shape_question_reads_every_form_and_names_a_transpose(phone):
    """(15, 25), (15,25), 15x25 and 15 × 25 are one answer; (25, 15) is "the shape of W^T"; three numbers get
    the form."""
    phone.open("architecture/")
    form = phone.page.locator('form.practice[data-id="architecture-w-shape"]')
    for text in ("(15, 25)", "(15,25)", "15x25", "15 × 25"):
        assert answer(form, text)[0] == "correct", text
    result, said = answer(form, "(25, 15)")
    assert result == "wrong" and "shape of" in said
    result, said = answer(form, "15, 25, 3")
    assert result == "wrong" and "2 numbers" in said
    phone.open("try-it/")
    column = phone.page.locator('form.practice[data-id="try-it-drawing-shape"]')
    result, said = answer(column, "(400,)")  # a rank-1 array: its own hint, though it has one axis too few
    assert result == "wrong" and "rank-1" in said


def test_choice_question_explains_each_option(phone):
    """A choice question is right only with every true option; each chosen option shows its explanation."""
    phone.open("loss/")
    form = phone.page.locator('form.practice[data-id="loss-costly"]')
    boxes = form.locator("input[type=checkbox]")
    form.locator(".practice-check").click()
    assert "Choose an option" in form.locator(".practice-feedback").inner_text()
    boxes.nth(1).check()
    form.locator(".practice-check").click()
    assert form.locator(".practice-feedback").get_attribute("data-result") == "wrong"
    assert form.locator(".practice-why").nth(1).is_visible() and form.locator(".practice-why").nth(0).is_hidden()
    boxes.nth(1).uncheck()
    boxes.nth(0).check()
    boxes.nth(2).check()
    form.locator(".practice-check").click()
    assert form.locator(".practice-feedback").get_attribute("data-result") == "correct"


def test_single_answer_choice_says_not_that_one(phone):
    """A choice with one true option is a radio group: a wrong pick says so and shows its note; the right one passes."""
    phone.open("hidden-activations/")
    form = phone.page.locator('form.practice[data-id="hidden-activations-output-activation"]')
    radios = form.locator("input[type=radio]")
    radios.nth(1).check()
    form.locator(".practice-check").click()
    assert "Not that one" in form.locator(".practice-feedback").inner_text()
    assert form.locator(".practice-why").nth(1).is_visible()
    radios.nth(0).check()
    form.locator(".practice-check").click()
    assert form.locator(".practice-feedback").get_attribute("data-result") == "correct"


def test_progress_persists_and_shows_on_the_checklist(phone):
    """Answers right are counted on the page and in all, kept across a reload, shown beside the checklist's
    lines, and reset."""
    phone.open("architecture/")
    form = phone.page.locator('form.practice[data-id="architecture-parameter-count"]')
    assert answer(form, "10431")[0] == "correct"
    assert answer(phone.page.locator('form.practice[data-id="architecture-b-shape"]'), "(25, 1)")[0] == "correct"
    status = phone.page.locator(".practice-progress span")
    assert status.inner_text().startswith("Answered right: 2 of 4 on this page, 2 of ")
    phone.reload()
    assert status.inner_text().startswith("Answered right: 2 of 4 on this page")
    phone.open("checklist/")
    phone.page.wait_for_selector(".checklist-questions")
    first = phone.page.locator(".task-list-item").first.locator(".checklist-questions").inner_text()
    assert "Questions: 2 of 4 right" in first
    phone.open("architecture/")
    phone.page.locator(".practice-reset").click()
    assert status.inner_text().startswith("Answered right: 0 of 4 on this page")


def test_questions_print_with_an_answer_key(phone):
    """Printed, the answer boxes and buttons are gone and the answer key at the end of the page is shown."""
    phone.open("loss/")
    phone.page.emulate_media(media="print")
    assert phone.page.locator(".practice-key").is_visible()
    assert phone.page.locator(".practice-buttons").first.is_hidden()
    assert phone.page.locator(".practice-key li").count() == phone.page.locator("form.practice").count()


def test_review_schedules_three_cards_later_and_shows_another_after_reload(phone):
    """review/: three cards answered Good are scheduled a day or more ahead, and after a reload a different card
    is shown; the status counts them as scheduled later."""
    phone.open("review/")
    page = phone.page
    seen = []
    for _ in range(3):
        card = page.locator(".review-card:not([hidden])")
        seen.append(card.get_attribute("data-id"))
        assert card.locator(".review-back").is_hidden()
        page.keyboard.press("Space")
        assert card.locator(".review-back").is_visible()
        page.locator(".review-grades [data-grade='3']").click()
    assert len(set(seen)) == 3
    state = page.evaluate("() => JSON.parse(localStorage.getItem('notes-review'))")
    now = page.evaluate("() => Date.now()")
    assert all(state[i]["due"] >= now + 23 * 3600 * 1000 for i in seen)
    phone.reload()
    shown = page.locator(".review-card:not([hidden])").get_attribute("data-id")
    assert shown not in seen
    assert "3 scheduled later" in page.locator(".review-status").inner_text()
    wait_for_scripts(page)
