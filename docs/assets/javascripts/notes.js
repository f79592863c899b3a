// Regions that scroll sideways (code, wide tables, program output, display math) must be reachable by
// keyboard (WCAG 2.1.1, axe scrollable-region-focusable): give each one that overflows a tab stop and a name.
window.notesMarkScrollable = () => {
  const selector = ".md-content pre, .md-content .md-typeset__scrollwrap, .md-content .md-typeset__table, " +
    ".md-content table, .md-content .jp-OutputArea-output, .md-content .notes-figure-box, " +
    ".md-content .notes-math, .md-content .notes-cell";
  // Every read before any write, so that the page is laid out once, not once per box. A box in a closed fold
  // is skipped: reading its width would lay the fold out, and the fold's toggle (below) marks it when opened.
  const boxes = [...document.querySelectorAll(selector)]
    .filter((element) => !element.hasAttribute("tabindex") && !element.closest("details:not([open])"));
  for (const element of boxes.filter((box) => box.scrollWidth > box.clientWidth + 1)) {
    element.setAttribute("tabindex", "0");
    if (!element.hasAttribute("aria-label")) element.setAttribute("aria-label", "scrollable region");
    // A name needs a role that takes one (ARIA prohibits aria-label on a plain span or div): "group", not
    // "region", which would add a landmark per box; a table keeps its own role.
    if (element.tagName !== "TABLE" && !element.hasAttribute("role")) element.setAttribute("role", "group");
  }
};

// The interactive pages' data (digit-net.json, learning-rates.json ...), parsed. From file:// (the offline zip)
// a page may not fetch a file, so there each is read from the script the offline build writes beside it
// (NAME.json.js, notes_build/exports.py), which hands its data to window.notesJSON.
window.notesJSON = (script, data) => script.resolveJSON(data);
window.notesFetchJSON = (url) => {
  if (location.protocol !== "file:") {
    return fetch(url).then((response) => {
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return response.json();
    });
  }
  return new Promise((resolve, reject) => {
    const script = Object.assign(document.createElement("script"), { src: `${url}.js`, resolveJSON: resolve });
    // A script runs before its load event: if it did not hand over its data by then, it holds none.
    script.addEventListener("load", () => { script.remove(); reject(new Error(`${script.src} holds no data`)); });
    script.addEventListener("error", () => { script.remove(); reject(new Error(`${script.src} not found`)); });
    document.head.append(script);
  });
};

// The revision checklist: ticks persist in this browser (localStorage), with a progress count and a reset.
const CHECKLIST_KEY = "notes-checklist";

function setUpChecklist() {
  const boxes = [...document.querySelectorAll(".md-content .task-list-item input[type=checkbox]")];
  // The checklist page holds an empty .checklist-progress where the count goes, so filling it moves
  // nothing (no layout shift); a page without one gets it before its list.
  let progress = document.querySelector(".checklist-progress");
  if (!boxes.length || (progress && "ready" in progress.dataset)) return;
  let saved = {};
  try { saved = JSON.parse(localStorage.getItem(CHECKLIST_KEY) || "{}"); } catch (error) { saved = {}; }
  // An item's key is its own text: not the practice questions' count practice.js writes beside it.
  const keyOf = (box) => {
    const item = box.closest("li").cloneNode(true);
    for (const count of item.querySelectorAll(".checklist-questions")) count.remove();
    return item.textContent.trim().replace(/\s+/g, " ").slice(0, 80);
  };
  if (!progress) {
    progress = document.createElement("div");
    progress.className = "checklist-progress";
    boxes[0].closest("ul").before(progress);
  }
  progress.dataset.ready = "";
  progress.innerHTML = '<span role="status" aria-live="polite"></span><button type="button">Reset</button>';
  const status = progress.querySelector("span");
  const update = () => {
    const ticked = boxes.filter((box) => box.checked).length;
    status.textContent = `${ticked} of ${boxes.length} ticked`;
  };
  for (const box of boxes) {
    box.disabled = false;
    box.checked = Boolean(saved[keyOf(box)]);
    box.setAttribute("aria-label", keyOf(box));
    box.addEventListener("change", () => {
      saved[keyOf(box)] = box.checked;
      try { localStorage.setItem(CHECKLIST_KEY, JSON.stringify(saved)); } catch (error) { /* private mode */ }
      update();
    });
    // A click (or tap) on the item's text ticks it too, not only one on the small box: the box's <label> holds
    // the box alone. A click on a link follows the link, and one inside the label is the label's already; a
    // click that ends a text selection selects. By keyboard, the box is still the one tab stop (Space ticks it).
    const item = box.closest("li");
    item.classList.add("checklist-item");
    item.addEventListener("click", (event) => {
      if (event.target.closest("a, label, input, button, summary")) return;
      if (event.target.closest("li") !== item) return;  // an item of a list nested in this one
      if (!getSelection().isCollapsed) return;
      box.click();  // toggles the box and sends its change event, as a click on it does
    });
  }
  progress.querySelector("button").addEventListener("click", () => {
    saved = {};
    try { localStorage.removeItem(CHECKLIST_KEY); } catch (error) { /* private mode */ }
    for (const box of boxes) box.checked = false;
    update();
  });
  update();
}

// "Print / save as PDF" buttons (cheat sheet, print/): the browser's print dialog, which also saves PDFs.
function setUpPrintButtons() {
  for (const button of document.querySelectorAll(".notes-print-button:not([data-ready])")) {
    button.dataset.ready = "";
    button.addEventListener("click", () => window.print());
  }
}

document$.subscribe(() => {
  window.notesMarkScrollable();
  setUpChecklist();
  setUpPrintButtons();
});

// A fold (notes_build/folds.py) lays out its boxes only when opened: those that overflow then get their tab stops.
// toggle does not bubble: listened to on the way down.
document.addEventListener("toggle", (event) => {
  if (event.target instanceof HTMLDetailsElement && event.target.open) window.notesMarkScrollable();
}, true);

// Printing shows what every fold holds: open each closed <details> for the print, then close it again (browsers
// without the ::details-content selector would otherwise print the summaries alone). A self-check question
// stays folded: on paper too, its answer is for after the reader has tried.
window.addEventListener("beforeprint", () => {
  for (const details of document.querySelectorAll(".md-content details:not([open]):not(.question)")) {
    details.setAttribute("open", "");
    details.dataset.openedForPrint = "";
  }
});
window.addEventListener("afterprint", () => {
  for (const details of document.querySelectorAll(".md-content details[data-opened-for-print]")) {
    details.removeAttribute("open");
    delete details.dataset.openedForPrint;
  }
});
