"""A plugin module that registers its extractor itself, with the decorator, when it is imported."""

from __future__ import annotations

import newsparse


@newsparse.register
class SelfRegistering(newsparse.Extractor):
    name = "self-registering-plugin"
    domains = ("selfreg.example",)

    def language(self, page: newsparse.Page) -> str:
        return "x-selfreg"
