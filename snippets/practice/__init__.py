"""Practice: the questions graded on each lesson (`questions`, one module per lesson; `quiz` writes them as HTML),
the mock exam (`exam`), and the coding exercises (`exercises`, their checks and reference solutions)."""
