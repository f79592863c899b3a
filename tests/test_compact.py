"""notes_build/compact.py: template indentation out of the HTML, whitespace that shows left as it is."""

from notes_build import compact  # noqa: E402


def test_compact_turns_indented_line_breaks_into_one():
    """A run of whitespace holding a line break becomes one line break; spaces within a line stay."""
    html = "<ul>\n      <li>\n\n        <a href='x'>two  words</a>\n      </li>\n    </ul>  \n"
    assert compact.compact(html) == "<ul>\n<li>\n<a href='x'>two  words</a>\n</li>\n</ul>\n"


def test_compact_keeps_code_pre_scripts_and_styles_exactly():
    """Whitespace inside pre, code, kbd, textarea, script and style is untouched, nested tags included."""
    kept = [
        "<pre><code>for i in range(m):\n    z[i] = 1\n</code></pre>",
        "<code class='x'>a\n   b</code>",
        "<kbd>Ctrl\n  C</kbd>",
        "<textarea>\n  x</textarea>",
        "<script>const s = `a\n    b`;</script>",
        "<style>\n  p { color: red; }\n</style>",
    ]
    html = "\n    ".join(kept) + "\n    <p>\n   end</p>"
    assert compact.compact(html) == "\n".join(kept) + "\n<p>\nend</p>"
