"""One object per build: the catalog, the site model, our Jinja environment and the slots.

Created by the plugin's ``on_config`` and handed to the macros adapter; nothing is kept in module
globals, so every rebuild under ``make serve`` sees edited data and templates.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from ..core.catalog import Catalog, load_catalog
from ..core.render.env import make_environment
from ..core.site.registry import SiteModel
from ..core.site.views import build_today
from .slots import Slots


@dataclass
class Build:
    data_dir: Path
    today: dt.date
    catalog: Catalog
    env: Environment
    model: SiteModel
    slots: Slots = field(default_factory=Slots)

    @classmethod
    def load(cls, data_dir: Path, today: dt.date | None = None) -> Build:
        """Load and validate ``data_dir``; raises CatalogError (data) or ValueError (KENNISBANK_TODAY)."""
        return cls.from_catalog(data_dir, load_catalog(data_dir), today)

    @classmethod
    def from_catalog(cls, data_dir: Path, catalog: Catalog, today: dt.date | None = None) -> Build:
        """A build of an already loaded catalog, with a fresh Jinja environment and fresh slots."""
        today = today or build_today()
        env = make_environment()
        return cls(data_dir, today, catalog, env, SiteModel(catalog, today, env))


def empty_catalog(data_dir: Path) -> Catalog:
    """No records at all: what `make serve` shows (with the errors) when data/ was never valid."""
    return Catalog(str(data_dir), (), {}, {}, {}, {})


def data_dir_for(config_file: str | None, settings: dict | None) -> Path:
    """The data folder named in ``extra.kennisbank.data_dir``, relative to mkdocs.yml."""
    base = Path(config_file).resolve().parent if config_file else Path.cwd()
    rel = (settings or {}).get("data_dir", "data")
    return (base / rel).resolve()
