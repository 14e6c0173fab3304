"""Developer tools shared by tests/ and benchmarks/ (never used by a site build): build a fixture
site from the repository's mkdocs.yml, serve a folder on loopback, launch Debian's Chromium."""
