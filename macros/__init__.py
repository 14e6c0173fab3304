"""Kennisbank Arbeidsmigratie: the data catalog, page registry, feeds and the thin MkDocs adapters.

The core (``catalog``, ``render``, ``registry``, ``feeds``) imports nothing from MkDocs. Only
``hooks.py`` (MkDocs hooks) and ``main.py`` (mkdocs-macros ``define_env``) touch MkDocs.
"""
