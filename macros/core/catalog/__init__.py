"""The data catalog: the only code that reads data/. Pure Python, no MkDocs."""
from __future__ import annotations

from .cache import LoadCache
from .errors import CatalogError, DataError
from .loader import load_catalog, parse_moment
from .models import Catalog, Event, Moment, Municipality, Practice, Region, Theme

__all__ = ["Catalog", "CatalogError", "DataError", "Event", "LoadCache", "Moment", "Municipality", "Practice",
           "Region", "Theme", "load_catalog", "parse_moment"]
