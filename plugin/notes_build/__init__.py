"""The build of the notes: one MkDocs plugin (`notes`, plugin.py) running its stages in a fixed order (STAGES)."""
