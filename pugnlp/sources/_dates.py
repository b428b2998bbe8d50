"""Dates as sitemaps and feeds write them (W3C datetime, RFC 822), read into ``datetime.date``."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
_ISO_MONTH = re.compile(r"^\s*(\d{4})-(\d{2})\s*$")
_ISO_YEAR = re.compile(r"^\s*(\d{4})\s*$")


def parse_date(value: str | None) -> date | None:
    """``2023-10-11T08:00:00+08:00``, ``2023-10``, ``Wed, 11 Oct 2023 08:00:00 +0800`` -> date.

    Returns:
        The calendar date as written (no time-zone shift), or None when unreadable.
    """
    if not value or not value.strip():
        return None
    for pattern, build in ((_ISO_DAY, lambda m: (int(m[1]), int(m[2]), int(m[3]))),
                           (_ISO_MONTH, lambda m: (int(m[1]), int(m[2]), 1)),
                           (_ISO_YEAR, lambda m: (int(m[1]), 1, 1))):
        match = pattern.match(value)
        if match:
            try:
                return date(*build(match))
            except ValueError:
                return None
    try:
        parsed: datetime = parsedate_to_datetime(value.strip())
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date()
