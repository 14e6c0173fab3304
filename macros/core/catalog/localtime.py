"""Wall-clock times in the Netherlands that do not exist: the hour skipped when summer time starts."""
from __future__ import annotations

import datetime as dt

from .models import AMSTERDAM


def exists_in_amsterdam(year: int, month: int, day: int, hour: int, minute: int) -> bool:
    """False for a time in the spring gap (e.g. 2027-03-28 02:30): it never shows on a Dutch clock."""
    local = dt.datetime(year, month, day, hour, minute, tzinfo=AMSTERDAM)
    back = local.astimezone(dt.UTC).astimezone(AMSTERDAM)
    return (back.hour, back.minute) == (hour, minute)
