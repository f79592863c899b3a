"""The order the execute stage runs pages in: the longest first, so that the last page to finish is short."""

from pathlib import Path

from notes_build import disk_cache
from notes_build.notebook_keys import Keys

ROOT = Path(__file__).parents[1]


def test_pages_never_timed_go_first_results_then_keras_then_the_rest(tmp_path):
    pages = {
        "plain": "from snippets import numpy_net\nprint(1)",
        "timed_long": "print(2)",
        "keras_page": "import keras",
        "timed_short": "print(3)",
        "headline": "from snippets.course import results\nresults.headline('numpy')",
        "through_a_module": "from snippets import gradcheck",  # gradcheck imports Keras inside a function
    }
    for name, code in pages.items():
        (tmp_path / f"{name}.py").write_text(code)
    keys = Keys(ROOT, disk_cache.Memo(tmp_path / "memo", "probe", b""))
    durations = {"timed_long": 30.0, "timed_short": 2.5}
    order = sorted((tmp_path / f"{name}.py" for name in pages), key=lambda src: keys.longest_first(src, durations))
    assert [path.stem for path in order] == [
        "headline", "keras_page", "through_a_module", "plain", "timed_long", "timed_short"
    ]  # fmt: skip
