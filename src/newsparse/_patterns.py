"""Heuristic vocabularies, patterns and weights, in one place, each with the reason it exists.

Nothing here names a site: these are the class / id / word vocabularies that page templates
and CMSs share across the web.
"""

from __future__ import annotations

import re


def _rx(words: str) -> re.Pattern[str]:
    return re.compile(words, re.I)


#: Tags that mark a region by themselves (HTML5 sectioning says what the region is).
TAG_HINTS = {
    "nav": "nav",  # site navigation, never article text
    "footer": "footer",  # page or article footer: trailers, credits, links
    "aside": "aside",  # pull-outs, related content, ads
    "header": "header",  # headline / byline area or site header
    "blockquote": "quote",  # quoted text inside the body
    "form": "form",  # comment forms, newsletter sign-ups, search boxes
    "article": "article",  # the story (or, repeated, teasers / comments)
    "main": "main",  # the main content of the page
    "figcaption": "caption",  # image captions and credits
    "address": "byline",  # HTML5 author contact information
}

#: (hint, pattern over class/id/role/itemprop/itemtype). Order does not matter: all that match are kept.
ATTR_HINTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # reader comments: WordPress (comment-list, commentlist), Disqus, Livefyre, Blogger, Drupal, schema.org
    ("comment", _rx(r"comment|disqus|livefyre|fyre-|reply-?list|^respond$|^responses$|discussion|schema\.org/(User)?Comments?\b")),
    # author boxes / bios after the article
    ("bio", _rx(r"author[-_ ]?(bio|box|info|card|profile|about|description|details)|about[-_ ]?(the[-_ ]?)?author|user-bio|post-body-bio|contributor[-_ ]?bio|\bbio\b|biography")),
    # bylines: rel/author classes, schema.org author
    ("byline", _rx(r"byline|by-?line|\bauthor|\bwriter|contributor|reporter|\bcredit")),
    # dates in the header
    ("date", _rx(r"\bdate|time(stamp)?\b|published|posted|updated|dateline|\bpubdate")),
    # social / sharing widgets
    ("share", _rx(r"share|social|sharing|addthis|sociable|tweet|facebook|whatsapp|pinterest|linkedin")),
    # related links, recirculation, teasers
    ("related", _rx(r"related|recommend|more-?stories|read-?more|also-?read|trending|popular|most-?read|teaser|recirc|outbrain|taboola|you-?may|further-?reading|next-?article|prev(ious)?-?article")),
    # advertising
    ("ad", _rx(r"(^|[\s_-])ads?([\s_-]|$)|advert|sponsor|promo|dfp|banner|doubleclick|adslot|ad-slot|ad-container")),
    # newsletter / subscription / paywall prompts
    # "paywall" is left out: templates wrap the full story in paywall containers that scripts hide later
    ("promo", _rx(r"newsletter|subscri|signup|sign-up|register|membership|donat|cta\b|call-to-action")),
    # navigation, menus, breadcrumbs
    ("nav", _rx(r"(^|[\s_-])nav|menu|breadcrumb|masthead|toolbar|skip-?link|pagination|pager|site-?header")),
    # footers and legal
    ("footer", _rx(r"footer|copyright|colophon|legal|disclaimer")),
    # sidebars and widgets
    ("aside", _rx(r"sidebar|side-?bar|widget|rail|column-?right|right-?col|left-?col")),
    # captions and media credits
    ("caption", _rx(r"caption|credit|photo-?info|image-?info|wp-caption-text|media-?meta")),
    # the story itself
    ("content", _rx(r"article|story|entry|post-?(body|content|text)|content|main|body-?text|text-?body|artikel|contenu|articolo|cuerpo|schema\.org/(News)?Article|articleBody")),
    # headings that are the headline
    ("headline", _rx(r"headline|title|entry-title|post-title|article-title|heading")),
    # standfirst / dek / summary under the headline
    ("dek", _rx(r"\bdek\b|standfirst|subhead|sub-?title|summary|teaser-?text|lede|intro|description|kicker|strapline|deck")),
    # hidden / screen-reader-only text
    ("hidden", _rx(r"sr-only|screen-?reader|visually-?hidden|^hidden$|^is-hidden$|offscreen")),
    # quotes
    ("quote", _rx(r"blockquote|pullquote|pull-quote")),
)

#: Hints whose blocks are never article body text.
NON_BODY_HINTS = frozenset({"comment", "share", "related", "ad", "promo", "nav", "footer", "aside", "form", "hidden"})

#: Boilerplate hints that yield when the same class token also names the story: "entry-content-read-more"
#: is the story body with a read-more button, "article-wrapper" with "left-column" is the story column.
WEAK_NON_BODY_HINTS = frozenset({"related", "aside", "nav", "footer", "promo", "ad", "share", "header"})

#: Class tokens that contain a hint's word without marking such a region (hint -> pattern over one token).
#: "has-comments" / "comments-open" are state flags on the story's own <article>; "commentary" is an opinion
#: genre; "noloaddisqus" is a lazy-loading switch; counters and links point at comments that live elsewhere.
HINT_FALSE_FRIENDS: dict[str, re.Pattern[str]] = {
    "comment": _rx(
        r"^(has|no|with|show|allow|enable|disable|load|noload|open|closed)[-_]?(comments?|disqus|discussion)"
        r"|commentary|comments?[-_]?(open|closed|off|on|count|link|number|icon|button|bubble|enabled|disabled|allowed)$"
        r"|comment-?count|writer-comment|noloaddisqus"
    ),
}
