# %% [markdown]
# # Mock exam
#
# <p class="notes-screen-only"><strong>Aim:</strong> find what to revise, as a test would: one question from each
# lesson, drawn at random, and nothing graded until you submit. Then you get one score, each answer's verdict with a
# hint and the answer, and your results by lesson, with links to the lessons to revise first.</p>
#
# <p class="notes-screen-only"><kbd>Enter</kbd> in an answer box moves to the next question. The timer is off unless
# you tick it; when the time is up you can still submit, and the result says how long you took. Past scores stay in
# this browser. Printed, this is a paper exam with its key on the last page. For a check after each answer, use each
# lesson's Practice section.</p>
#
# <script>
# // exam.js, on this page only, from beside practice.js once that has run: the site's scripts start after the first
# // paint, and DOMContentLoaded comes again once they have (overrides/main.html). After an instant navigation back
# // here the theme runs this again, and exam.js, already loaded, sets the page up itself.
# (() => {
#   const load = () => {
#     if (!window.notesPractice || window.notesExamLoading) return;
#     window.notesExamLoading = true;
#     const practice = document.querySelector('script[src*="javascripts/practice.js"]');
#     const src = practice.src.replace("practice.js", "exam.js");
#     document.head.append(Object.assign(document.createElement("script"), { src }));
#   };
#   load();
#   document.addEventListener("DOMContentLoaded", load);
# })();
# </script>

# %% tags=["hide-input"]
from snippets.practice import exam

exam.paper()
