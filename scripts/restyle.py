"""What a page's load costs the browser's main thread, from Chromium's own counters, for one or more builds.

Usage: python scripts/restyle.py PAGE SITE_DIR [SITE_DIR ...] [--loads N]

Serves each SITE_DIR on 127.0.0.1 (as scripts/lighthouse.py does), loads PAGE (a URL path such as
"backprop/") in Debian's Chromium at 390 px N times per build (builds in turn, so that all meet the machine
in the same state), waits until the page's scripts have started (page_scripts.py) and settled, and reads
Chromium's Performance metrics (the DevTools protocol's Performance.getMetrics): how many style
recalculations and layouts the load took (min-max over the loads) and the median time spent in them, in
scripts and in all main-thread tasks. Counts and the relative size of the durations are what to compare;
the durations themselves move with the machine's load.

Used to check what overrides/ earns: build the site with and without an override and pass both builds.
"""

import argparse
import os
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).parent))
from lighthouse import serve  # noqa: E402  (served as GitHub Pages serves the site, gzipped)
from page_scripts import wait_for_scripts  # noqa: E402

CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")  # Debian's, as for scripts/lighthouse.py
METRICS = ("RecalcStyleCount", "RecalcStyleDuration", "LayoutCount", "LayoutDuration", "ScriptDuration", "TaskDuration")


def measure(page_path: str, sites: list[Path], loads: int) -> dict[Path, list[dict]]:
    """{site: [metrics of each load]}."""
    servers = {site: serve(site) for site in sites}
    results = {site: [] for site in sites}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        for _ in range(loads):
            for site in sites:
                context = browser.new_context(viewport={"width": 390, "height": 844})
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Performance.enable")
                page.goto(f"http://127.0.0.1:{servers[site].server_port}/{page_path}")
                wait_for_scripts(page)
                page.wait_for_timeout(800)  # the tasks the scripts' start scheduled
                metrics = cdp.send("Performance.getMetrics")["metrics"]
                results[site].append({m["name"]: m["value"] for m in metrics})
                context.close()
        browser.close()
    for server in servers.values():
        server.shutdown()
    return results


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", help='a URL path, such as "backprop/" ("" for the home page)')
    parser.add_argument("sites", type=Path, nargs="+", help="built sites to compare")
    parser.add_argument("--loads", type=int, default=7, help="loads of the page per site (default 7)")
    args = parser.parse_args(argv)
    if missing := [str(site) for site in args.sites if not (site / args.page / "index.html").is_file()]:
        sys.exit(f"no {args.page}index.html in: {', '.join(missing)} (build the site first)")
    results = measure(args.page, args.sites, args.loads)
    headers = [m.replace("Duration", " ms") for m in METRICS]
    print(f"{'site':30}" + "".join(f"{h:>18}" for h in headers))
    for site, runs in results.items():
        cells = []
        for metric in METRICS:
            values = [run[metric] for run in runs]
            if metric.endswith("Count"):
                cells.append(f"{min(values):.0f}-{max(values):.0f}")
            else:
                cells.append(f"{statistics.median(values) * 1000:.0f}")
        print(f"{str(site)[-30:]:30}" + "".join(f"{c:>18}" for c in cells))


if __name__ == "__main__":
    main()
