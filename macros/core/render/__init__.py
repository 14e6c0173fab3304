"""HTML rendering: sanitised Markdown, Dutch dates and the autoescaped Jinja environment."""
