// review/: the cards notes_build/cards.py writes into the page, scheduled by SM-2 in this browser (localStorage
// "notes-review": {card id: {reps, interval (days), ease, due (ms since 1970)}}). The card shown is the one
// due longest ago; after the due ones come the new ones, in the order of the lessons.
const REVIEW_KEY = "notes-review";
const DAY = 24 * 60 * 60 * 1000;
const AGAIN_DELAY = 60 * 1000;  // a card answered "Again" comes back a minute later, in this session

function reviewState() {
  try { return JSON.parse(localStorage.getItem(REVIEW_KEY) || "{}"); } catch (error) { return {}; }
}

// SM-2 (Wozniak 1990) with Anki's four buttons as qualities 1 (Again), 3 (Hard), 4 (Good), 5 (Easy).
function schedule(card, grade, now) {
  const quality = [0, 1, 3, 4, 5][grade];
  const old = card || { reps: 0, interval: 0, ease: 2.5 };
  const ease = Math.max(1.3, old.ease + 0.1 - (5 - quality) * (0.08 + (5 - quality) * 0.02));
  if (quality < 3) return { reps: 0, interval: 0, ease, due: now + AGAIN_DELAY };
  const reps = old.reps + 1;
  let interval = reps === 1 ? 1 : reps === 2 ? 6 : Math.round(old.interval * ease);
  if (quality === 3) interval = Math.max(1, Math.round(interval * 0.8));
  if (quality === 5) interval = Math.round(interval * 1.3) || 1;
  return { reps, interval, ease, due: now + interval * DAY };
}

// The cards, typeset at build, come from cards.json beside the page (notes_build/cards.py), not in its HTML.
function setUpReview() {
  const root = document.querySelector(".review:not([data-ready])");
  if (!root) return;
  root.dataset.ready = "";
  const status = document.querySelector(".review-status");
  status.textContent = "Loading the cards…";
  notesFetchJSON(new URL(root.dataset.src, location.href)).then((deck) => {
    for (const card of deck) {
      const article = Object.assign(document.createElement("article"), { className: "review-card", hidden: true });
      article.dataset.id = card.id;
      article.innerHTML = card.html;  // the site's own markup, written at build
      root.append(article);
    }
    startReview(root, [...root.querySelectorAll(".review-card")]);
  }).catch((error) => { status.textContent = `The cards could not be loaded (${error.message}).`; });
}

function startReview(root, cards) {
  const status = document.querySelector(".review-status");
  const show = document.querySelector(".review-show");
  const grades = document.querySelector(".review-grades");
  let current = null;
  const next = () => {
    const state = reviewState(), now = Date.now();
    const due = cards.filter((c) => state[c.dataset.id] && state[c.dataset.id].due <= now)
      .sort((a, b) => state[a.dataset.id].due - state[b.dataset.id].due);
    const fresh = cards.filter((c) => !state[c.dataset.id]);
    if (current) current.hidden = true;
    current = due[0] || fresh[0] || null;
    const later = cards.length - due.length - fresh.length;
    status.textContent = `${due.length} due, ${fresh.length} new, ${later} scheduled later.`;
    grades.hidden = true;
    if (!current) {
      show.hidden = true;
      const soonest = Math.min(...cards.map((c) => state[c.dataset.id].due));
      status.textContent += ` Nothing is due now: the next card is due ${new Date(soonest).toLocaleString()}.`;
      return;
    }
    current.hidden = false;
    current.querySelector(".review-back").hidden = true;
    show.hidden = false;
  };
  const reveal = () => {
    if (!current) return;
    current.querySelector(".review-back").hidden = false;
    show.hidden = true;
    grades.hidden = false;
    grades.querySelector("[data-grade='3']").focus();
  };
  const grade = (value) => {
    if (!current || grades.hidden) return;
    const state = reviewState();
    state[current.dataset.id] = schedule(state[current.dataset.id], value, Date.now());
    try { localStorage.setItem(REVIEW_KEY, JSON.stringify(state)); } catch (error) { /* private mode */ }
    next();
    show.focus();
  };
  show.addEventListener("click", reveal);
  for (const button of grades.querySelectorAll("button")) {
    button.addEventListener("click", () => grade(Number(button.dataset.grade)));
  }
  document.querySelector(".review-reset").addEventListener("click", () => {
    try { localStorage.removeItem(REVIEW_KEY); } catch (error) { /* private mode */ }
    next();
  });
  document.addEventListener("keydown", (event) => {
    if (!document.body.contains(root) || event.target.closest("input, textarea, select, [contenteditable]")) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === " " && !show.hidden) { event.preventDefault(); reveal(); }
    else if (["1", "2", "3", "4"].includes(event.key)) grade(Number(event.key));
  });
  next();
}

document$.subscribe(setUpReview);
