// MathJax 3 configuration, loaded before the site's own copy of MathJax (no CDN).
// Markdown pages: pymdownx.arithmatex wraps math as \( \) and \[ \] in .arithmatex elements.
// Notebook pages: math stays as $ $ and $$ $$ inside .jp-RenderedMarkdown cells.
// Code (pre, code) is never typeset. MathJax's usual ignoreHtmlClass ".*|" trick cannot be used:
// it would also skip the <p> children of the notebook cells, where the math sits.
window.MathJax = {
  tex: {
    inlineMath: [["\\(", "\\)"], ["$", "$"]],
    displayMath: [["\\[", "\\]"], ["$$", "$$"]],
    processEscapes: true,
    processEnvironments: true,
  },
  options: {
    ignoreHtmlClass: "md-nav|md-header|md-footer|md-search|tex2jax_ignore",
  },
  svg: { fontCache: "global" },
};

// With navigation.instant, pages are swapped in without a reload: typeset each new page.
document$.subscribe(() => {
  if (window.MathJax && MathJax.typesetPromise) {
    MathJax.typesetClear();
    MathJax.texReset();
    MathJax.typesetPromise();
  }
});
