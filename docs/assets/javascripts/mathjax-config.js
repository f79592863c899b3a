// MathJax 3 configuration, loaded before the site's own copy of MathJax (no CDN).
// Markdown pages: pymdownx.arithmatex wraps math as \( \) and \[ \] in .arithmatex elements.
// Notebook pages: math stays as $ $ and $$ $$ inside .jp-RenderedMarkdown cells.
// Typesetting is limited to those two kinds of element, so dollar signs elsewhere stay text.
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"], ["$", "$"]],
    displayMath: [["\\[", "\\]"], ["$$", "$$"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    ignoreHtmlClass: ".*|",
    processHtmlClass: "arithmatex|jp-RenderedMarkdown",
  },
  svg: { fontCache: "global" },
};

// With navigation.instant, pages are swapped in without a reload: typeset each new page.
document$.subscribe(() => {
  if (window.MathJax && MathJax.typesetPromise) {
    MathJax.startup.output.clearCache();
    MathJax.typesetClear();
    MathJax.texReset();
    MathJax.typesetPromise();
  }
});
