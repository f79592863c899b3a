"""Time the author's loop on a fresh copy of the project: builds, edits, and the live-reloading server.

Usage: python scripts/site_timings.py [--json] [--no-serve] [--against OTHER_CHECKOUT]

With --against (say, a `git worktree add ../before HEAD~3`), every step runs on a copy of that checkout and
then on this one, in one run, and the report has a column for each.

Steps, in order, each on the caches the previous steps left:

- cold: `mkdocs build` with empty caches (every page executed);
- unchanged: the same build again;
- page text: a sentence added to a Markdown cell of one notebook page (docs/loss.py), then a build;
- plots comment: a comment added to snippets/course/plots.py, then a build (its pages re-execute; no retraining);
- serve plots comment / serve page text / serve unchanged (unless --no-serve): `mkdocs serve` running, the
  same kind of edits (and a page saved with its text unchanged), timed from the file write until the
  server logs "Reloading browsers" (the rebuilt page is served). This is the author's loop: the server
  has its libraries loaded, where each `mkdocs build` above starts a new Python (about 1.5 s of imports).

Targets on the project's 2-core machine: cold <= 30 s, unchanged <= 2 s, page text <= 5 s, plots.py
comment (rebuilt and reloaded) <= 15 s. Also reports which pages each step executed, the largest page's
HTML size, and the number of executed pages and figures. The numbers depend on the machine's load:
report it with them (the output includes the load average).
"""

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from site_project import ROOT, copy_project, site_build  # noqa: E402

EXECUTED = re.compile(r"executed (docs/\S+) in")


def build(project: Path, site: Path) -> tuple[float, list[str]]:
    """Seconds for a strict build, and the pages it executed."""
    start = time.perf_counter()
    result = site_build(project, site)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"build failed:\n{result.stderr[-3000:]}")
    return elapsed, EXECUTED.findall(result.stderr + result.stdout)


def edit_page(project: Path, words: str) -> None:
    """A text edit an author makes: a sentence appended to the first Markdown cell of docs/loss.py."""
    page = project / "docs" / "loss.py"
    text = page.read_text()
    first_code = text.index("\n# %%", text.index("# %% [markdown]") + 1)
    page.write_text(text[:first_code] + f"\n# {words}" + text[first_code:])


def edit_plots(project: Path, words: str) -> None:
    module = project / "snippets" / "plots.py"
    module.write_text(module.read_text() + f"\n# {words}\n")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`properdocs serve` of the project, its log in a file, to time edits from write to reload."""

    def __init__(self, project: Path, log: Path):
        self.log = log
        env = {**os.environ, "NBCONVERT_DISABLE_CONFIG_EXPORTERS": "1"}
        command = [sys.executable, "-m", "properdocs", "serve", "-f", "mkdocs.yml", "-a", f"127.0.0.1:{free_port()}"]
        self.process = subprocess.Popen(
            command,
            cwd=project,
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # stop it as Ctrl-C does
        )
        self.wait_for("Serving on", count=1)

    def wait_for(self, text: str, count: int, timeout: float = 600) -> list[str]:
        """Wait until `text` appears `count` times in the log; returns the log's lines."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            lines = self.log.read_text().splitlines()
            if sum(text in line for line in lines) >= count:
                return lines
            if self.process.poll() is not None:
                sys.exit(f"mkdocs serve exited:\n{self.log.read_text()[-3000:]}")
            time.sleep(0.1)
        sys.exit(f"timed out waiting for {text!r}:\n{self.log.read_text()[-3000:]}")

    def time_edit(self, edit) -> tuple[float, list[str]]:
        """Seconds from an edit to the server's next reload, and the pages the rebuild executed."""
        before = self.log.read_text().count("Reloading browsers")
        start_line = len(self.log.read_text().splitlines())
        start = time.perf_counter()
        edit()
        lines = self.wait_for("Reloading browsers", count=before + 1)
        return time.perf_counter() - start, EXECUTED.findall("\n".join(lines[start_line:]))

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGINT)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def time_project(root: Path, tmp: Path, serve: bool) -> Iterator[tuple[str, float, list[str]]]:
    """The steps on a fresh copy of the project at `root`, one at a time: (name, seconds, pages executed)."""
    project = copy_project(tmp / "project", root=root)
    site = tmp / "site"
    yield ("cold_build_s", *build(project, site))
    yield ("unchanged_rebuild_s", *build(project, site))
    edit_page(project, "A sentence added to time a text edit.")
    yield ("page_text_edit_rebuild_s", *build(project, site))
    edit_plots(project, "a comment added to time a plots.py edit")
    yield ("plots_comment_rebuild_s", *build(project, site))
    pages = list(site.rglob("index.html"))
    largest = max(pages, key=lambda p: p.stat().st_size)
    yield ("largest_page_kb", round(largest.stat().st_size / 1000, 1), [largest.relative_to(site).as_posix()])
    if not serve:
        return
    server = Server(project, tmp / "serve.log")
    try:
        yield ("serve_plots_comment_reload_s", *server.time_edit(lambda: edit_plots(project, "another comment")))
        yield ("serve_page_text_reload_s", *server.time_edit(lambda: edit_page(project, "Another sentence.")))
        page = project / "docs" / "loss.py"
        yield ("serve_unchanged_reload_s", *server.time_edit(lambda: page.write_text(page.read_text())))
    finally:
        server.stop()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--no-serve", action="store_true", help="skip the steps under mkdocs serve")
    parser.add_argument("--against", type=Path, help="another checkout (an earlier commit): each step is timed on "
                        "it first, then on this one, so that both see the same machine load")  # fmt: skip
    args = parser.parse_args(argv)
    roots = {"this": ROOT} if args.against is None else {"against": args.against.resolve(), "this": ROOT}
    report = {"cpus": os.cpu_count(), "load_average_1min_before": round(os.getloadavg()[0], 1)}
    with tempfile.TemporaryDirectory() as tmp:
        runs = {name: time_project(root, Path(tmp) / name, not args.no_serve) for name, root in roots.items()}
        results = {name: {} for name in roots}
        for steps in zip(*runs.values(), strict=True):
            for name, (step, value, pages) in zip(runs, steps, strict=True):
                results[name][step] = (round(value, 1), pages)
    report["load_average_1min_after"] = round(os.getloadavg()[0], 1)
    if args.json:
        print(json.dumps({**report, **results}))
        return
    for key, value in report.items():
        print(f"{key:32} {value}")
    print(f"{'step':32} " + " ".join(f"{name:>10}" for name in roots))
    for step in results["this"]:
        print(f"{step:32} " + " ".join(f"{results[name][step][0]:>10}" for name in roots))
    for name in roots:
        for step, (_, pages) in results[name].items():
            print(f"{name}, executed ({step}): {len(pages)} page(s) {' '.join(pages)}")


if __name__ == "__main__":
    main()
