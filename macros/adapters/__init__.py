"""The adapters between MkDocs (and mkdocs-macros) and the core."""
