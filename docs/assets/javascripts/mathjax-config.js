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
    // The menu's Accessibility items (explorer, speech) load a11y/*.js and input/mml.js (served beside
    // tex-svg-full.js) and the speech rule engine's maps, by default from cdn.jsdelivr.net: point those
    // at the site's own copy (English only), so no setting a reader picks reaches another host.
    sre: { json: new URL("mathjax/sre/mathmaps", document.currentScript.src).href },
  },
  svg: { fontCache: "global" },
  startup: {
    pageReady: () => MathJax.startup.defaultPageReady().then(() => window.notesMarkScrollable && window.notesMarkScrollable()),
  },
};

// With navigation.instant, pages are swapped in without a reload: typeset each new page.
document$.subscribe(() => {
  if (window.MathJax && MathJax.typesetPromise) {
    MathJax.typesetClear();
    MathJax.texReset();
    MathJax.typesetPromise().then(() => window.notesMarkScrollable && window.notesMarkScrollable());
  }
});
