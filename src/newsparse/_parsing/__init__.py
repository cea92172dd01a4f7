"""Pure string parsers shared by the HTML and plain-text modes: dates, bylines, datelines."""

from .bylines import looks_like_person_name, parse_byline
from .datelines import split_dateline
from .dates import date_from_url, find_dates, parse_date

__all__ = ["parse_byline", "looks_like_person_name", "split_dateline", "parse_date", "date_from_url", "find_dates"]
