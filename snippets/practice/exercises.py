"""The coding exercises: the course lab's three (my_dense, my_dense_v, the Keras model) and two it lacks
(backward, update), each as a downloadable notebook with a cell to fill in and a check cell.

`EXERCISES[name]` holds the task, the learner's cell (a function whose body raises NotImplementedError,
so that a notebook run as downloaded goes through), and the check `snippets.practice.exercise_checks` runs on it;
`snippets.practice.solutions` holds the reference solutions the Coding exercises page folds under each task.
"""

import contextlib
import html
import io
from dataclasses import dataclass

import nbformat


@dataclass(frozen=True)
class Exercise:
    title: str
    task: str  # Markdown
    stub: str  # the learner's cell
    check: str  # the name of the check in snippets.practice.exercise_checks

    def check_cell(self, name: str) -> str:
        return f"checks.run(checks.{self.check}, {name})"


# The learner's cells: short lines, so that they read without scrolling on a phone.
STUBS = {
    "my_dense": '''def my_dense(a_in, W, b, g):
    """a_in (n_in,), W (n_out, n_in), b (n_out,).

    Returns a (n_out,).
    """
    # for each unit j: z = W[j] . a_in + b[j]
    # and a[j] = g(z)
    raise NotImplementedError''',
    "my_dense_v": '''def my_dense_v(A_in, W, b, g):
    """A_in (n_in, m), W (n_out, n_in), b (n_out, 1).

    Returns A (n_out, m).
    """
    # one matrix product, then g
    raise NotImplementedError''',
    "my_model": '''import keras


def my_model():
    """400-25-15-1, every layer sigmoid."""
    # keras.Sequential([keras.Input(...), ...])
    raise NotImplementedError''',
    "my_backward": '''def my_backward(X, Y, params, cache):
    """X (n[0], m), Y (1, m).

    Returns {"dW1", "db1", ..., "dbL"},
    each shaped like its parameter.
    """
    L = len(params) // 2
    # start from dZ = cache[f"A{L}"] - Y,
    # then go back one layer at a time
    raise NotImplementedError''',
    "my_update": '''def my_update(params, grads, alpha):
    """params {"W1", "b1", ...},
    grads {"dW1", "db1", ...}.

    Returns new params; changes neither.
    """
    raise NotImplementedError''',
}


EXERCISES = {
    "my_dense": Exercise(
        "A dense layer, unit by unit",
        "Compute one layer's output for **one example**, one unit at a time: for each unit $j$,\n"
        "$z_j = w_j \\cdot a_{in} + b_j$ (row $j$ of $W$) and $a_j = g(z_j)$. `a_in` is $(n_{in},)$, `W` is\n"
        "$(n_{out}, n_{in})$, `b` is $(n_{out},)$; return `a`, $(n_{out},)$.",
        STUBS["my_dense"],
        "check_my_dense",
    ),
    "my_dense_v": Exercise(
        "A dense layer, vectorized",
        "The same layer for **m examples at once**, without a loop: $A = g(W A_{in} + b)$. `A_in` is\n"
        "$(n_{in}, m)$, one example per column; `W` is $(n_{out}, n_{in})$; `b` is $(n_{out}, 1)$, broadcast\n"
        "across the columns; return $(n_{out}, m)$.",
        STUBS["my_dense_v"],
        "check_my_dense_v",
    ),
    "my_model": Exercise(
        "The network in Keras",
        "Return the course's network as a Keras `Sequential` model: 400 inputs, then `Dense` layers of 25,\n"
        "15 and 1 units, every one with a sigmoid activation.",
        STUBS["my_model"],
        "check_my_model",
    ),
    "my_backward": Exercise(
        "Backpropagation",
        "Return the gradients of the mean cross-entropy for a network of $L$ sigmoid layers: start from\n"
        "$dZ^{[L]} = A^{[L]} - Y$, then for $l = L, \\dots, 1$: $dW^{[l]} = \\frac1m dZ^{[l]} A^{[l-1]\\top}$,\n"
        "$db^{[l]} = \\frac1m \\sum_i dZ^{[l](i)}$ (a column), and\n"
        "$dZ^{[l-1]} = W^{[l]\\top} dZ^{[l]} * A^{[l-1]}(1 - A^{[l-1]})$. `params` and `cache` are as\n"
        '`numpy_net.forward` gives them (`cache["A0"]` is `X`); return `{"dW1": ..., "db1": ..., ...}`.',
        STUBS["my_backward"],
        "check_my_backward",
    ),
    "my_update": Exercise(
        "A gradient-descent step",
        "Return new parameters after one step $\\theta := \\theta - \\alpha\\, d\\theta$ for every parameter, and\n"
        'leave `params` and `grads` unchanged. `grads` has the same keys with a `"d"` in front.',
        STUBS["my_update"],
        "check_my_update",
    ),
}


def notebook(name: str) -> nbformat.NotebookNode:
    """The exercise `name` as a notebook: the task, the cell to fill in, and the check cell."""
    if name not in EXERCISES:
        raise ValueError(f"no exercise {name!r}; the exercises are {list(EXERCISES)}")
    exercise = EXERCISES[name]
    cells = [
        nbformat.v4.new_markdown_cell(f"# Exercise: {exercise.title}\n\n{exercise.task}\n\n"
                                      "Fill in the next cell, run it, then run the check below it. The check tries your "
                                      "function on several cases (real digits among them) and names the likely mistake."),
        nbformat.v4.new_code_cell("import numpy as np\n\nfrom snippets.practice import exercise_checks as checks"),
        nbformat.v4.new_code_cell(exercise.stub),
        nbformat.v4.new_code_cell(exercise.check_cell(name)),
    ]  # fmt: skip
    for k, cell in enumerate(cells):
        cell.id = f"{name.replace('_', '-')}-{k}"  # fixed ids: the same exercise gives the same file
    nb = nbformat.v4.new_notebook(cells=cells)
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


def _markdown(text: str) -> str:
    """Markdown as HTML, its formulas kept whole (as \\( … \\), which notes_build/typeset.py sets): `[l](i)` in a
    formula is not a link."""
    import markdown

    return markdown.markdown(text, extensions=["pymdownx.arithmatex"], extension_configs={
        "pymdownx.arithmatex": {"generic": True}})  # fmt: skip


def show(name: str):
    """The exercise as the Coding exercises page shows it: the task, the cell to fill in, the check's verdict on
    the reference solution, and that solution folded."""
    from snippets.course import show as present
    from snippets.practice import exercise_checks as checks
    from snippets.practice import solutions

    exercise = EXERCISES[name]
    solution = getattr(solutions, name)
    with contextlib.redirect_stdout(io.StringIO()):  # the page shows the verdict once, in its box
        verdict = checks.run(getattr(checks, exercise.check), solution() if name == "my_model" else solution)
    return present.HTML(
        f'<h2 id="exercise-{name.replace("_", "-")}">{exercise.title}: <code>{name}</code></h2>'
        f"{_markdown(exercise.task)}<p>The cell to fill in:</p>{present.code(exercise.stub)}"
        f"<p>The check, <code>{exercise.check_cell(name)}</code>, on the reference solution:</p>"
        f'<p class="exercise-verdict">{html.escape(verdict)}</p><details class="solution"><summary>Solution</summary>'
        f"{present.source(module='practice/solutions.py', section=name)}</details>"
    )


def _mistakes():
    """One typical wrong solution per exercise, and the check it fails."""
    import numpy as np

    from snippets.practice import solutions

    def no_bias(a_in, W, b, g):
        return np.array([g(np.dot(W[j], a_in)) for j in range(W.shape[0])])

    def transposed(A_in, W, b, g):
        return g(A_in.T @ W.T + b.T)

    def relu_model():
        import keras

        return keras.Sequential([keras.Input(shape=(400,)), keras.layers.Dense(25, activation="relu"),
                                 keras.layers.Dense(15, activation="sigmoid"), keras.layers.Dense(1, activation="sigmoid")])  # fmt: skip

    def no_mean(X, Y, params, cache):
        return {key: value * X.shape[1] for key, value in solutions.my_backward(X, Y, params, cache).items()}

    def in_place(params, grads, alpha):
        for key in params:
            params[key] -= alpha * grads["d" + key]
        return params

    return [("my_dense without the bias", "check_my_dense", no_bias),
            ("my_dense_v in Keras' layout", "check_my_dense_v", transposed),
            ("a ReLU first layer", "check_my_model", relu_model()),
            ("backward without the 1/m", "check_my_backward", no_mean),
            ("an update in place", "check_my_update", in_place)]  # fmt: skip


def mistakes_report() -> list[tuple[str, str]]:
    """Each typical mistake of `_mistakes` and the line its check prints: [(mistake, line)]."""
    from snippets.practice import exercise_checks as checks

    lines = []
    for label, check, wrong in _mistakes():
        with contextlib.redirect_stdout(io.StringIO()):
            lines.append((label, checks.run(getattr(checks, check), wrong)))
    return lines
