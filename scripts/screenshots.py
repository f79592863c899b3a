"""Screenshots of built pages, as a reader sees them: at 390 px (a phone) and 1280 px, in slices.

Usage: python scripts/screenshots.py SITE_DIR OUT_DIR [PAGE ...] [--widths 390,1280] [--dark] [--pdf]

PAGE is a URL path such as "forward/" ("" for the home page; default: every page). Each page is
saved as OUT_DIR/<page>-<width>-<k>.png slices of one screen height (2 screens at most per slice),
so that an image viewer shows them at their real size; --pdf also prints each page to A4 PDF.
"""

import argparse
import functools
import http.server
import threading
from pathlib import Path

from page_scripts import wait_for_scripts
from playwright.sync_api import sync_playwright


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("pages", nargs="*")
    parser.add_argument("--widths", default="390,1280")
    parser.add_argument("--dark", action="store_true", help="prefer the dark colour scheme")
    parser.add_argument("--pdf", action="store_true", help="also print each page to A4 PDF")
    args = parser.parse_args(argv)
    pages = args.pages or sorted(
        "" if p.parent == args.site else p.parent.relative_to(args.site).as_posix() + "/"
        for p in args.site.rglob("index.html")
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(args.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    args.out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        for width in (int(w) for w in args.widths.split(",")):
            height = 844 if width < 600 else 900
            context = browser.new_context(
                viewport={"width": width, "height": height}, color_scheme="dark" if args.dark else "light"
            )
            page = context.new_page()
            for path in pages:
                page.goto(base + path, wait_until="networkidle")
                wait_for_scripts(page)
                page.evaluate("async () => { await document.fonts.ready; }")
                total = page.evaluate("() => document.documentElement.scrollHeight")
                name = (path.strip("/") or "index").replace("/", "_")
                for k, top in enumerate(range(0, total, 2 * height)):
                    clip = {"x": 0, "y": top, "width": width, "height": min(2 * height, total - top)}
                    page.screenshot(path=args.out / f"{name}-{width}-{k}.png", full_page=True, clip=clip)
                if args.pdf and width == max(int(w) for w in args.widths.split(",")):
                    page.emulate_media(media="print")
                    page.pdf(path=args.out / f"{name}.pdf", format="A4", print_background=True)
                    page.emulate_media(media="screen")
            context.close()
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
