"""Date strings -> datetimes (stub; being written)."""

from __future__ import annotations

import datetime as _dt
import re

from dateutil import parser as _dp

_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](0?[1-9]|1[0-2])[/-](0?[1-9]|[12]\d|3[01])(?:/|$|[^0-9])")


def parse_date(text: str, *, reference: _dt.datetime | None = None) -> _dt.datetime | None:
    """Parse a date string as printed on a page or in metadata; ``None`` when it is not a date."""
    text = (text or "").strip()
    if not text or len(text) > 200:
        return None
    try:
        return _dp.isoparse(text)
    except (ValueError, OverflowError):
        pass
    try:
        return _dp.parse(text, fuzzy=True)
    except (ValueError, OverflowError):
        return None


def date_from_url(url: str | None) -> _dt.datetime | None:
    """A ``/2020/11/04/`` style date in a URL."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if not m:
        return None
    try:
        return _dt.datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
