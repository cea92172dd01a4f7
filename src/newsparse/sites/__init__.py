"""Platform extractors: they claim a page by what it is (its publishing platform), not by its domain.

Each one is a worked example of a site extractor that overrides only the fields its platform's
standard markup answers with confidence and returns ``None`` (ask the next extractor) otherwise:

- :class:`~newsparse.sites.wordpress.WordPressExtractor`: reader comments from WordPress's
  ``wp_list_comments()`` markup (``li.comment`` items, threaded by nesting).
- :class:`~newsparse.sites.blogger.BloggerExtractor`: body, byline, publication date and reader
  comments from Blogger's post and comment templates.

A platform extractor must never lower a score (issue #9). Reader comments are therefore rebased on
the generic comment finder (:func:`newsparse.sites._markup.merged_comments`): where the generic
finder reads a thread, its comments stand, and the platform's items only fill in what it lacks (a
missing name or date, an item it missed, a button label it kept); where it reads none, the
platform's markup answers. ``benchmarks/platform_eval.py`` checks the rule on the corpus and the
gold set and exits non-zero when a claimed page scores lower on any metric.

They are registered through the ``newsparse.extractors`` entry point of this distribution, so
``newsparse.parse(page)`` uses them (``plugins=False`` switches them off). A domain extractor
always outranks them (see the precedence in :func:`newsparse._registry.chain_for`).
"""

from __future__ import annotations

from .blogger import BloggerExtractor
from .wordpress import WordPressExtractor

__all__ = ["WordPressExtractor", "BloggerExtractor", "PLATFORM_EXTRACTORS"]

#: The platform extractors shipped with newsparse.
PLATFORM_EXTRACTORS = (WordPressExtractor, BloggerExtractor)
