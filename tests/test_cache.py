"""Results computed once per build: keyed by content, read back instead of recomputed, safe across processes."""

import shutil
import sys
import threading
import time

import pytest

from snippets.course import cache, results

calls = []


def _count(x):
    calls.append(x)
    time.sleep(0.3)
    return {"x": x, "squares": [i * i for i in range(x)]}


def test_cached_without_a_folder_computes_every_time(monkeypatch):
    """With SNIPPETS_CACHE_DIR unset (the command line), every call computes."""
    monkeypatch.delenv("SNIPPETS_CACHE_DIR", raising=False)
    calls.clear()
    assert cache.cached(_count, x=3) == cache.cached(_count, x=3) == {"x": 3, "squares": [0, 1, 4]}
    assert calls == [3, 3]


def test_cached_computes_once_per_key_even_when_called_at_once(monkeypatch, tmp_path):
    """Two concurrent calls compute once (the second waits on the lock); other arguments compute anew."""
    monkeypatch.setenv("SNIPPETS_CACHE_DIR", str(tmp_path))
    calls.clear()
    out = []
    threads = [threading.Thread(target=lambda: out.append(cache.cached(_count, x=4))) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert out == [{"x": 4, "squares": [0, 1, 4, 9]}] * 2 and calls == [4]
    assert cache.cached(_count, x=4)["x"] == 4 and calls == [4]
    cache.cached(_count, x=5)
    assert calls == [4, 5]


def test_dependencies_follow_imports_only():
    """The headline results depend on the training code, not on plotting or presentation; a module in a subpackage
    brings its package's __init__, and an unknown module is an error, not an empty list."""
    deps = cache.dependencies("course/results")
    want = {"course/results", "course/__init__", "training", "numpy_net", "activations", "losses", "data", "keras_net"}
    assert want | {"__init__"} <= set(deps)
    assert "course/plots" not in deps and "course/show" not in deps and "course/architecture" not in deps
    with pytest.raises(
        ValueError, match=r"no module snippets/results\.py: name one by its path below snippets/ \(course/results\)"
    ):
        cache.dependencies("results")


def test_a_package_that_imports_all_its_modules_depends_on_each():
    """snippets.practice.questions imports every lesson's module as it loads: code that imports the package, or one
    module of it (Python runs the package's __init__ first), depends on each of them; code beside it does not."""
    every = cache.dependencies(source="from snippets.practice.questions import for_page")
    lessons = {f"practice/questions/{p.stem}" for p in (cache.PACKAGE / "practice" / "questions").glob("[!_]*.py")}
    assert len(lessons) >= 14 and lessons <= set(every)
    one = cache.dependencies(source="from snippets.practice.questions import loss")  # which runs the __init__
    assert lessons <= set(one)
    assert not lessons & set(cache.dependencies(source="from snippets.practice import kinds"))


@pytest.fixture
def package_copy(tmp_path, monkeypatch):
    """A copy of snippets/ that cache.key reads instead of the real package."""
    copy = tmp_path / "snippets"
    shutil.copytree(cache.PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "*.npz"))
    monkeypatch.setattr(cache, "PACKAGE", copy)
    return copy


def _headline_in(copy):
    """results._headline as if defined in the copy (its source file is the copy's results.py)."""
    code = results._headline.__code__.replace(co_filename=str(copy / "course" / "results.py"))
    function = type(results._headline)(code, results._headline.__globals__, "_headline")
    function.__qualname__ = "_headline"
    return function


def test_key_changes_with_the_code_that_makes_the_result(package_copy):
    """Editing plots.py keeps the headline's key (no retraining); editing training.py or the arguments changes it."""
    before = cache.key(_headline_in(package_copy), {"impl": "numpy"})
    plots = package_copy / "course" / "plots.py"
    plots.write_text(plots.read_text() + "\n# a comment\n")
    assert cache.key(_headline_in(package_copy), {"impl": "numpy"}) == before
    assert cache.key(_headline_in(package_copy), {"impl": "keras"}) != before
    (package_copy / "training.py").write_text((package_copy / "training.py").read_text() + "\n# a comment\n")
    assert cache.key(_headline_in(package_copy), {"impl": "numpy"}) != before


def test_headline_rejects_an_unknown_implementation():
    """results.headline names the implementations it knows."""
    with pytest.raises(ValueError, match=r"impl must be one of \['keras', 'numpy'\]"):
        results.headline("torch")


def test_key_changes_with_the_libraries_thread_settings(monkeypatch):
    """A thread count can change a float sum's order: results computed with other settings are not reused."""
    pinned = cache.key(results._headline, {"impl": "numpy"})
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "4")
    assert cache.key(results._headline, {"impl": "numpy"}) != pinned
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "1")
    assert cache.key(results._headline, {"impl": "numpy"}) == pinned  # conftest pins every setting to 1


def _imports_tabnanny():
    import tabnanny  # a module nothing else here imports, standing in for Keras

    return tabnanny.__name__


def test_a_cache_hit_still_reports_the_frameworks_its_result_needed(monkeypatch, tmp_path):
    """frameworks_needed names what the computation imported, and, in a process served the same result from the
    cache (which imports nothing), still names it: a page's download must install what a cold run would import."""
    monkeypatch.setenv("SNIPPETS_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(cache, "FRAMEWORKS", ("tabnanny",))
    monkeypatch.setattr(cache, "_NEEDED", set())
    monkeypatch.delitem(sys.modules, "tabnanny", raising=False)
    assert cache.frameworks_needed() == []
    assert cache.cached(_imports_tabnanny) == "tabnanny"  # computed: it imports the module
    assert cache.frameworks_needed() == ["tabnanny"]
    assert (next(tmp_path.glob("_imports_tabnanny-*.needs"))).read_text() == "tabnanny"
    monkeypatch.delitem(sys.modules, "tabnanny")
    monkeypatch.setattr(cache, "_NEEDED", set())
    assert cache.cached(_imports_tabnanny) == "tabnanny"  # a hit: nothing imported ...
    assert "tabnanny" not in sys.modules
    assert cache.frameworks_needed() == ["tabnanny"]  # ... and still reported
