"""What the site shows: view models over the catalog and the registry of generated pages. No MkDocs."""
