"""The offline build (`make offline`: OFFLINE=true, Material's offline plugin) fetches nothing from another host.

To keep search working from file://, the offline plugin runs the search worker in an iframe through the
iframe-worker shim, which it loads from unpkg.com. The zip is read with no network (and the site makes no
third-party request), so this stage swaps that address for the copy served with the site
(docs/assets/javascripts/iframe-worker/, npm iframe-worker 1.0.4).

It also turns instant navigation off for that build. From file:// the theme does no instant navigation, and
(Material 9.8.1, pinned in pyproject.toml) what it subscribes its `document$` to then completes at once, so
`document$` never emits the page: the content's components (code copy buttons, the table of contents, the
sidebars) and the site's scripts, which start on `document$`, never ran from the unzipped folder. Without the
feature, links load pages as they did, and `document$` emits each one. (notes_build/exports.py writes the
interactive pages' data as scripts for that build.) Without OFFLINE the stage does nothing. Its on_config runs
after the offline plugin's (the notes plugin's events are late), once that has added its CDN address.
"""

from .project import offline_build

SHIM = "assets/javascripts/iframe-worker/shim.js"


def on_config(config):
    if not offline_build(config):
        return config
    others = [script for script in config.extra.get("polyfills", []) if "iframe-worker" not in str(script)]
    config.extra["polyfills"] = [*others, SHIM]
    config.theme["features"] = [name for name in config.theme.get("features", []) if name != "navigation.instant"]
    return config
