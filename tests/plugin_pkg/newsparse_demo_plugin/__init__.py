"""A site extractor for ``demo.example`` that answers two fields and leaves the rest to the generic one."""

from __future__ import annotations

import newsparse


class DemoExtractor(newsparse.Extractor):
    name = "demo-plugin"
    domains = ("demo.example",)

    def headline(self, page: newsparse.Page) -> newsparse.Headline | None:
        if page.tree is None:
            return None
        texts = page.tree.xpath('//*[@class="demo-title"]//text()')
        text = " ".join(t.strip() for t in texts if t.strip())
        return newsparse.Headline(text=text) if text else None

    def comments(self, page: newsparse.Page) -> tuple[newsparse.Comment, ...] | None:
        return ()  # the demo site has no comments: known to be empty


#: Not an extractor: an entry point naming it must be reported, not registered.
NOT_AN_EXTRACTOR = {"name": "demo"}
