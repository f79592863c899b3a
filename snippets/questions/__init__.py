"""Every lesson's practice questions, registered with `snippets.quiz.question` as these modules are imported.

Each question is a function of the variant number v that computes its answer with `snippets` (a layer's
shapes from real parameters, σ from `activations`, a step from `numpy_net.update` ...), so a question can
never disagree with the page it sits on. Grouped as the lessons run: the network, learning, beyond.
"""

from snippets.questions import beyond, learning, network  # noqa: F401
