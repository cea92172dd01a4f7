"""Pure string parsers shared by the HTML and plain-text modes: dates, bylines, datelines."""

from .bylines import parse_byline
from .datelines import split_dateline
from .dates import date_from_url, parse_date

__all__ = ["parse_byline", "split_dateline", "parse_date", "date_from_url"]
