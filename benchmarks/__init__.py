"""`make bench`: build time, memory, page and search-index size against plain-MkDocs baselines."""
