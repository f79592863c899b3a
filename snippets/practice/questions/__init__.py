"""Every lesson's practice questions: one module per lesson page, named after it (docs/try-it.py: try_it.py).

Importing this package imports every module in it, which registers its questions (`kinds.question`): a new
lesson's module needs no line here.
"""

import importlib
import pkgutil

from snippets.practice.kinds import BUILDERS, VARIANTS, Question

for _module in pkgutil.iter_modules(__path__):
    importlib.import_module(f"{__name__}.{_module.name}")


def for_page(page: str) -> list[Question]:
    """The questions of one page, in order, every variant computed."""
    if page not in BUILDERS:
        raise ValueError(f"no practice questions for page {page!r}; pages with some: {sorted(BUILDERS)}")
    built = []
    for qid, title, build in BUILDERS[page]:
        first = build(0)
        count = VARIANTS if first.kind == "number" else 1
        built.append(Question(qid, page, title, (first, *(build(v) for v in range(1, count)))))
    return built


def pages() -> dict[str, list[str]]:
    """{page: the ids of its questions}, for the checklist and the progress counts."""
    return {page: [qid for qid, _, _ in built] for page, built in BUILDERS.items()}
