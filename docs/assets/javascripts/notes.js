// Regions that scroll sideways (code, wide tables, program output) must be reachable by keyboard
// (WCAG 2.1.1, axe scrollable-region-focusable): give each one that overflows a tab stop and a name.
document$.subscribe(() => {
  const selector = ".md-content pre, .md-content .md-typeset__scrollwrap, .md-content .md-typeset__table, " +
    ".md-content table, .md-content .jp-OutputArea-output";
  for (const element of document.querySelectorAll(selector)) {
    if (element.scrollWidth > element.clientWidth && !element.hasAttribute("tabindex")) {
      element.setAttribute("tabindex", "0");
      if (!element.hasAttribute("aria-label")) element.setAttribute("aria-label", "scrollable region");
    }
  }
});
