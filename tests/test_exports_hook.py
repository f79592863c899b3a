"""notes_build/exports.py: the interactive pages' data files land where their pages' relative links find them."""

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from notes_build import exports  # noqa: E402

PAYLOADS = {"try-it/digit-net.json": {"W1": [1.0]}, "gradient-descent/learning-rates.json": {"runs": []}}


def build(pages, directory_urls, monkeypatch, payloads=PAYLOADS):
    monkeypatch.setattr(exports.export, "site_files", lambda: payloads)
    config = MkDocsConfig()
    config.load_dict({"site_name": "t", "docs_dir": "docs", "site_dir": "site", "use_directory_urls": directory_urls})
    config.validate()
    config.plugins._current_plugin = "notes"  # as mkdocs sets it while it runs the notes plugin's event
    files = Files([File(page, "docs", "site", directory_urls) for page in pages])
    return {f.dest_uri: f for f in exports.on_files(files, config) if f.generated_by == "notes"}


def test_data_files_sit_beside_their_pages_with_and_without_directory_urls(monkeypatch):
    """try-it.md gives try-it/digit-net.json with directory URLs and digit-net.json beside try-it.html without;
    try-it/index.md counts as the page try-it; a page that is not in the site gets no file. (The notebook
    pages, try-it.py, are pages through mkdocs-jupyter; Markdown pages stand in for them here.)"""
    assert set(build(["try-it.md", "index.md"], True, monkeypatch)) == {"try-it/digit-net.json"}
    assert set(build(["try-it.md", "gradient-descent.md"], False, monkeypatch)) == {
        "digit-net.json", "learning-rates.json"}  # fmt: skip
    assert set(build(["try-it/index.md"], True, monkeypatch)) == {"try-it/digit-net.json"}


def test_two_files_for_one_destination_stop_the_build(monkeypatch):
    """Without directory URLs two pages' files of one name would land on one path: the build says which."""
    payloads = {"a/data.json": {}, "b/data.json": {}}
    with pytest.raises(PluginError, match="a/data.json and b/data.json|b/data.json and a/data.json"):
        build(["a.md", "b.md"], False, monkeypatch, payloads)


def test_no_nan_in_the_data(monkeypatch):
    """A NaN, which a browser's JSON parser rejects, stops the build instead of shipping."""
    with pytest.raises(ValueError):
        build(["try-it.md"], True, monkeypatch, {"try-it/digit-net.json": {"loss": float("nan")}})
