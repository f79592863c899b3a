"""The notebook CSS cut to the rules the built pages use.

nbconvert ships JupyterLab's whole stylesheet (about 590 KB) for any notebook; notes_build/notebook_html.py writes
it once to assets/stylesheets/jupyter.css. After the build, this stage keeps only:
- the rules with at least one selector whose classes and ids all occur in some built page;
- the custom properties (`--jp-…`) those rules read, directly or through other custom properties.

At-rules other than @media and @supports (fonts, keyframes) are kept whole. The pages have no script
that adds notebook classes later, so a class absent from every page's HTML can never match.

Two kinds of rule make every style recalculation of a notebook page about twice as slow in Chromium (measured
on backprop/: a full recalculation of its 2,190 elements, 48 ms before, 22 ms after), so `restyle` changes
them, keeping what they show:
- `.jupyter-wrapper ::selection` gives every element of the notebook its own highlight style: it is dropped,
  and selected text takes the theme's selection colour, as on the Markdown pages;
- the blocks of custom properties declared on `.jupyter-wrapper` make every notebook element inherit a
  second set of variables: they move to `:root` (and to the dark scheme's `[data-md-color-scheme=slate]`).
"""

import re
from dataclasses import dataclass, field
from pathlib import Path

import tinycss2
from mkdocs.exceptions import PluginError

from . import disk_cache
from .project import NOTEBOOK_CSS, cache_folder, page_memo

AFTER = ("notebook_html",)  # which writes NOTEBOOK_CSS
KEEP = 4  # cut stylesheets kept besides the current one
_SOURCE = disk_cache.stage_source(__file__)  # part of its cache keys
_CLASS_ATTR = re.compile(r'\bclass="([^"]*)"')
_ID_ATTR = re.compile(r'\bid="([^"]*)"')
_CLASS = re.compile(r"\.(-?[_a-zA-Z][\w-]*)")
_ID = re.compile(r"#(-?[_a-zA-Z][\w-]*)")
_NAME = re.compile(r"-?[_a-zA-Z][\w-]*")  # what _ID finds after the #
_VAR = re.compile(r"var\(\s*(--[\w-]+)")
_GROUPS = ("media", "supports")


def _selectors(prelude: list) -> list[str]:
    """A rule's selector list split at its top-level commas (not those inside :is(…) or :not(…))."""
    selectors, current = [], []
    for token in prelude:
        if token.type == "literal" and token.value == ",":
            selectors.append(current)
            current = []
        else:
            current.append(token)
    return [tinycss2.serialize(s).strip() for s in [*selectors, current]]


def _rules(css: str) -> list:
    return tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)


def _declarations(rule) -> list:
    return [
        d
        for d in tinycss2.parse_declaration_list(rule.content, skip_comments=True, skip_whitespace=True)
        if d.type == "declaration"
    ]


def _needed_properties(rules: list) -> set[str]:
    """Custom properties read by the ordinary declarations of `rules`, followed through other properties."""
    values, read = {}, set()
    stack = list(rules)
    while stack:
        rule = stack.pop()
        if rule.type == "at-rule" and rule.lower_at_keyword in _GROUPS and rule.content is not None:
            stack.extend(_rules(tinycss2.serialize(rule.content)))
        elif rule.type == "qualified-rule":
            for declaration in _declarations(rule):
                value = tinycss2.serialize(declaration.value)
                if declaration.name.startswith("--"):
                    values.setdefault(declaration.name, []).append(value)
                else:
                    read.update(_VAR.findall(value))
    needed, todo = set(), list(read)
    while todo:
        name = todo.pop()
        if name not in needed:
            needed.add(name)
            todo.extend(v for value in values.get(name, []) for v in _VAR.findall(value))
    return needed


def prune(css: str, classes: set[str], ids: set[str]) -> str:
    """`css` without the selectors that need a class or id outside `classes`/`ids`, nor unread custom properties."""

    def matchable(selector: str) -> bool:
        return set(_CLASS.findall(selector)) <= classes and set(_ID.findall(selector)) <= ids

    def by_selector(rules: list) -> list:
        kept = []
        for rule in rules:
            if rule.type == "qualified-rule":
                selectors = [s for s in _selectors(rule.prelude) if matchable(s)]
                if selectors:
                    kept.append((",".join(selectors), rule))
            elif rule.type == "at-rule" and rule.lower_at_keyword in _GROUPS and rule.content is not None:
                inner = by_selector(_rules(tinycss2.serialize(rule.content)))
                if inner:
                    kept.append((rule, inner))
            elif rule.type == "at-rule":
                kept.append((None, rule))
        return kept

    def flatten(kept: list) -> list:
        return [r for item in kept for r in ([item[1]] if not isinstance(item[1], list) else flatten(item[1]))]

    kept = by_selector(_rules(css))
    needed = _needed_properties(flatten(kept))

    def write(kept: list) -> str:
        out = []
        for head, body in kept:
            if head is None:
                out.append(tinycss2.serialize([body]))
            elif isinstance(body, list):
                out.append(f"@{head.at_keyword}{tinycss2.serialize(head.prelude)}{{{write(body)}}}")
            else:
                declarations = [d for d in _declarations(body) if not d.name.startswith("--") or d.name in needed]
                if declarations:
                    out.append(f"{head}{{{';'.join(d.serialize() for d in declarations)}}}")
        return "\n".join(out)

    return write(kept) + "\n"


# Selectors of custom-property blocks, and where their properties go instead (see the module docstring).
_HOISTED = {".jupyter-wrapper": ":root", ".jupyter-wrapper :root": ":root",
            "[data-md-color-scheme=slate] .jupyter-wrapper": "[data-md-color-scheme=slate]"}  # fmt: skip


def restyle(css: str) -> str:
    """`css` without its `::selection` rules, and with `_HOISTED` custom-property blocks moved to the root."""

    def rewrite(rules: list) -> list[str]:
        out = []
        for rule in rules:
            if rule.type == "at-rule" and rule.lower_at_keyword in _GROUPS and rule.content is not None:
                inner = rewrite(_rules(tinycss2.serialize(rule.content)))
                if inner:
                    out.append(f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)}{{{''.join(inner)}}}")
                continue
            if rule.type != "qualified-rule":
                out.append(tinycss2.serialize([rule]))
                continue
            selectors = [s for s in _selectors(rule.prelude) if "::selection" not in s and "::-moz-selection" not in s]
            if not selectors:
                continue
            declarations = _declarations(rule)
            if declarations and all(d.name.startswith("--") for d in declarations):
                selectors = [_HOISTED.get(" ".join(s.split()), s) for s in selectors]
            out.append(f"{','.join(dict.fromkeys(selectors))}{{{tinycss2.serialize(rule.content)}}}")
        return out

    return "\n".join(rewrite(_rules(css))) + "\n"


def names(html: str) -> list[list[str]]:
    """[classes, ids] that `html` uses, sorted."""
    classes = {name for value in _CLASS_ATTR.findall(html) for name in value.split()}
    # Only ids a `#name` selector can name: nbconvert's `cell-id=…` anchors, new random ones whenever a page's
    # text changes, match no rule, and counting them made every text edit cut the stylesheet again (1 s).
    ids = {name for name in _ID_ATTR.findall(html) if _NAME.fullmatch(name)}
    return [sorted(classes), sorted(ids)]


@dataclass
class State:
    classes: set[str] = field(default_factory=set)  # every class and id this build's pages use
    ids: set[str] = field(default_factory=set)
    memo: disk_cache.Memo | None = None  # each page's names, by its HTML


def on_pre_build(config, build):
    build.styles.memo = page_memo(config, "styles-names", _SOURCE)


def on_post_page(output, page, config, build):
    """Note every class and id the page uses (every page loads the notebook CSS: extra_css is site-wide)."""
    classes, ids = build.styles.memo.get(output, lambda: names(output))
    build.styles.classes.update(classes)
    build.styles.ids.update(ids)
    return output


def on_post_build(config, build):
    """Cut the notebook CSS. Parsing 590 KB of CSS takes a second or two, so each cut is kept in .cache/styles,
    named by the stylesheet and the names the pages use: a rebuild whose pages use the same names copies it."""
    used = build.styles
    used.memo.save()
    path = Path(config["site_dir"]) / NOTEBOOK_CSS
    if not path.is_file():  # it would ship whole (590 KB) or not at all
        raise PluginError(f"styles stage: {NOTEBOOK_CSS} is not in the site: the notebook_html stage writes it first")
    css = path.read_text(encoding="utf-8")
    names_used = "\0".join(sorted(used.classes)) + "\1" + "\0".join(sorted(used.ids))
    store = disk_cache.Store(cache_folder(config) / "styles", KEEP)
    cut = lambda target: target.write_text(restyle(prune(css, used.classes, used.ids)), encoding="utf-8")  # noqa: E731
    cached = store.get(f"jupyter-{disk_cache.key(css, names_used, _SOURCE)[:20]}.css", cut)
    store.prune()
    path.write_text(cached.read_text(encoding="utf-8"), encoding="utf-8")
