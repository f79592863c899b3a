"""hooks/page_memo.py: results kept by the text they come from and by the hook's source, one build's worth."""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parents[1] / "hooks"))
import page_memo  # noqa: E402


def test_results_come_back_by_text_and_only_the_last_builds_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(page_memo, "CACHE", tmp_path / "cache")
    hook = tmp_path / "hook.py"
    hook.write_text("# version 1")
    calls = []

    def build(*texts):
        memo = page_memo.Memo("probe", hook.read_bytes())
        results = [memo.get(text, lambda text=text: calls.append(text) or text.upper()) for text in texts]
        memo.save()
        return results

    assert build("a", "b", "a") == ["A", "B", "A"] and calls == ["a", "b"]  # once per text within a build
    assert build("a", "c") == ["A", "C"] and calls == ["a", "b", "c"]  # "a" from the earlier build
    assert len(json.loads((tmp_path / "cache" / "probe.json").read_text())) == 2  # "b" was not used: dropped
    hook.write_text("# version 2")  # an edited hook computes again
    assert build("a") == ["A"] and calls == ["a", "b", "c", "a"]


def test_an_unreadable_memo_file_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setattr(page_memo, "CACHE", tmp_path)
    (tmp_path / "probe.json").write_text('{"trunc')  # a build stopped while writing it
    hook = tmp_path / "hook.py"
    hook.write_text("")
    assert page_memo.Memo("probe", hook.read_bytes()).get("x", lambda: 1) == 1
