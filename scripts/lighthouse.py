"""Lighthouse scores and page weights of a built site, page by page (mobile preset, Lighthouse's default).

Usage: python scripts/lighthouse.py SITE_DIR [PAGE ...] [--runs N] [--against OTHER_SITE_DIR] [--json OUT]

Serves SITE_DIR on 127.0.0.1 as GitHub Pages serves the published site, with gzip for text (HTML, CSS,
JavaScript, JSON, SVG, XML), and runs Lighthouse (npm lighthouse@12.2.3 through `npx --yes`: 13.x needs
Node 22) in Debian's Chromium on every page, or on the given PAGEs (URL paths such as "forward/", "" for
the home page). Prints, per page: the performance, accessibility, best-practices and SEO scores, the
first and largest contentful paints, the total blocking time, the cumulative layout shift, the
uncompressed CSS+JS bytes the page loaded and
its HTML bytes (both from the report's network requests). A value that misses the project's target is
starred. Lighthouse simulates a mid-range phone from a trace taken on this machine, so a score moves by
about 10 points from one run to the next on a busy 2-core machine: with --runs N each page is measured N
times, the table gives the run with the median performance score, and the "range" column the lowest and
highest score of the N runs. "CPU" is Lighthouse's benchmarkIndex for that run (higher is a faster
machine). With --against, another build (of an earlier commit, say) is measured in the same run, page by
page and run by run in turn with SITE_DIR, so that both meet the machine in the same state; a last table
sets the two side by side, with SITE_DIR's total blocking time and largest paint as ratios of the other's.
Needs npx (Node 18+) and /usr/bin/chromium (or CHROME_PATH); the first run downloads Lighthouse.
"""

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

LIGHTHOUSE = "lighthouse@12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# The project's targets: scores (0-100) at least, bytes at most.
TARGETS = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
MAX_CSS_JS, MAX_HTML = 400_000, 150_000
COLUMNS = ("page", "perf", "range", "a11y", "best", "seo", "FCP s", "LCP s", "TBT ms", "CLS", "CSS+JS KB",
           "HTML KB", "CPU")  # fmt: skip
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml")  # what GitHub Pages serves with gzip


class _Server(http.server.SimpleHTTPRequestHandler):
    """A static server that, like GitHub Pages, gzips text for clients that accept it."""

    _gzipped: dict[str, bytes] = {}

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            path = os.path.join(path, "index.html")
        accepts_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts_gzip and path.endswith(COMPRESSED) and os.path.isfile(path)):
            return super().send_head()
        if path not in self._gzipped:
            self._gzipped[path] = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
        body = self._gzipped[path]
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def site_pages(site: Path) -> list[str]:
    """URL paths of the site's pages: "forward/" for forward/index.html, "forward.html" in an offline build."""
    pages = []
    for html in sorted(site.rglob("*.html")):
        rel = html.relative_to(site).as_posix()
        if rel == "404.html":
            continue
        pages.append(rel[: -len("index.html")] if html.name == "index.html" else rel)
    return pages


def summarise(report: dict) -> dict:
    """The figures of one Lighthouse JSON report: scores 0-100, LCP in s, CLS, CSS+JS and HTML bytes."""
    if report.get("runtimeError"):
        raise RuntimeError(f"Lighthouse could not load {report.get('requestedUrl')}: {report['runtimeError']}")
    scores = {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}
    audits = report["audits"]
    requests = audits["network-requests"]["details"]["items"]
    main_url = report.get("finalDisplayedUrl") or report["finalUrl"]
    # resourceSize: the bytes after decompression, what the browser parses; the same as the files served here.
    css_js = sum(r.get("resourceSize", 0) for r in requests if r.get("resourceType") in ("Script", "Stylesheet"))
    html = sum(r.get("resourceSize", 0)
               for r in requests if r.get("resourceType") == "Document" and r["url"] == main_url)  # fmt: skip
    return {
        **scores,
        "fcp_s": audits["first-contentful-paint"]["numericValue"] / 1000,
        "lcp_s": audits["largest-contentful-paint"]["numericValue"] / 1000,
        "tbt_ms": audits["total-blocking-time"]["numericValue"],
        "cls": audits["cumulative-layout-shift"]["numericValue"],
        "css_js_bytes": css_js,
        "html_bytes": html,
        "cpu": report.get("environment", {}).get("benchmarkIndex", 0),
    }


def median_run(runs: list[dict]) -> dict:
    """The run with the median performance score (the lower middle one for an even count), with the range of
    the performance scores over all runs."""
    ranked = sorted(runs, key=lambda row: row["performance"])
    return {**ranked[(len(ranked) - 1) // 2], "perf_range": (ranked[0]["performance"], ranked[-1]["performance"])}


def misses(row: dict) -> set[str]:
    """The keys of `row` that miss the project's targets."""
    missed = {name for name, target in TARGETS.items() if row[name] < target}
    if row["css_js_bytes"] > MAX_CSS_JS:
        missed.add("css_js_bytes")
    if row["html_bytes"] > MAX_HTML:
        missed.add("html_bytes")
    return missed


def run_lighthouse(url: str, chrome: str, timeout: int = 300) -> dict:
    command = ["npx", "--yes", LIGHTHOUSE, url, "--output=json", "--output-path=stdout", "--quiet",
               "--only-categories=" + ",".join(CATEGORIES), "--chrome-flags=--headless=new --no-sandbox"]  # fmt: skip
    result = subprocess.run(
        command, capture_output=True, text=True, timeout=timeout, env={**os.environ, "CHROME_PATH": chrome}
    )
    if result.returncode != 0:
        raise RuntimeError(f"Lighthouse failed on {url} (exit {result.returncode}):\n{result.stderr[-2000:]}")
    return json.loads(result.stdout)


def aligned(lines: list[tuple[str, ...]]) -> list[str]:
    """The lines as columns: the first left-aligned, the others right-aligned."""
    widths = [max(len(line[i]) for line in lines) for i in range(len(lines[0]))]
    return [" ".join(v.ljust(w) if i == 0 else v.rjust(w) for i, (v, w) in enumerate(zip(line, widths, strict=True)))
            for line in lines]  # fmt: skip


def table(rows: dict[str, dict]) -> str:
    def cell(row, key, text):
        return text + ("*" if key in misses(row) else "")

    lines = [COLUMNS]
    for page, row in rows.items():
        lines.append(
            (
                page or "(home)",
                cell(row, "performance", str(row["performance"])),
                "{}-{}".format(*row.get("perf_range", (row["performance"],) * 2)),
                *(cell(row, name, str(row[name])) for name in CATEGORIES[1:]),
                f"{row['fcp_s']:.1f}",
                f"{row['lcp_s']:.1f}",
                f"{row['tbt_ms']:.0f}",
                f"{row['cls']:.3f}",
                cell(row, "css_js_bytes", f"{row['css_js_bytes'] / 1000:.0f}"),
                cell(row, "html_bytes", f"{row['html_bytes'] / 1000:.0f}"),
                f"{row['cpu']:.0f}",
            )
        )
    text = aligned(lines)
    targets = ", ".join(f"{k} >= {v}" for k, v in TARGETS.items())
    text.append(f"* misses a target ({targets}; CSS+JS <= {MAX_CSS_JS // 1000} KB, HTML <= {MAX_HTML // 1000} KB)")
    return "\n".join(text)


def comparison(rows: dict[str, dict], other: dict[str, dict]) -> str:
    """Per page: the other build's figures, then this build's, and this build's TBT and LCP over the other's."""

    def ratio(a, b):
        return f"{a / b:.2f}" if b else "-"

    lines = [("page", "perf", "TBT ms", "x TBT", "LCP s", "x LCP")]
    for page, row in rows.items():
        was = other[page]
        lines.append(
            (
                page or "(home)",
                f"{was['performance']} -> {row['performance']}",
                f"{was['tbt_ms']:.0f} -> {row['tbt_ms']:.0f}",
                ratio(row["tbt_ms"], was["tbt_ms"]),
                f"{was['lcp_s']:.1f} -> {row['lcp_s']:.1f}",
                ratio(row["lcp_s"], was["lcp_s"]),
            )
        )
    return "\n".join(aligned(lines))


def serve(site: Path) -> http.server.ThreadingHTTPServer:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Server, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site folder (mkdocs build -d SITE_DIR)")
    parser.add_argument("pages", nargs="*", help='URL paths such as "forward/" (default: every page)')
    parser.add_argument("--runs", type=int, default=1, help="Lighthouse runs per page; the median is reported")
    parser.add_argument("--against", type=Path, help="another built site, measured in turn with SITE_DIR")
    parser.add_argument("--json", type=Path, help="also write {page: figures} as JSON to this file")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error(f"--runs must be at least 1, not {args.runs}")
    for site in filter(None, (args.site, args.against)):
        if not (site / "index.html").is_file():
            parser.error(f"{site} is not a built site (no index.html): build it with mkdocs build -d {site}")
    chrome = os.environ.get("CHROME_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(chrome).exists():
        parser.error("no Chromium: apt-get install chromium, or set CHROME_PATH")
    if shutil.which("npx") is None:
        parser.error("no npx: install Node.js 18+ and npm (apt-get install npm)")
    pages = args.pages or site_pages(args.site)
    sites = {"site": args.site, **({"against": args.against} if args.against else {})}
    if args.against and (missing := sorted(set(pages) - set(site_pages(args.against)))):
        parser.error(f"{args.against} lacks pages of {args.site}: {missing}")
    servers = {name: serve(site) for name, site in sites.items()}
    bases = {name: f"http://127.0.0.1:{server.server_address[1]}/" for name, server in servers.items()}
    rows = {name: {} for name in sites}
    try:
        for page in pages:
            runs = {name: [] for name in sites}
            for run in range(args.runs):
                for name in sites:  # in turn: both builds meet the machine in the same state
                    label = f"{page or '(home)'} ({run + 1}/{args.runs}{', ' + name if args.against else ''})"
                    print(f"lighthouse {label} ...", file=sys.stderr, flush=True)
                    runs[name].append(summarise(run_lighthouse(bases[name] + page, chrome)))
            for name in sites:
                rows[name][page] = median_run(runs[name])
    except (RuntimeError, subprocess.TimeoutExpired) as error:
        sys.exit(str(error))
    finally:
        for server in servers.values():
            server.shutdown()
    print(table(rows["site"]))
    if args.against:
        print(f"\n{args.against}:\n{table(rows['against'])}\n\n{args.site} against {args.against}:")
        print(comparison(rows["site"], rows["against"]))
    if args.json:
        args.json.write_text(json.dumps(rows if args.against else rows["site"], indent=1) + "\n")


if __name__ == "__main__":
    main()
