"""Kennisbank Arbeidsmigratie: the generator behind the site.

``macros.core`` (catalog, site model, rendering, feeds, scaffolds, command line) imports nothing from
MkDocs. ``macros.adapters`` holds the MkDocs plugin (``kennisbank``), the mkdocs-macros module, the
record page, the page shell and the slots: the only code that touches MkDocs.
"""
