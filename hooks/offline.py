"""The offline build (`make offline`: OFFLINE=true, Material's offline plugin) fetches nothing from another host.

To keep search working from file://, the offline plugin runs the search worker in an iframe through the
iframe-worker shim, which it loads from unpkg.com. The zip is read with no network (and the site makes no
third-party request), so this hook swaps that address for the copy served with the site
(docs/assets/javascripts/iframe-worker/, npm iframe-worker 1.0.4). Without OFFLINE it does nothing.
"""

from mkdocs.plugins import event_priority

SHIM = "assets/javascripts/iframe-worker/shim.js"


@event_priority(-50)  # after the offline plugin (priority 0) has added its CDN address
def on_config(config):
    offline = config.plugins.get("material/offline")
    if offline is None or not offline.config.enabled:
        return config
    others = [script for script in config.extra.get("polyfills", []) if "iframe-worker" not in str(script)]
    config.extra["polyfills"] = [*others, SHIM]
    return config
