"""The MkDocs-free core: catalog, site model, rendering, feeds, scaffolds and the command line."""
