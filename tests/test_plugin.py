"""The notes plugin: its stages in one checked order, clear stops when a stage's input is missing, and a
message (not stale code) when the build itself is edited under `mkdocs serve`."""

import importlib.metadata
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from mkdocs.exceptions import PluginError
from notes_build import plugin, project, styles

PACKAGE = Path(plugin.__file__).parent


def stage(name, after=()):
    return SimpleNamespace(__name__=f"notes_build.{name}", AFTER=after)


def test_the_plugin_is_registered_through_its_entry_point():
    (entry,) = [e for e in importlib.metadata.entry_points(group="mkdocs.plugins") if e.name == "notes"]
    assert entry.load() is plugin.NotesPlugin


def test_a_stage_before_the_stage_it_reads_stops_the_build_naming_both():
    plugin.check_order([stage("execute"), stage("notebook_html", ("execute",))])  # in order: fine
    with pytest.raises(PluginError, match=r"stage notebook_html reads execute's output, but execute comes after it"):
        plugin.check_order([stage("notebook_html", ("execute",)), stage("execute")])
    with pytest.raises(PluginError, match=r"reads styles's output, but styles is missing"):
        plugin.check_order([stage("minify", ("styles",))])


def test_every_module_is_a_stage_or_used_by_one_and_each_is_small():
    """No dead module: each is a stage or imported by another module of the package. None over 250 lines."""
    stages = {s.__name__.rsplit(".", 1)[-1] for s in plugin.STAGES}
    sources = {p.stem: p.read_text() for p in PACKAGE.glob("*.py")}
    imported = {
        name
        for text in sources.values()
        for name in sources
        if re.search(rf"^from \.{name} import|^from \. import [\w, ]*\b{name}\b", text, re.M)
    }
    unused = set(sources) - stages - imported - {"__init__", "plugin"}
    assert not unused, f"neither a stage nor imported by one: {sorted(unused)}"
    long = {name: n for name, text in sources.items() if (n := len(text.splitlines())) > 250}
    assert not long, long


def test_the_styles_stage_stops_when_the_notebook_css_is_missing(tmp_path):
    config = {"site_dir": str(tmp_path / "site"), "config_file_path": str(tmp_path / "mkdocs.yml")}
    build = plugin.Build("build", {})
    styles.on_pre_build(config, build)
    with pytest.raises(PluginError, match=r"jupyter.css is not in the site: the notebook_html stage writes it first"):
        styles.on_post_build(config, build)


def test_an_edited_build_module_under_serve_asks_for_a_restart(monkeypatch):
    notes = plugin.NotesPlugin()
    module = PACKAGE / "compact.py"
    monkeypatch.setitem(plugin._LOADED, module, module.stat().st_mtime - 10)  # as if edited since it was loaded
    with pytest.raises(PluginError, match=r"compact.py changed since `mkdocs serve` started.*make serve"):
        notes.on_config(SimpleNamespace())


def test_the_offline_option_must_agree_with_the_offline_plugin():
    notes = plugin.NotesPlugin()
    notes.load_config({"offline": True})
    config = SimpleNamespace(plugins={})  # Material's offline plugin not there
    with pytest.raises(PluginError, match="offline option and Material's offline plugin must agree"):
        notes.on_config(config)
    assert project.offline_build(config) is False


def test_a_dirty_build_is_refused_in_one_line():
    """`--dirty` renders only the changed pages, while the cut stylesheet, the cheat sheet and print/ need all."""
    with pytest.raises(PluginError, match=r"--dirty builds are not supported: build or serve without it"):
        plugin.NotesPlugin().on_startup(command="serve", dirty=True)
