// review/: the cards notes_build/cards.py writes into the page, scheduled by SM-2 in this browser (localStorage
// "notes-review": {card id: {reps, interval (days), ease, due (ms since 1970)}}). The card shown is the one
// due longest ago; after the due ones come the new ones, in the order of the lessons.
const REVIEW_KEY = "notes-review";
const DAY = 24 * 60 * 60 * 1000;
const AGAIN_DELAY = 60 * 1000;  // a card answered "Again" comes back a minute later, in this session

function reviewState() {
  try { return JSON.parse(localStorage.getItem(REVIEW_KEY) || "{}"); } catch (error) { return {}; }
}

// SM-2 (Wozniak 1990) with Anki's four buttons as qualities 1 (Again), 3 (Hard), 4 (Good), 5 (Easy); the ease
// starts at 2.5, Hard lowers it and Easy raises it. Hard, Good and Easy are apart from the first review on: a new
// card comes back after 1, 3 or 4 days (as Anki's graduating interval, 1 day, and easy interval, 4 days, suggest),
// then after 5, 6 or 8 days (SM-2's 6 days for Good), then after its last interval times its ease, Hard taking
// 0.8 of that and Easy 1.3 times it. Again: back in a minute, and the card starts over.
const FIRST_DAYS = { 2: 1, 3: 3, 4: 4 };
const SECOND_DAYS = 6;
function schedule(card, grade, now) {
  const quality = [0, 1, 3, 4, 5][grade];
  const old = card || { reps: 0, interval: 0, ease: 2.5 };
  const ease = Math.max(1.3, old.ease + 0.1 - (5 - quality) * (0.08 + (5 - quality) * 0.02));
  if (quality < 3) return { reps: 0, interval: 0, ease, due: now + AGAIN_DELAY };
  const reps = old.reps + 1;
  let interval = FIRST_DAYS[grade];
  if (reps > 1) {
    const good = reps === 2 ? SECOND_DAYS : Math.max(2, Math.round(old.interval * ease));
    interval = grade === 2 ? Math.min(good - 1, Math.round(good * 0.8))
      : grade === 4 ? Math.max(good + 1, Math.round(good * 1.3)) : good;
  }
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
