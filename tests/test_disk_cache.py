"""notes_build/disk_cache.py, the build's one cache: content keys, whole files only, a bounded size."""

import json
import os

import pytest
from notes_build import disk_cache


def test_keys_are_delimited_and_change_with_any_part():
    assert disk_cache.key("ab", "c") != disk_cache.key("a", "bc")
    assert disk_cache.key("a", b"b") == disk_cache.key(b"a", "b")
    assert len(disk_cache.key("x")) == 64


def test_results_come_back_by_text_and_only_the_last_builds_are_kept(tmp_path):
    stage = tmp_path / "stage.py"
    stage.write_text("# version 1")
    calls = []

    def build(*texts):
        memo = disk_cache.Memo(tmp_path / "cache", "probe", stage.read_bytes())
        results = [memo.get(text, lambda text=text: calls.append(text) or text.upper()) for text in texts]
        memo.save()
        return results

    assert build("a", "b", "a") == ["A", "B", "A"] and calls == ["a", "b"]  # once per text within a build
    assert build("a", "c") == ["A", "C"] and calls == ["a", "b", "c"]  # "a" from the earlier build
    assert len(json.loads((tmp_path / "cache" / "probe.json").read_text())) == 2  # "b" was not used: dropped
    stage.write_text("# version 2")  # an edited stage computes again
    assert build("a") == ["A"] and calls == ["a", "b", "c", "a"]


def test_an_unreadable_memo_file_is_ignored(tmp_path):
    (tmp_path / "probe.json").write_text('{"trunc')  # a build stopped while writing it
    assert disk_cache.Memo(tmp_path, "probe", b"").get("x", lambda: 1) == 1


def test_a_store_makes_each_file_once_and_keeps_the_used_ones_and_a_few_others(tmp_path):
    made = []

    def make(name):
        return lambda target: made.append(name) or target.write_text(name)

    store = disk_cache.Store(tmp_path / "store", keep=1)
    for k, name in enumerate(["a", "b", "c"]):
        path = store.get(name, make(name))
        os.utime(path, (k, k))  # made in this order
    assert store.get("a", make("a")).read_text() == "a" and made == ["a", "b", "c"]
    later = disk_cache.Store(tmp_path / "store", keep=1)
    later.get("a", make("a"))
    later.prune()  # "a" was used; of the others only the most recent, "c", stays
    assert sorted(p.name for p in (tmp_path / "store").iterdir()) == ["a", "c"]


def test_a_failed_make_leaves_nothing_to_reuse(tmp_path):
    store = disk_cache.Store(tmp_path, keep=5)

    def fail(target):
        target.write_text("half")
        raise RuntimeError("stopped")

    with pytest.raises(RuntimeError):
        store.get("result", fail)
    assert list(tmp_path.iterdir()) == []


def test_atomic_write_replaces_the_file_whole(tmp_path):
    target = tmp_path / "deep" / "file.json"
    disk_cache.atomic_write(target, "one")
    disk_cache.atomic_write(target, b"two")
    assert target.read_text() == "two" and [p.name for p in target.parent.iterdir()] == ["file.json"]
