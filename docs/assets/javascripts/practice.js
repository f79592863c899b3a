// Practice questions (snippets/quiz.py writes them): graded here, from the HTML alone, offline.
// A form.practice has data-kind number, shape or choice; each .practice-variant holds a prompt, its answer
// (data-answer, data-tol), hints for likely mistakes (.practice-hint[data-value]) and .practice-answer.
// Progress (questions answered right) stays in this browser: localStorage "notes-practice", {id: true|false}.
const PRACTICE_KEY = "notes-practice";

const practiceSaved = () => {
  try { return JSON.parse(localStorage.getItem(PRACTICE_KEY) || "{}"); } catch (error) { return {}; }
};
const practiceSave = (saved) => {
  try { localStorage.setItem(PRACTICE_KEY, JSON.stringify(saved)); } catch (error) { /* private mode */ }
};

// "0.5", ".5", "5e-1", "−0.5", "1/2", "10,431" and "10 431" are numbers; anything else is null.
function parseNumber(text) {
  let t = text.trim().replace(/[\u2212\u2013]/g, "-").replace(/\s*[×x]\s*10\^?\s*/i, "e");
  if (/^[-+]?\d{1,3}([, ]\d{3})+(\.\d*)?$/.test(t)) t = t.replace(/[, ]/g, "");
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return Number(t);
  const fraction = t.match(/^([-+]?\d+)\s*\/\s*(\d+)$/);
  if (fraction && Number(fraction[2]) !== 0) return Number(fraction[1]) / Number(fraction[2]);
  return null;
}

// "(15, 25)", "(15,25)", "15x25", "15 × 25", "[15, 25]" and "15 by 25" are [15, 25]; anything else is null.
function parseShape(text) {
  const t = text.trim().replace(/^[([]\s*/, "").replace(/\s*[)\]]$/, "");
  const parts = t.split(/\s*(?:,|×|\*|\bby\b|(?<=\d)\s*x\s*(?=\d))\s*/i).filter((part) => part !== "");
  if (!parts.length || !parts.every((part) => /^\d+$/.test(part))) return null;
  return parts.map(Number);
}

const shapeText = (shape) => `(${shape.join(", ")}${shape.length === 1 ? "," : ""})`;

function grade(form, variant) {
  const kind = form.dataset.kind;
  const hints = [...variant.querySelectorAll(".practice-hint:not(.practice-default)")];
  const fallback = variant.querySelector(".practice-default");
  if (kind === "number") {
    const value = parseNumber(form.querySelector(".practice-input").value);
    if (value === null) return { form: "A number looks like 0.25, .25, 2.5e-1 or 1/4." };
    const answer = Number(variant.dataset.answer), tol = Number(variant.dataset.tol);
    if (Math.abs(value - answer) <= tol) return { right: true };
    const hint = hints.find((h) => Math.abs(value - Number(h.dataset.value)) <= tol);
    return { hint: hint || fallback };
  }
  if (kind === "shape") {
    const shape = parseShape(form.querySelector(".practice-input").value);
    const answer = JSON.parse(variant.dataset.answer);
    const example = shapeText(answer.map((_, i) => [15, 25, 4][i % 3]));
    if (shape === null) return { form: `A shape looks like ${example}: whole numbers, separated by commas.` };
    // a likely mistake first: a rank-1 (400,) for a column (400, 1) gets its own hint, not the form
    const mistake = hints.find((h) => JSON.stringify(JSON.parse(h.dataset.value)) === JSON.stringify(shape));
    if (mistake) return { hint: mistake };
    if (shape.length !== answer.length) {
      return { form: `This shape has ${answer.length} ${answer.length === 1 ? "axis" : "axes"}: write ${answer.length} ${answer.length === 1 ? "number" : "numbers"}, like ${example}.` };
    }
    if (shape.every((n, i) => n === answer[i])) return { right: true };
    return { hint: fallback };
  }
  const boxes = [...variant.querySelectorAll("input")];
  if (!boxes.some((box) => box.checked)) return { form: "Choose an option first." };
  const wrong = boxes.filter((box) => box.checked !== (box.dataset.correct === "1"));
  for (const box of boxes) box.closest("li").querySelector(".practice-why").hidden = !box.checked;
  if (!wrong.length) return { right: true };
  if (boxes[0].type === "radio") return { text: "Not that one: read the note under your choice." };
  const missed = wrong.some((box) => !box.checked);
  return { text: missed ? "Not all the true options are chosen; read the notes under your choices." : "One of your choices is not true: read the note under it." };
}

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
    const saved = practiceSaved();
    if (verdict.form) {
      say("wrong", `<strong>Not an answer yet.</strong> ${verdict.form}`);
      return;
    }
    if (verdict.right) {
      say("correct", `<strong>Right.</strong> ${shown().querySelector(".practice-answer p").innerHTML.replace(/^<strong>.*?<\/strong>\s*/, "")}`);
      saved[form.dataset.id] = true;
    } else {
      const hint = verdict.hint ? verdict.hint.innerHTML : verdict.text;
      say("wrong", `<strong>Not yet.</strong> ${hint} Try again, or show the answer.`);
      if (saved[form.dataset.id] !== true) saved[form.dataset.id] = false;
    }
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
