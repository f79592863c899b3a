"""scripts/lighthouse.py without Lighthouse: the pages it finds, the figures it reads from a report, bad input."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "scripts"))
import lighthouse  # noqa: E402


def report(url="http://127.0.0.1:1/forward/", **overrides):
    """A Lighthouse 12 JSON report cut to the fields the script reads."""
    requests = [
        {"url": url, "resourceType": "Document", "resourceSize": 60_000},
        {"url": "http://127.0.0.1:1/404.html", "resourceType": "Document", "resourceSize": 9_000},  # an iframe
        {"url": "http://127.0.0.1:1/a.js", "resourceType": "Script", "resourceSize": 300_000},
        {"url": "http://127.0.0.1:1/a.css", "resourceType": "Stylesheet", "resourceSize": 150_000},
        {"url": "http://127.0.0.1:1/f.png", "resourceType": "Image", "resourceSize": 80_000},
    ]
    data = {
        "requestedUrl": url,
        "finalDisplayedUrl": url,
        "environment": {"benchmarkIndex": 1612.5},
        "categories": {name: {"score": 1.0} for name in lighthouse.CATEGORIES} | {"performance": {"score": 0.374}},
        "audits": {
            "network-requests": {"details": {"items": requests}},
            "first-contentful-paint": {"numericValue": 1512.0},
            "largest-contentful-paint": {"numericValue": 5476.2},
            "total-blocking-time": {"numericValue": 640.4},
            "cumulative-layout-shift": {"numericValue": 0.011},
        },
    }
    return data | overrides


def test_summarise_reads_scores_timings_and_page_bytes():
    """Scores in 0-100, LCP in seconds, CSS+JS from scripts and stylesheets, HTML from the page's own document."""
    row = lighthouse.summarise(report())
    assert row == {"performance": 37, "accessibility": 100, "best-practices": 100, "seo": 100,
                   "fcp_s": pytest.approx(1.512), "lcp_s": pytest.approx(5.4762), "tbt_ms": 640.4, "cls": 0.011,
                   "css_js_bytes": 450_000, "html_bytes": 60_000, "cpu": 1612.5}  # fmt: skip
    assert lighthouse.misses(row) == {"performance", "css_js_bytes"}


def test_summarise_names_a_page_lighthouse_could_not_load():
    """A report with a runtimeError raises, naming the page and the error."""
    with pytest.raises(RuntimeError, match="forward/.*NO_FCP"):
        lighthouse.summarise(report(runtimeError={"code": "NO_FCP", "message": "no paint"}))


def test_site_pages_in_both_layouts(tmp_path):
    """Directory URLs give "forward/", the offline build's files "forward.html"; 404.html is left out."""
    for name in ("index.html", "forward/index.html", "404.html", "loss.html"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("<html></html>")
    assert lighthouse.site_pages(tmp_path) == ["forward/", "", "loss.html"]


def test_table_stars_the_misses():
    """The printed table stars each figure that misses its target, and only those."""
    text = lighthouse.table({"forward/": lighthouse.summarise(report())})
    row = text.splitlines()[1].split()
    assert row == ["forward/", "37*", "37-37", "100", "100", "100", "1.5", "5.5", "640", "0.011", "450*", "60", "1612"]


def test_main_rejects_a_folder_that_is_not_a_site(tmp_path, capsys):
    """A folder with no index.html stops with a message saying how to build the site."""
    with pytest.raises(SystemExit):
        lighthouse.main([str(tmp_path)])
    assert "not a built site" in capsys.readouterr().err


def test_median_run_reports_the_middle_score_and_the_range():
    """Of several runs the one with the median performance is reported, with the lowest and highest scores."""
    runs = [lighthouse.summarise(report()) | {"performance": score, "tbt_ms": score} for score in (91, 72, 96)]
    row = lighthouse.median_run(runs)
    assert row["performance"] == 91 and row["tbt_ms"] == 91 and row["perf_range"] == (72, 96)
    assert lighthouse.median_run(runs[:2])["performance"] == 72  # even count: the lower middle run


def test_server_gzips_text_like_github_pages(tmp_path):
    """The measuring server gzips HTML, CSS and JavaScript for a client that accepts it, and nothing else."""
    import functools
    import gzip
    import http.server
    import threading
    import urllib.request

    (tmp_path / "forward").mkdir()
    (tmp_path / "forward" / "index.html").write_text("<p>" + "x" * 5000)
    (tmp_path / "a.css").write_text("p{}" * 1000)
    (tmp_path / "f.png").write_bytes(b"\x89PNG" + bytes(100))
    handler = functools.partial(lighthouse._Server, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"

    def get(path, encoding):
        request = urllib.request.Request(base + path, headers={"Accept-Encoding": encoding} if encoding else {})
        with urllib.request.urlopen(request) as response:
            return response.headers.get("Content-Encoding"), response.read()

    try:
        for path, body in (("forward/", b"<p>" + b"x" * 5000), ("a.css", b"p{}" * 1000)):
            encoding, data = get(path, "gzip, deflate")
            assert encoding == "gzip" and gzip.decompress(data) == body and len(data) < len(body) / 10
            assert get(path, None) == (None, body)
        assert get("f.png", "gzip")[0] is None
    finally:
        server.shutdown()


def test_main_rejects_zero_runs(tmp_path, capsys):
    """--runs 0 stops with a message naming the option."""
    (tmp_path / "index.html").write_text("<html></html>")
    with pytest.raises(SystemExit):
        lighthouse.main([str(tmp_path), "--runs", "0"])
    assert "--runs must be at least 1" in capsys.readouterr().err


def test_comparison_gives_both_builds_and_the_ratios():
    """--against: per page the other build's figures, then this build's, and the TBT and LCP ratios."""
    was = {"forward/": lighthouse.summarise(report())}
    now = {"forward/": was["forward/"] | {"performance": 95, "tbt_ms": 160.1, "lcp_s": 1.37}}
    row = lighthouse.comparison(now, was).splitlines()[1].split()
    assert row == ["forward/", "37", "->", "95", "640", "->", "160", "0.25", "5.5", "->", "1.4", "0.25"]


def test_main_rejects_an_other_build_that_is_not_a_site(tmp_path, capsys):
    """--against a folder with no index.html stops with the same message as for SITE_DIR."""
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "index.html").write_text("<html></html>")
    with pytest.raises(SystemExit):
        lighthouse.main([str(tmp_path / "site"), "--against", str(tmp_path / "old")])
    assert "old is not a built site" in capsys.readouterr().err
