"""Practice questions graded on the page: three kinds, their answers computed by `snippets`, written as HTML.

- `Number`: accepted within `tol` ("0.5", ".5" and "5e-1" are the same answer);
- `Shape`: a tuple of sizes ("(15, 25)", "15x25" and "15 × 25" are the same answer);
- `Choice`: one or several correct options, each with its own explanation.

Each kind lists the likely `mistakes` (a wrong answer and the hint it earns: a transposed shape, a
missing 1/m, a base-10 log ...). A question is registered by `@question(page, title)` on a function of the
variant number v (0, 1, ...) that computes it; number questions get several variants, the "another one"
button's fresh numbers. `docs/assets/javascripts/practice.js` grades in the browser, from the HTML only.
"""

import html
import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from snippets.show import HTML

VARIANTS = 4  # variants of each number question: the one printed first and three "another one"s


@dataclass(frozen=True)
class Number:
    """A numeric answer; `tol` is absolute; `mistakes` maps a wrong answer to its hint."""

    prompt: str
    answer: float
    tol: float | None  # None: half a unit in the third significant digit (0.1054 ± 0.0005, 0.0099 ± 0.000005)
    why: str
    mistakes: tuple[tuple[float, str], ...] = ()
    hint: str = "Not that number: go through it once more, step by step."
    given: dict = field(default_factory=dict)  # the numbers the prompt gives, for an independent check
    kind = "number"

    def __post_init__(self):
        if self.tol is None:  # frozen: set once, here
            object.__setattr__(self, "tol", significant_tol(self.answer))


@dataclass(frozen=True)
class Shape:
    """An array shape, e.g. (15, 25); `mistakes` maps a wrong shape to its hint."""

    prompt: str
    answer: tuple[int, ...]
    why: str
    mistakes: tuple[tuple[tuple[int, ...], str], ...] = ()
    hint: str = "Take each axis in turn: what runs down the rows, and what along the columns?"
    given: dict = field(default_factory=dict)
    kind = "shape"


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    why: str


@dataclass(frozen=True)
class Choice:
    """Options of which one or several are correct; each option explains itself when chosen."""

    prompt: str
    options: tuple[Option, ...]
    why: str
    kind = "choice"


@dataclass(frozen=True)
class Question:
    """One question of a page: `id` is "page-k"; `variants` are of one kind, variant 0 first."""

    id: str
    page: str
    title: str
    variants: tuple

    @property
    def kind(self) -> str:
        return self.variants[0].kind


_BUILDERS: dict[str, list[tuple[str, Callable]]] = {}


def question(page: str, title: str):
    """Register `build(v) -> Number | Shape | Choice` as the next question of `page` (a docs/ stem)."""

    def register(build):
        _BUILDERS.setdefault(page, []).append((title, build))
        return build

    return register


def rng(v: int, salt: int = 0) -> np.random.Generator:
    """The seeded generator of variant v: the same numbers on every build."""
    return np.random.default_rng([v, salt])


def _register() -> None:
    """Import the question modules, which register every lesson's questions as they load (not at this module's
    import: they import it). Grouped as the lessons run: the network, learning, beyond the lab."""
    from snippets import questions_beyond, questions_learning, questions_network  # noqa: F401


def for_page(page: str) -> list[Question]:
    """The questions of one page, in order, every variant computed."""
    _register()

    if page not in _BUILDERS:
        raise ValueError(f"no practice questions for page {page!r}; pages with some: {sorted(_BUILDERS)}")
    built = []
    for k, (title, build) in enumerate(_BUILDERS[page], 1):
        first = build(0)
        count = VARIANTS if first.kind == "number" else 1
        built.append(Question(f"{page}-{k}", page, title, (first, *(build(v) for v in range(1, count)))))
    return built


def pages() -> dict[str, list[str]]:
    """{page: the ids of its questions}, for the checklist and the progress counts."""
    _register()

    return {page: [f"{page}-{k}" for k in range(1, len(b) + 1)] for page, b in _BUILDERS.items()}


def shape_text(shape) -> str:
    return "(" + ", ".join(str(n) for n in shape) + ("," if len(shape) == 1 else "") + ")"


def significant_tol(x: float, digits: int = 3) -> float:
    """Half a unit in the `digits`-th significant digit of x: an answer right to that many digits passes, and a
    slip one step away in the last digit (1 - a for a(1 - a) at a = 0.99) does not. 0.005 for x = 0."""
    if x == 0:
        return 0.005
    return 0.5 * 10 ** (math.floor(math.log10(abs(x))) - digits + 1)


def number_text(x: float) -> str:
    """10,431 for a whole number, else 4 significant digits: 0.1054, 2.127e-05."""
    if float(x).is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:.4g}"


def tex_number(x: float, digits: int = 2) -> str:
    """x for a formula: 0.25, or 4.5 \\times 10^{-5} where Python would write 4.5e-05."""
    mantissa, _, exponent = f"{x:.{digits - 1}e}".partition("e")
    return f"{x:.{digits}g}" if 1e-3 <= abs(x) < 1e4 else f"{mantissa} \\times 10^{{{int(exponent)}}}"


def answer_text(variant) -> str:
    if variant.kind == "number":
        return number_text(variant.answer)
    if variant.kind == "shape":
        return shape_text(variant.answer)
    return "; ".join(o.text.rstrip(".") for o in variant.options if o.correct)


_CODE = re.compile(r"`([^`]+)`")
_BOLD = re.compile(r"\*\*([^*]+)\*\*")


def inline(text: str) -> str:
    """The questions' Markdown (`code`, **bold**) as HTML; formulas stay $…$ for notes_build/typeset.py to set."""
    text = _CODE.sub(lambda m: f"<code>{html.escape(m.group(1))}</code>", text)
    return _BOLD.sub(r"<strong>\1</strong>", text)


def _attrs(**values) -> str:
    return "".join(f' data-{k}="{html.escape(str(v), quote=True)}"' for k, v in values.items())


def _variant_html(q: Question, v: int, variant) -> str:
    hidden = " hidden" if v else ""
    if variant.kind == "number":
        data = _attrs(answer=repr(float(variant.answer)), tol=repr(float(variant.tol)))
        tolerance = f' <span class="practice-tol">(within ±{number_text(variant.tol)})</span>'
        hints = "".join(f'<p class="practice-hint"{_attrs(value=repr(float(x)))} hidden>{inline(h)}</p>'
                        for x, h in variant.mistakes if abs(x - variant.answer) > variant.tol)  # fmt: skip
    elif variant.kind == "shape":
        data, tolerance = _attrs(answer=json.dumps(list(variant.answer))), ""
        hints = "".join(f'<p class="practice-hint"{_attrs(value=json.dumps(list(s)))} hidden>{inline(h)}</p>'
                        for s, h in variant.mistakes)  # fmt: skip
    else:
        data, tolerance, hints = "", "", ""
    default = f'<p class="practice-hint practice-default" hidden>{inline(getattr(variant, "hint", ""))}</p>'
    options = _options_html(q, variant) if variant.kind == "choice" else ""
    return (
        f'<div class="practice-variant"{data}{hidden}>'
        f'<p class="practice-prompt">{inline(variant.prompt)}{tolerance}</p>'
        f"{options}{hints}{default}"
        f'<div class="practice-answer" hidden><p><strong>Answer: {inline(html.escape(answer_text(variant)))}.</strong> '
        f"{inline(variant.why)}</p></div></div>"
    )


def _options_html(q: Question, variant: Choice) -> str:
    several = sum(o.correct for o in variant.options) > 1
    kind = "checkbox" if several else "radio"
    note = "Choose every option that is true." if several else "Choose one option."
    items = "".join(
        f'<li><label><input type="{kind}" name="{q.id}"{_attrs(correct=int(o.correct))}> {inline(o.text)}</label>'
        f'<span class="practice-why" hidden>{inline(o.why)}</span></li>'
        for o in variant.options
    )
    return f'<p class="practice-note">{note}</p><ul class="practice-options">{items}</ul>'


_FORMS = {"number": "a number", "shape": "a shape"}


def _form_html(q: Question, n: int) -> str:
    variants = "".join(_variant_html(q, v, variant) for v, variant in enumerate(q.variants))
    field = ""
    if q.kind in _FORMS:
        mode = ' inputmode="decimal"' if q.kind == "number" else ""
        field = (
            f'<label class="practice-label" for="practice-{q.id}">Your answer ({_FORMS[q.kind]})</label>'
            f'<input class="practice-input" id="practice-{q.id}" type="text"{mode} autocomplete="off" '
            'autocapitalize="off" spellcheck="false">'
        )
    another = '<button type="button" class="practice-another">Another one</button>' if len(q.variants) > 1 else ""
    return (
        f'<form class="practice" data-kind="{q.kind}" data-id="{q.id}" novalidate>'
        f'<p class="practice-number">Question {n}: {html.escape(q.title)}</p>{variants}{field}'
        '<div class="practice-buttons"><button type="submit" class="practice-check">Check</button>'
        f'<button type="button" class="practice-show">Show answer</button>{another}</div>'
        '<p class="practice-feedback" aria-live="polite" data-result=""></p></form>'
    )


def questions(page: str) -> HTML:
    """The page's practice questions as forms, with a progress line (the page's and the site's)."""
    total = sum(len(ids) for ids in pages().values())
    forms = "".join(_form_html(q, n) for n, q in enumerate(for_page(page), 1))
    return HTML(
        f'<section class="practice-set"{_attrs(page=page, total=total)} aria-label="Practice questions">'
        '<div class="practice-progress"><span role="status" aria-live="polite"></span>'
        '<button type="button" class="practice-reset">Reset this page</button></div>'
        f"{forms}</section>"
    )


def key(page: str) -> HTML:
    """The answer key, printed at the end of the page (hidden on screen, where each question has its own)."""
    items = "".join(
        f"<li><strong>{inline(html.escape(answer_text(q.variants[0])))}</strong>: {inline(q.variants[0].why)}</li>"
        for q in for_page(page)
    )
    return HTML(f'<section class="practice-key"><p><strong>Answer key</strong></p><ol>{items}</ol></section>')
