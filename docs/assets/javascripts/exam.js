// The mock exam (docs/exam.py; the pool of questions is written into the page by snippets/practice/exam.py). A paper is drawn
// here, in the reader's browser: one question of each lesson, one of its variants, a choice question's options
// shuffled. Nothing is graded until the paper is submitted; then practice.js' grade() (window.notesPractice) grades
// each answer from the page's HTML, as on the lessons.
// Past scores stay in this browser: localStorage "notes-exam", [{at, right, total, seconds, timed, over,
// lessons: {page: [right, asked]}}], oldest first. The paper being sat, with its answers, stays in sessionStorage
// "notes-exam-paper" (a reload keeps it), until a new one is drawn.
const EXAM_KEY = "notes-exam";
const PAPER_KEY = "notes-exam-paper";
const EXAM_KEPT = 100;  // past scores kept
const EXAM_SHOWN = 10;  // past scores listed

const examRead = (storage, key, empty) => {
  try { return JSON.parse(storage.getItem(key)) || empty; } catch (error) { return empty; }
};
const examWrite = (storage, key, value) => {
  try { storage.setItem(key, JSON.stringify(value)); } catch (error) { /* private mode: kept for this visit */ }
};
const randomIndex = (n) => Math.floor(Math.random() * n);
const shuffledIndices = (n) => {
  const order = [...Array(n).keys()];
  for (let i = n - 1; i > 0; i--) {
    const j = randomIndex(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
};
const clockText = (seconds) => `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, "0")}`;
const minutesText = (seconds) => (seconds < 60 ? `${Math.round(seconds)} s` : `${Math.round(seconds / 60)} min`);

// Each lesson's title, place and address, from the site's navigation (mkdocs.yml's nav: the one list of lessons);
// a lesson missing from it keeps its page name and comes last.
function examLessons(root) {
  const nav = [...document.querySelectorAll(".md-nav--primary a.md-nav__link[href]")];
  const lessons = {};
  for (const link of root.querySelectorAll(".exam-pool-item > a.exam-lesson")) {
    const page = link.parentElement.dataset.page;
    const address = link.href.split("#")[0];
    const place = nav.findIndex((a) => a.href.split("#")[0] === address);
    const title = place < 0 ? link.textContent : nav[place].textContent.trim();
    lessons[page] = { title, place: place < 0 ? nav.length : place, href: link.href };
  }
  return lessons;
}

// A new paper: for each lesson, in the nav's order, one of its questions in the pool, a variant, an option order.
function examDraw(root, lessons) {
  const pages = Object.keys(lessons).sort((a, b) => lessons[a].place - lessons[b].place);
  const draw = pages.map((page) => {
    const forms = [...root.querySelectorAll(`.exam-pool-item[data-page="${page}"] form`)];
    const form = forms[randomIndex(forms.length)];
    const variants = form.querySelectorAll(".practice-variant");
    const variant = randomIndex(variants.length);
    const options = variants[variant].querySelectorAll(".practice-options li").length;
    return { id: form.dataset.id, page, variant, order: shuffledIndices(options) };
  });
  return { draw, answers: {}, started: Date.now(), timer: null, graded: null };
}

// The drawn paper into the page: each question a copy of its pool form with only its variant, numbered, with ids
// of its own; the answer key (printed on a page of its own) beside it.
function examRender(root, paper, lessons) {
  const list = root.querySelector(".exam-paper");
  const key = root.querySelector(".exam-key ol");
  list.replaceChildren();
  key.replaceChildren();
  paper.draw.forEach((drawn, n) => {
    const form = root.querySelector(`.exam-pool form[data-id="${drawn.id}"]`).cloneNode(true);
    [...form.querySelectorAll(".practice-variant")].forEach((variant, k) => {
      if (k === drawn.variant) variant.hidden = false;
      else variant.remove();
    });
    const number = form.querySelector(".practice-number");
    number.textContent = `Question ${n + 1}: ${number.textContent}`;
    number.id = `exam-question-${n + 1}`;
    form.querySelector(".practice-prompt").id = `exam-prompt-${n + 1}`;
    const asked = `${number.id} exam-prompt-${n + 1}`;  // what a screen reader says of the field or the options
    const options = form.querySelector(".practice-options");
    if (options) {
      const items = [...options.children];
      options.append(...drawn.order.map((k) => items[k]));
      for (const box of options.querySelectorAll("input")) box.name = `exam-${n + 1}`;
      options.setAttribute("aria-labelledby", asked);
    }
    const input = form.querySelector(".practice-input");
    if (input) {
      input.id = `exam-answer-${n + 1}`;
      input.setAttribute("aria-describedby", asked);
      form.querySelector(".practice-label").htmlFor = input.id;
    }
    const item = Object.assign(document.createElement("li"), { className: "exam-item" });
    item.append(form);
    list.append(item);
    const answer = form.querySelector(".practice-answer p").innerHTML;
    const line = Object.assign(document.createElement("li"), { innerHTML: answer });
    line.prepend(`(${lessons[drawn.page].title}) `);
    key.append(line);
  });
  examRestore(root, paper);
}

const examForms = (root) => [...root.querySelectorAll(".exam-paper form")];

function examAnswer(form) {
  const input = form.querySelector(".practice-input");
  if (input) return input.value;
  return [...form.querySelectorAll(".practice-options input")].map((box) => box.checked);
}

const examAnswered = (answer) => (Array.isArray(answer) ? answer.some(Boolean) : answer.trim() !== "");

function examRestore(root, paper) {
  for (const form of examForms(root)) {
    const answer = paper.answers[form.dataset.id];
    if (answer === undefined) continue;
    const input = form.querySelector(".practice-input");
    if (input) input.value = answer;
    else form.querySelectorAll(".practice-options input").forEach((box, k) => { box.checked = Boolean(answer[k]); });
  }
}

function examProgress(root, paper) {
  const forms = examForms(root);
  const done = forms.filter((form) => examAnswered(examAnswer(form))).length;
  root.querySelector(".exam-progress").textContent = paper.graded
    ? `Graded: ${paper.graded.right} of ${forms.length} right.`
    : `Answered: ${done} of ${forms.length}.`;
}

// What grade() says of one answer, as the exam's verdict: right or wrong, and why (its hint, or what an answer
// of this kind looks like). A blank answer is wrong, with no hint.
function examVerdict(form) {
  const variant = form.querySelector(".practice-variant");
  if (!examAnswered(examAnswer(form))) return { right: false, html: "<strong>Not answered.</strong>" };
  const verdict = window.notesPractice.grade(form, variant);
  if (verdict.right) return { right: true, html: "<strong>Right.</strong>" };
  if (verdict.form) return { right: false, html: `<strong>Wrong.</strong> ${verdict.form}` };
  const hint = verdict.hint ? window.notesPractice.hintText(verdict.hint, variant) : verdict.text;
  if (hint) return { right: false, html: `<strong>Wrong.</strong> ${hint}` };
  return { right: false, html: window.notesPractice.feedback(verdict, variant).html };
}

// Each answer graded: its verdict written under it, its answer shown, its fields locked. {right, lessons: {page:
// [right, asked]}}.
function examMark(root, paper) {
  const lessons = {};
  let right = 0;
  examForms(root).forEach((form, n) => {
    const verdict = examVerdict(form);
    const box = form.querySelector(".exam-verdict");
    box.innerHTML = `<p>${verdict.html}</p>`;
    box.dataset.result = verdict.right ? "right" : "wrong";
    box.hidden = false;
    const answer = form.querySelector(".practice-answer");
    answer.hidden = false;
    box.after(answer);  // under the verdict: the answer given, what was wrong with it, then the answer
    for (const input of form.querySelectorAll("input")) {
      if (input.type === "text") input.readOnly = true;
      else input.disabled = true;
    }
    const page = paper.draw[n].page;
    lessons[page] = lessons[page] || [0, 0];
    lessons[page][0] += Number(verdict.right);
    lessons[page][1] += 1;
    right += Number(verdict.right);
  });
  return { right, lessons };
}

// The paper submitted: graded, timed, and its score added to the past ones.
function examGrade(root, paper) {
  const { right, lessons } = examMark(root, paper);
  const seconds = (Date.now() - paper.started) / 1000;
  const timed = paper.timer !== null;
  const over = timed ? Math.max(0, (Date.now() - paper.timer) / 1000 - Number(root.dataset.minutes) * 60) : 0;
  paper.graded = { right, total: paper.draw.length, seconds, timed, over, lessons };
  const history = examRead(localStorage, EXAM_KEY, []);
  history.push({ at: Date.now(), ...paper.graded });
  examWrite(localStorage, EXAM_KEY, history.slice(-EXAM_KEPT));
}

// The result: the score, the time taken, each lesson's verdict with its record over every exam sat, the lessons to
// revise first (wrong this time, the weakest over all exams first), and the past scores.
function examShowResult(root, paper, lessons) {
  const { right, total, seconds, timed, over } = paper.graded;
  const result = root.querySelector(".exam-result");
  root.querySelector(".exam-score").textContent = `${right} of ${total} right (${Math.round((100 * right) / total)}%).`;
  const limit = Number(root.dataset.minutes);
  root.querySelector(".exam-time").textContent = `Time taken: ${minutesText(seconds)}` +
    (timed ? (over > 0 ? `, ${minutesText(over)} over the ${limit} minutes.` : `, within the ${limit} minutes.`) : ".");
  const record = {};
  for (const past of examRead(localStorage, EXAM_KEY, [paper.graded])) {
    for (const [page, [good, asked]] of Object.entries(past.lessons || {})) {
      record[page] = record[page] || [0, 0];
      record[page][0] += good;
      record[page][1] += asked;
    }
  }
  const list = root.querySelector(".exam-lessons");
  list.replaceChildren();
  const wrong = [];
  for (const [page, [good, asked]] of Object.entries(paper.graded.lessons)) {
    const lesson = lessons[page];
    const item = document.createElement("li");
    item.dataset.result = good === asked ? "right" : "wrong";
    const link = Object.assign(document.createElement("a"), { href: lesson.href, textContent: lesson.title });
    const [ever, everAsked] = record[page] || [good, asked];
    item.append(link, `: ${good === asked ? "right" : "wrong"} (so far ${ever} of ${everAsked} right)`);
    list.append(item);
    if (good < asked) wrong.push(page);
  }
  const rate = (page) => (record[page] ? record[page][0] / record[page][1] : 0);  // none kept: past scores forgotten
  wrong.sort((a, b) => rate(a) - rate(b) || lessons[a].place - lessons[b].place);
  const weakest = root.querySelector(".exam-weakest");
  weakest.replaceChildren();
  const advice = document.createElement("p");
  if (wrong.length) {
    advice.append("Revise first: ");
    wrong.forEach((page, k) => {
      if (k) advice.append(", ");
      advice.append(Object.assign(document.createElement("a"), { href: lessons[page].href, textContent: lessons[page].title }));
    });
    advice.append(". Each link leads to the lesson's practice questions, which say after each answer what went wrong.");
  } else {
    advice.textContent = "Every lesson right. A new exam draws other questions and other numbers.";
  }
  weakest.append(advice);
  result.hidden = false;
  examShowPast(root);
}

function examShowPast(root) {
  const history = examRead(localStorage, EXAM_KEY, []);
  const past = root.querySelector(".exam-past");
  past.hidden = history.length === 0;
  const list = past.querySelector(".exam-history");
  list.replaceChildren();
  for (const sat of history.slice(-EXAM_SHOWN).reverse()) {
    const when = new Date(sat.at).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
    const timing = sat.timed ? (sat.over > 0 ? ", timed, over time" : ", timed") : "";
    const line = `${when}: ${sat.right} of ${sat.total} right (${Math.round((100 * sat.right) / sat.total)}%), ` +
      `${minutesText(sat.seconds)}${timing}.`;
    list.append(Object.assign(document.createElement("li"), { textContent: line }));
  }
  if (history.length > EXAM_SHOWN) {
    list.append(Object.assign(document.createElement("li"), { textContent: `and ${history.length - EXAM_SHOWN} earlier.` }));
  }
}

// The optional timer: started when ticked, shown as the time left; when it is up, the paper stays open (the result
// says by how much it ran over). Said aloud twice only: five minutes left, and time up.
function examTick(root, paper) {
  const clock = root.querySelector(".exam-clock");
  const status = root.querySelector(".exam-status");
  clock.hidden = paper.timer === null || paper.graded !== null;
  if (clock.hidden) return;
  const left = Number(root.dataset.minutes) * 60 - (Date.now() - paper.timer) / 1000;
  clock.textContent = left > 0 ? `Time left: ${clockText(Math.ceil(left))}.` : `Time is up (${clockText(-left)} over).`;
  clock.dataset.over = String(left <= 0);
  const said = left <= 0 ? "up" : left <= 300 ? "five" : "";
  if (said && clock.dataset.said !== said) {
    clock.dataset.said = said;
    status.textContent = said === "up"
      ? "Time is up. You can still finish and submit: the result will say how long you took."
      : "Five minutes left.";
  }
}

function setUpExam() {
  const root = document.querySelector(".exam:not([data-ready])");
  if (!root) return;
  root.dataset.ready = "";
  // The count answered and the clock stay in view under the header (.exam-bar, position: sticky), which a box that
  // scrolls around the exam would hold back: the notebook's output boxes around it do not scroll here.
  for (let box = root.parentElement; box && !box.matches(".md-content"); box = box.parentElement) {
    if (getComputedStyle(box).overflowX !== "visible") box.style.overflow = "visible";
  }
  const lessons = examLessons(root);
  const status = root.querySelector(".exam-status");
  const submit = root.querySelector(".exam-grade");
  const timed = root.querySelector(".exam-timed input");
  let paper = examRead(sessionStorage, PAPER_KEY, null);
  let confirming = null;  // what a second press confirms: "submit" with blanks, "new" over answers
  const drawable = (d) => {  // a paper kept from an earlier build may name questions this one has not
    const form = lessons[d.page] && root.querySelector(`.exam-pool form[data-id="${d.id}"]`);
    const variant = form && form.querySelectorAll(".practice-variant")[d.variant];
    return Boolean(variant) && variant.querySelectorAll(".practice-options li").length === d.order.length;
  };
  const valid = paper && Array.isArray(paper.draw) && paper.draw.every(drawable);
  const save = () => examWrite(sessionStorage, PAPER_KEY, paper);
  const show = () => {
    examRender(root, paper, lessons);
    timed.checked = paper.timer !== null;
    timed.disabled = paper.graded !== null;
    submit.hidden = paper.graded !== null;
    root.querySelector(".exam-result").hidden = true;
    if (paper.graded) {  // a reload of a graded paper: its verdicts and result again, not counted again
      examMark(root, paper);
      examShowResult(root, paper, lessons);
    }
    examShowPast(root);
    examProgress(root, paper);
    examTick(root, paper);
  };
  const fresh = () => {
    const timer = Boolean(paper && paper.timer);  // a new paper is timed if the last one was
    paper = examDraw(root, lessons);
    if (timer) paper.timer = paper.started;
    save();
    confirming = null;
    status.textContent = "";
    submit.textContent = "Submit and grade";
    show();
  };
  if (valid) show();
  else fresh();

  const paperList = root.querySelector(".exam-paper");
  paperList.addEventListener("input", (event) => {
    const form = event.target.closest("form");
    if (!form || paper.graded) return;
    paper.answers[form.dataset.id] = examAnswer(form);
    save();
    examProgress(root, paper);
    if (confirming) {
      confirming = null;
      submit.textContent = "Submit and grade";
    }
  });
  // Enter in an answer box goes to the next question (the last one's goes to the submit button): nothing is graded.
  paperList.addEventListener("submit", (event) => {
    event.preventDefault();
    const item = event.target.closest(".exam-item").nextElementSibling;
    (item ? item.querySelector("input") : submit).focus();
  });
  submit.addEventListener("click", () => {
    const blank = examForms(root).map((form, n) => (examAnswered(examAnswer(form)) ? 0 : n + 1)).filter(Boolean);
    if (blank.length && confirming !== "submit") {
      confirming = "submit";
      submit.textContent = "Submit anyway";
      status.textContent = `Not answered yet: question${blank.length > 1 ? "s" : ""} ${blank.join(", ")}. ` +
        "Answer them, or press Submit anyway: a blank answer counts as wrong.";
      return;
    }
    confirming = null;
    submit.textContent = "Submit and grade";
    examGrade(root, paper);
    save();
    submit.hidden = true;
    timed.disabled = true;
    examShowResult(root, paper, lessons);
    examProgress(root, paper);
    examTick(root, paper);
    status.textContent = `Graded: ${paper.graded.right} of ${paper.graded.total} right. The result follows the questions.`;
    root.querySelector(".exam-result").focus();
  });
  const again = () => {
    const answered = Object.values(paper.answers).some(examAnswered);
    if (!paper.graded && answered && confirming !== "new") {
      confirming = "new";
      status.textContent = "A new exam discards your answers to this one: press New exam again to draw it.";
      return;
    }
    fresh();
    const first = root.querySelector(".exam-paper input");
    if (first) first.focus();
  };
  root.querySelector(".exam-new").addEventListener("click", again);
  root.querySelector(".exam-again").addEventListener("click", again);
  root.querySelector(".exam-forget").addEventListener("click", () => {
    examWrite(localStorage, EXAM_KEY, []);
    examShowPast(root);
    status.textContent = "Past scores forgotten.";
  });
  timed.addEventListener("change", () => {
    paper.timer = timed.checked ? Date.now() : null;
    delete root.querySelector(".exam-clock").dataset.said;
    save();
    examTick(root, paper);
  });
  const ticking = setInterval(() => {
    if (!root.isConnected) clearInterval(ticking);  // left by instant navigation
    else examTick(root, paper);
  }, 1000);
}

document$.subscribe(setUpExam);
