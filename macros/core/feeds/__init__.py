"""Feeds written after the build: iCalendar now; open data and RSS arrive with their issues."""
