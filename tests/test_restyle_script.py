"""scripts/restyle.py: Chromium's counters for a page's load, read from the built site; a missing build is named."""

import sys
from pathlib import Path

import pytest
from chromium import MARKS

sys.path.insert(0, str(Path(__file__).parents[1] / "scripts"))
import restyle  # noqa: E402


def test_a_site_without_the_page_is_named(tmp_path, capsys):
    """A build that lacks the page stops the script before any browser starts, naming the folder."""
    with pytest.raises(SystemExit, match=f"no loss/index.html in: {tmp_path}"):
        restyle.main(["loss/", str(tmp_path)])


@MARKS[0]
@MARKS[1]
def test_a_load_of_a_built_page_reports_its_style_and_layout_work(built_site, capsys):
    """A lesson page's load restyles and lays out the page at least once and runs script; one row per site."""
    results = restyle.measure("loss/", [built_site], loads=1)
    (run,) = results[built_site]
    assert run["RecalcStyleCount"] >= 1 and run["LayoutCount"] >= 1
    assert run["ScriptDuration"] > 0 and run["TaskDuration"] >= run["ScriptDuration"]
    restyle.main(["loss/", str(built_site), "--loads", "1"])
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].split()[:2] == ["site", "RecalcStyleCount"] and len(rows) == 2
