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
    """A numeric answer; `tol` is absolute; `mistakes` maps a wrong answer to its hint, likeliest first.

    A whole answer with a tolerance of 0.5 (`whole`): only that whole number is right. A decimal is told to round
    when the answer counts something (`counts`: steps, parameters), and that a whole number is due otherwise (a
    sum of whole numbers). With `tol=None` the answer is asked to 3 significant figures (`digits`)."""

    prompt: str
    answer: float
    tol: float | None  # None: half a unit in the third significant digit (0.1054 ± 0.0005, 0.0099 ± 0.000005)
    why: str
    mistakes: tuple[tuple[float, str], ...] = ()
    hint: str = "Not that number: go through it once more, step by step."
    given: dict = field(default_factory=dict)  # the numbers the prompt gives, for an independent check
    counts: bool = True
    digits: int | None = field(default=None, init=False)  # the significant figures asked, when tol was None
    kind = "number"

    def __post_init__(self):
        if not math.isfinite(self.answer):
            raise ValueError(f"a Number's answer must be finite, not {self.answer!r}: {self.prompt[:60]}")
        if self.tol is None:  # frozen: set once, here
            object.__setattr__(self, "tol", significant_tol(self.answer))
            object.__setattr__(self, "digits", 3)
        # Only the mistakes grading can tell apart: each more than tol from the answer and from every likelier
        # mistake listed before it (in some variants two slips give the same value, or the right one).
        kept = []
        for x, hint in self.mistakes:
            if all(abs(x - y) > self.tol for y in (self.answer, *(k for k, _ in kept))):
                kept.append((x, hint))
        object.__setattr__(self, "mistakes", tuple(kept))

    @property
    def whole(self) -> bool:
        return float(self.answer).is_integer() and self.tol == 0.5


TRANSPOSE_HINT = "That is the transpose: rows and columns swapped. Which axis runs down the rows here?"


@dataclass(frozen=True)
class Shape:
    """An array shape, e.g. (15, 25); `mistakes` maps a wrong shape to its hint. A 2-D shape's transpose always
    has one: the question's own, or `TRANSPOSE_HINT`."""

    prompt: str
    answer: tuple[int, ...]
    why: str
    mistakes: tuple[tuple[tuple[int, ...], str], ...] = ()
    hint: str = "Take each axis in turn: what runs down the rows, and what along the columns?"
    given: dict = field(default_factory=dict)
    kind = "shape"

    def __post_init__(self):
        transposed = tuple(self.answer)[::-1]
        if len(self.answer) == 2 and transposed != tuple(self.answer):
            if all(tuple(s) != transposed for s, _ in self.mistakes):
                object.__setattr__(self, "mistakes", (*self.mistakes, (transposed, TRANSPOSE_HINT)))


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
    """One question of a page: `id` is "page-name" (`question`); `variants` are of one kind, variant 0 first."""

    id: str
    page: str
    title: str
    variants: tuple

    @property
    def kind(self) -> str:
        return self.variants[0].kind


_BUILDERS: dict[str, list[tuple[str, str, Callable]]] = {}

# A question's id names what it asks: its page and its function's name ("backprop-output-error"), or the `name`
# given to `question`. A learner's progress is saved under it, so it must not follow the question's place on the
# page. Progress saved before the ids had names, under "page-k", is carried over once by practice.js, with this
# table of the questions as they stood then; an old id never names a question today, so it cannot land on one.
LEGACY_IDS = {  # fmt: skip
    "initialization-1": "initialization-glorot",
    "initialization-2": "initialization-zero-output",
    "initialization-3": "initialization-saturated-start",
    "initialization-4": "initialization-why-not-zeros",
    "hidden-activations-1": "hidden-activations-tanh-prime-of",
    "hidden-activations-2": "hidden-activations-relu-prime-of",
    "hidden-activations-3": "hidden-activations-shrink",
    "hidden-activations-4": "hidden-activations-output-activation",
    "generalization-1": "generalization-stop-epoch",
    "generalization-2": "generalization-best-epoch",
    "generalization-3": "generalization-fit-size",
    "generalization-4": "generalization-overfitting",
    "try-it-1": "try-it-resample",
    "try-it-2": "try-it-multiply-adds",
    "try-it-3": "try-it-drawing-shape",
    "try-it-4": "try-it-probability",
    "backprop-1": "backprop-output-error",
    "backprop-2": "backprop-dw-shape",
    "backprop-3": "backprop-tiny-dw",
    "backprop-4": "backprop-one-over-m",
    "gradient-descent-1": "gradient-descent-gd-step",
    "gradient-descent-2": "gradient-descent-steps-per-epoch",
    "gradient-descent-3": "gradient-descent-adam-first-step",
    "gradient-descent-4": "gradient-descent-loss-curve",
    "tf-keras-1": "tf-keras-kernel-shape",
    "tf-keras-2": "tf-keras-keras-bias",
    "tf-keras-3": "tf-keras-fit-input",
    "tf-keras-4": "tf-keras-dense-parameters",
    "numpy-vs-tensorflow-1": "numpy-vs-tensorflow-keras-does",
    "numpy-vs-tensorflow-2": "numpy-vs-tensorflow-predict-shape",
    "numpy-vs-tensorflow-3": "numpy-vs-tensorflow-keras-steps",
    "numpy-vs-tensorflow-4": "numpy-vs-tensorflow-like-for-like",
    "vectorization-1": "vectorization-broadcast-shape",
    "vectorization-2": "vectorization-broadcast-entry",
    "vectorization-3": "vectorization-rank-one",
    "vectorization-4": "vectorization-loop-count",
    "data-1": "data-x-shape",
    "data-2": "data-pixels",
    "data-3": "data-y-shape",
    "data-4": "data-flattening",
    "architecture-1": "architecture-parameter-count",
    "architecture-2": "architecture-w-shape",
    "architecture-3": "architecture-b-shape",
    "architecture-4": "architecture-z-shape",
    "activation-1": "activation-sigma-of",
    "activation-2": "activation-sigma-prime-of",
    "activation-3": "activation-sigma-prime-from-a",
    "activation-4": "activation-saturated",
    "loss-1": "loss-one-loss",
    "loss-2": "loss-batch-cost",
    "loss-3": "loss-logit-loss",
    "loss-4": "loss-costly",
    "forward-1": "forward-a1-shape",
    "forward-2": "forward-broadcast-bias",
    "forward-3": "forward-one-unit",
    "forward-4": "forward-y-hat-shape",
}


def question(page: str, title: str, name: str | None = None):
    """Register `build(v) -> Number | Shape | Choice` as the next question of `page` (a docs/ stem). Its id is
    "page-name", `name` defaulting to the function's name with hyphens; ids are unique across the site."""

    def register(build):
        qid = f"{page}-{name or build.__name__.replace('_', '-')}"
        origin = (build.__module__, build.__qualname__)
        built = _BUILDERS.setdefault(page, [])
        again = [k for k, (t, _, b) in enumerate(built) if t == qid and (b.__module__, b.__qualname__) == origin]
        if again:  # its module imported again (importlib.reload): the same question, kept in its place
            built[again[0]] = (qid, title, build)
            return build
        taken = {t for page_built in _BUILDERS.values() for t, _, _ in page_built}
        if qid in taken or qid in LEGACY_IDS:
            raise ValueError(f"question id {qid!r} is taken: give `question(..., name=...)` a name of its own")
        built.append((qid, title, build))
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
    for qid, title, build in _BUILDERS[page]:
        first = build(0)
        count = VARIANTS if first.kind == "number" else 1
        built.append(Question(qid, page, title, (first, *(build(v) for v in range(1, count)))))
    return built


def pages() -> dict[str, list[str]]:
    """{page: the ids of its questions}, for the checklist and the progress counts."""
    _register()

    return {page: [qid for qid, _, _ in built] for page, built in _BUILDERS.items()}


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


class _HintBank:
    """A question's hint texts, each written once per form: the variants' hints name theirs by number (data-ref),
    since most read the same in every variant and a page's formulas weigh about 15 bytes a character as MathML."""

    def __init__(self):
        self.texts: dict[str, int] = {}

    def ref(self, text: str) -> str:
        return _attrs(ref=self.texts.setdefault(inline(text), len(self.texts)))

    def html(self) -> str:
        hints = "".join(f'<p class="practice-hint-text"{_attrs(ref=k)}>{t}</p>' for t, k in self.texts.items())
        return f'<div class="practice-hints" hidden>{hints}</div>'


def _variant_html(q: Question, v: int, variant, bank: _HintBank, shown: bool) -> str:
    hidden = ' data-first=""' if v == 0 else ""  # printed, a question shows its first variant: the key's
    hidden += "" if shown else " hidden"
    if variant.kind == "number":
        data = _attrs(answer=repr(float(variant.answer)), tol=repr(float(variant.tol)))
        if variant.whole:
            data += _attrs(whole="count" if variant.counts else "sum")
        elif variant.digits:
            data += _attrs(digits=variant.digits)
        if variant.whole:
            asked = "a whole number"
        elif variant.digits:
            asked = f"to {variant.digits} significant figures, ±{number_text(variant.tol)}"
        else:
            asked = f"within ±{number_text(variant.tol)}"
        tolerance = f' <span class="practice-tol">({asked})</span>'
        hints = "".join(f'<p class="practice-hint"{_attrs(value=repr(float(x)))}{bank.ref(h)} hidden></p>'
                        for x, h in variant.mistakes if abs(x - variant.answer) > variant.tol)  # fmt: skip
    elif variant.kind == "shape":
        data, tolerance = _attrs(answer=json.dumps(list(variant.answer))), ""
        hints = "".join(f'<p class="practice-hint"{_attrs(value=json.dumps(list(s)))}{bank.ref(h)} hidden></p>'
                        for s, h in variant.mistakes)  # fmt: skip
    else:
        data, tolerance, hints = "", "", ""
    default = f'<p class="practice-hint practice-default"{bank.ref(getattr(variant, "hint", ""))} hidden></p>'
    options = _options_html(q, variant) if variant.kind == "choice" else ""
    return (
        f'<div class="practice-variant"{data}{hidden}>'
        f'<p class="practice-prompt">{inline(variant.prompt)}{tolerance}</p>'
        f"{options}{hints}{default}"
        f'<div class="practice-answer" hidden><p><strong>Answer: {inline(html.escape(answer_text(variant)))}.</strong> '
        f"{inline(variant.why)}</p></div></div>"
    )


def variants_html(q: Question, variants=None, *, first_shown: bool = True) -> str:
    """A question's variants (all of q's by default) as practice.js grades them, with their hints' texts once. The
    first is shown if `first_shown`; the others wait for "Another one" (or for the mock exam to draw one)."""
    bank = _HintBank()
    variants = q.variants if variants is None else variants
    body = "".join(_variant_html(q, v, variant, bank, first_shown and v == 0) for v, variant in enumerate(variants))
    return body + bank.html()


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


def answer_field_html(q: Question, field_id: str) -> str:
    """The labelled text field a number or shape question is answered in ("" for a choice question)."""
    if q.kind not in _FORMS:
        return ""
    mode = ' inputmode="decimal"' if q.kind == "number" else ""
    return (
        f'<label class="practice-label" for="{field_id}">Your answer ({_FORMS[q.kind]})</label>'
        f'<input class="practice-input" id="{field_id}" type="text"{mode} autocomplete="off" '
        'autocapitalize="off" spellcheck="false">'
    )


_OLD_ID = {new: old for old, new in LEGACY_IDS.items()}  # each question's id before ids had names


def _form_html(q: Question, n: int) -> str:
    variants = variants_html(q)
    field = answer_field_html(q, f"practice-{q.id}")
    another = '<button type="button" class="practice-another">Another one</button>' if len(q.variants) > 1 else ""
    legacy = _OLD_ID.get(q.id)
    return (
        f'<form class="practice" data-kind="{q.kind}" data-id="{q.id}"'
        f"{_attrs(legacy=legacy) if legacy else ''} novalidate>"
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
