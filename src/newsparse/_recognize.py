"""Pure recognisers of comment and bio text shared by the HTML and plain-text modes (being written)."""

from __future__ import annotations
