// Practice questions (snippets/practice/quiz.py writes them): graded here, from the HTML alone, offline.
// A form.practice has data-kind number, shape or choice; each .practice-variant holds a prompt, its answer
// (data-answer, data-tol), hints for likely mistakes (.practice-hint[data-value]) and .practice-answer.
// Progress (questions answered right) stays in this browser: localStorage "notes-practice", {id: true|false}.
const PRACTICE_KEY = "notes-practice";

const practiceSave = (saved) => {
  try { localStorage.setItem(PRACTICE_KEY, JSON.stringify(saved)); } catch (error) { /* private mode */ }
};
const practiceSaved = () => {
  let saved;
  try { saved = JSON.parse(localStorage.getItem(PRACTICE_KEY) || "{}"); } catch (error) { saved = {}; }
  return carryOver(saved);
};

// Progress saved before the questions' ids had names was saved under their place ("backprop-1"). Each form
// (and the checklist's index) names the id its question had then (data-legacy, snippets/practice/quiz.py LEGACY_IDS):
// what was saved under it moves to the question's id once, and the old key goes. No id of today looks like an
// old one, so old progress never lands on another question.
function carryOver(saved) {
  const pairs = [...document.querySelectorAll("form.practice[data-legacy]")]
    .map((form) => [form.dataset.legacy, form.dataset.id]);
  const index = document.querySelector(".checklist-practice[data-legacy]");
  if (index) pairs.push(...Object.entries(JSON.parse(index.dataset.legacy)));
  const old = pairs.filter(([legacy]) => legacy in saved);
  for (const [legacy, id] of old) {
    saved[id] = saved[id] === true || saved[legacy] === true || (id in saved ? saved[id] : saved[legacy]);
    delete saved[legacy];
  }
  if (old.length) practiceSave(saved);
  return saved;
}

// A typed number, read as a teacher would: "0.5", ".5", "5e-1", "−0.5", "1/2", "5 × 10^-1", "10,431" and "10 431"
// are numbers. Returns {value} or {form: what to fix}. A comma that may be a decimal comma is asked about, not
// guessed: "0,25" always, "2,127" unless a whole number is asked for (`whole`), where only thousands make sense.
function readNumber(text, whole) {
  let t = text.trim().replace(/[\u2212\u2013]/g, "-").replace(/\s*[×x*]\s*10\s*\^?\s*/i, "e");
  const notNumber = "That is not a finite number: write the value itself, like 0.25.";
  if (/^[-+]?(inf(inity)?|∞|nan)$/i.test(t)) return { form: notNumber };
  const oneComma = t.match(/^([-+]?\d+),(\d+)$/);
  if (oneComma) {
    const decimal = `${oneComma[1]}.${oneComma[2]}`, thousands = `${oneComma[1]}${oneComma[2]}`;
    const couldBeThousands = oneComma[1].replace(/^[-+]/, "").length <= 3 && oneComma[2].length === 3;
    if (!couldBeThousands) return { form: `Did you mean ${decimal}? Write the decimal point as a dot.` };
    if (!whole) {
      return { form: `Did you mean ${decimal}, or ${thousands}? Write decimals with a dot and no comma in thousands.` };
    }
  }
  if (/^[-+]?\d{1,3}([, ]\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/[, ]/g, "");
  let value = null;
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) value = Number(t);
  const fraction = t.match(/^([-+]?\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/);
  if (fraction && Number(fraction[2]) !== 0) value = Number(fraction[1]) / Number(fraction[2]);
  if (value === null) return { form: "A number looks like 0.25, .25, 2.5e-1 or 1/4." };
  if (!Number.isFinite(value)) return { form: notNumber };
  return { value };
}

// The significant figures typed: "0.11" has 2, "0.1054" 4, "400" 3 (trailing zeros of a whole number count).
function figuresTyped(text) {
  const mantissa = text.trim().replace(/^[-+\u2212]/, "").split(/e/i)[0].replace(/[, ]/g, "");
  return mantissa.replace(".", "").replace(/^0+/, "").length;
}

const roundTo = (x, figures) => (x === 0 ? 0 : Number(x.toPrecision(figures)));

// Within the tolerance, its edge included: -0.134 is 0.0005000000000000004 from -0.1335 in floating point.
const within = (value, target, tol) => Math.abs(value - target) <= tol * (1 + 1e-9) + 1e-12;

// A shape, read with any of "(15, 25)", "(15,25)", "15x25", "15 × 25", "[15, 25]", "15 by 25", "15 25", a
// trailing comma for rank 1 "(400,)", and thousands separators "(400, 12,665)". Returns every reading of the
// text (a comma between digits may be a separator or a thousands comma), or [] when it is not a shape.
function parseShape(text) {
  const t = text.trim().replace(/^[([]\s*/, "").replace(/\s*[)\]]$/, "").replace(/,\s*$/, "");
  const strict = t.split(/\s*(?:,\s*|×|\*|\bby\b|(?<=\d)\s*x\s*(?=\d)|\s+)\s*/i).filter((part) => part !== "");
  const spaced = t.split(/\s*(?:,\s+|×|\*|\bby\b|(?<=\d)\s*x\s*(?=\d)|\s+)\s*/i).filter((part) => part !== "")
    .map((part) => (/^\d{1,3}(,\d{3})+$/.test(part) ? part.replace(/,/g, "") : part));
  const readings = [strict, spaced].filter((parts) => parts.length && parts.every((part) => /^\d+$/.test(part)));
  return readings.map((parts) => parts.map(Number));
}

const shapeText = (shape) => `(${shape.join(", ")}${shape.length === 1 ? "," : ""})`;
const sameShape = (a, b) => a.length === b.length && a.every((n, i) => n === b[i]);

function gradeNumber(form, variant, hints, fallback) {
  const typed = form.querySelector(".practice-input").value;
  const answer = Number(variant.dataset.answer), tol = Number(variant.dataset.tol);
  const whole = variant.dataset.whole, digits = Number(variant.dataset.digits || 0);
  const read = readNumber(typed, Boolean(whole));
  if (read.form) return read;
  const value = read.value;
  if (whole && !Number.isInteger(value)) {
    return { text: whole === "count" ? "A count is a whole number: round up or down? Think about what a part left over means."
      : "The answer is a whole number here: which step gave you a fraction?" };
  }
  if (within(value, answer, tol)) return { right: true };
  const hint = hints.find((h) => within(value, Number(h.dataset.value), tol));
  if (hint) return { hint };
  if (whole) return { hint: fallback };
  const figures = figuresTyped(typed);
  if (digits && figures >= 1 && figures < digits && roundTo(answer, figures) === roundTo(value, figures)) {
    return { text: `Close: give ${digits} significant figures.` };
  }
  if (Math.abs(value - answer) <= 0.03 * Math.abs(answer)) {
    const asked = digits ? `${digits} significant figures` : `within ±${tol}`;
    return { text: `Close, but not ${asked}: keep every digit through the steps and round only at the end.` };
  }
  return { hint: fallback };
}

function gradeShape(form, variant, hints, fallback) {
  const readings = parseShape(form.querySelector(".practice-input").value);
  const answer = JSON.parse(variant.dataset.answer);
  const example = shapeText(answer.map((_, i) => [15, 25, 4][i % 3]));
  if (!readings.length) return { form: `A shape looks like ${example}: whole numbers, separated by commas.` };
  if (readings.some((shape) => sameShape(shape, answer))) return { right: true };
  // a likely mistake first: a rank-1 (400,) for a column (400, 1) gets its own hint, not the form
  const mistake = hints.find((h) => readings.some((shape) => sameShape(JSON.parse(h.dataset.value), shape)));
  if (mistake) return { hint: mistake };
  if (readings[0].length !== answer.length) {
    return { form: `This shape has ${answer.length} ${answer.length === 1 ? "axis" : "axes"}: write ${answer.length} ${answer.length === 1 ? "number" : "numbers"}, like ${example}.` };
  }
  return { hint: fallback };
}

function grade(form, variant) {
  const kind = form.dataset.kind;
  const hints = [...variant.querySelectorAll(".practice-hint:not(.practice-default)")];
  const fallback = variant.querySelector(".practice-default");
  if (kind === "number") return gradeNumber(form, variant, hints, fallback);
  if (kind === "shape") return gradeShape(form, variant, hints, fallback);
  const boxes = [...variant.querySelectorAll("input")];
  if (!boxes.some((box) => box.checked)) return { form: "Choose an option first." };
  for (const box of boxes) box.closest("li").querySelector(".practice-why").hidden = !box.checked;
  const falselyChosen = boxes.some((box) => box.checked && box.dataset.correct !== "1");
  const missed = boxes.some((box) => !box.checked && box.dataset.correct === "1");
  if (!falselyChosen && !missed) return { right: true };
  if (boxes[0].type === "radio") return { text: "Not that one: read the note under your choice." };
  if (falselyChosen) return { text: "One of your choices is not true: read the note under it." };
  return { text: "Your choices are true, but not all the true options are chosen." };
}

// What a verdict of grade() says: {result: "correct" | "wrong", html}. "Not an answer yet" (a form to fix) is
// not graded; a wrong answer gets its hint, or the generic one.
function feedbackOf(verdict, variant) {
  if (verdict.form) return { result: "wrong", html: `<strong>Not an answer yet.</strong> ${verdict.form}` };
  if (verdict.right) {
    const why = variant.querySelector(".practice-answer p").innerHTML.replace(/^<strong>.*?<\/strong>\s*/, "");
    return { result: "correct", html: `<strong>Right.</strong> ${why}` };
  }
  const hint = verdict.hint ? hintText(verdict.hint, variant) : verdict.text;
  return { result: "wrong", html: `<strong>Not yet.</strong> ${hint} Try again, or show the answer.` };
}

// A hint's text: written once per question, beside its variants (snippets/practice/quiz.py), and named by data-ref.
function hintText(hint, variant) {
  const bank = variant.parentElement.querySelector(":scope > .practice-hints");
  const text = hint.dataset.ref && bank && bank.querySelector(`[data-ref="${hint.dataset.ref}"]`);
  return (text || hint).innerHTML;
}

// For other pages' scripts (the mock exam): the same grading, from the same HTML.
window.notesPractice = { grade, feedback: feedbackOf, hintText, saved: practiceSaved };

function setUpPractice() {
  for (const set of document.querySelectorAll(".practice-set:not([data-ready])")) {
    set.dataset.ready = "";
    const forms = [...set.querySelectorAll("form.practice")];
    const status = set.querySelector(".practice-progress span");
    const update = () => {
      const saved = practiceSaved();
      const here = forms.filter((form) => saved[form.dataset.id] === true).length;
      const all = Object.values(saved).filter((right) => right === true).length;
      status.textContent = `Answered right: ${here} of ${forms.length} on this page, ${all} of ${set.dataset.total} in all.`;
    };
    for (const form of forms) setUpQuestion(form, update);
    set.querySelector(".practice-reset").addEventListener("click", () => {
      const saved = practiceSaved();
      for (const form of forms) delete saved[form.dataset.id];
      practiceSave(saved);
      for (const form of forms) form.reset();
      for (const feedback of set.querySelectorAll(".practice-feedback")) { feedback.textContent = ""; feedback.dataset.result = ""; }
      update();
    });
    update();
  }
}

function setUpQuestion(form, update) {
  const variants = [...form.querySelectorAll(".practice-variant")];
  const feedback = form.querySelector(".practice-feedback");
  const input = form.querySelector(".practice-input");
  let current = 0;
  const shown = () => variants[current];
  const say = (result, html) => { feedback.dataset.result = result; feedback.innerHTML = html; };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const verdict = grade(form, shown());
    const said = feedbackOf(verdict, shown());
    say(said.result, said.html);
    if (verdict.form) return;
    const saved = practiceSaved();
    if (verdict.right) saved[form.dataset.id] = true;
    else if (saved[form.dataset.id] !== true) saved[form.dataset.id] = false;
    practiceSave(saved);
    update();
  });
  form.querySelector(".practice-show").addEventListener("click", () => {
    shown().querySelector(".practice-answer").hidden = false;
    for (const why of shown().querySelectorAll(".practice-why")) why.hidden = false;
  });
  const another = form.querySelector(".practice-another");
  if (another) {
    another.addEventListener("click", () => {
      shown().hidden = true;
      shown().querySelector(".practice-answer").hidden = true;
      current = (current + 1) % variants.length;
      shown().hidden = false;
      if (input) { input.value = ""; input.focus(); }
      say("", "");
    });
  }
}

// The revision checklist: beside each line, how many of its lesson's practice questions are answered right.
// The lessons' question ids are written into the page at build (notes_build/cards.py).
function setUpChecklistPractice() {
  const index = document.querySelector(".checklist-practice[data-pages]");
  if (!index || "ready" in index.dataset) return;
  index.dataset.ready = "";
  markChecklist(JSON.parse(index.dataset.pages));
}

function markChecklist(pages) {
  const saved = practiceSaved();
  for (const mark of document.querySelectorAll(".md-content .checklist-questions[data-page]")) {
    const ids = pages[mark.dataset.page] || [];
    const right = ids.filter((id) => saved[id] === true).length;
    mark.dataset.done = String(ids.length > 0 && right === ids.length);
    mark.textContent = `Questions: ${right} of ${ids.length} right.`;
  }
}

// review/ alone needs review.js: loaded from here when a page holds the cards, so no other page carries it.
function loadReview() {
  if (!document.querySelector(".review") || window.notesReviewLoading) return;
  window.notesReviewLoading = true;
  const self = document.querySelector('script[src*="javascripts/practice.js"]');
  document.head.append(Object.assign(document.createElement("script"), { src: self.src.replace("practice.js", "review.js") }));
}

document$.subscribe(() => {
  setUpPractice();
  setUpChecklistPractice();
  loadReview();
});
