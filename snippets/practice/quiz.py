"""Practice questions graded on the page, written as HTML: `questions(page)` for the page's forms, `key(page)` for
its printed answer key. `docs/assets/javascripts/practice.js` grades in the browser, from the HTML only."""

import html
import json
import re

from snippets.course.show import HTML
from snippets.practice.kinds import Choice, Question, answer_text, number_text
from snippets.practice.legacy_ids import LEGACY_IDS
from snippets.practice.questions import for_page, pages

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
