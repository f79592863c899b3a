"""When a built page's scripts have started, for Playwright (the browser tests and scripts/screenshots.py).

The theme's bundle and the site's scripts run after the page's first paint (overrides/main.html), which can
be after the load event. They have run for the page once the theme's `document$` has emitted it: the site's
scripts subscribe to it as they load, before this, and `document$` replays its last page to a late
subscriber.
"""

SCRIPTS_STARTED = """() => {
  if (!window.document$) return false;
  if (window.__scriptsStarted === undefined) {
    window.__scriptsStarted = false;
    document$.subscribe(() => { window.__scriptsStarted = true; });
  }
  return window.__scriptsStarted;
}"""


def wait_for_scripts(page):
    """Wait until `page` has loaded and the theme and the site's scripts have started on it."""
    page.wait_for_function("document.readyState === 'complete'")
    page.wait_for_function(SCRIPTS_STARTED)
