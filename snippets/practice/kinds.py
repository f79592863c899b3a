"""The three kinds of practice question, and how a question is registered.

- `Number`: accepted within `tol` ("0.5", ".5" and "5e-1" are the same answer);
- `Shape`: a tuple of sizes ("(15, 25)", "15x25" and "15 × 25" are the same answer);
- `Choice`: one or several correct options, each with its own explanation.

Each kind lists the likely `mistakes` (a wrong answer and the hint it earns: a transposed shape, a
missing 1/m, a base-10 log ...). A question is registered by `@question(page, title)` on a function of the
variant number v (0, 1, ...) that computes it; number questions get several variants, the "another one"
button's fresh numbers. Each lesson's questions are a module of `snippets.practice.questions`.
"""

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from snippets.practice.legacy_ids import LEGACY_IDS

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


BUILDERS: dict[str, list[tuple[str, str, Callable]]] = {}  # {page: [(id, title, build)]}, filled as modules load


def question(page: str, title: str, name: str | None = None):
    """Register `build(v) -> Number | Shape | Choice` as the next question of `page` (a docs/ stem). Its id is
    "page-name", `name` defaulting to the function's name with hyphens; ids are unique across the site."""

    def register(build):
        qid = f"{page}-{name or build.__name__.replace('_', '-')}"
        origin = (build.__module__, build.__qualname__)
        built = BUILDERS.setdefault(page, [])
        again = [k for k, (t, _, b) in enumerate(built) if t == qid and (b.__module__, b.__qualname__) == origin]
        if again:  # its module imported again (importlib.reload): the same question, kept in its place
            built[again[0]] = (qid, title, build)
            return build
        taken = {t for page_built in BUILDERS.values() for t, _, _ in page_built}
        if qid in taken or qid in LEGACY_IDS:
            raise ValueError(f"question id {qid!r} is taken: give `question(..., name=...)` a name of its own")
        built.append((qid, title, build))
        return build

    return register


def rng(v: int, salt: int = 0) -> np.random.Generator:
    """The seeded generator of variant v: the same numbers on every build."""
    return np.random.default_rng([v, salt])


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
