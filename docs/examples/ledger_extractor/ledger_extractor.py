"""Site extractor for ledger.example: the byline's role and the author box's profile link."""

from __future__ import annotations

from urllib.parse import urljoin

from newsparse import AuthorBio, Byline, Extractor, Page


class LedgerExtractor(Extractor):
    """Two fields from ledger.example's own markup; the generic extractor answers the rest."""

    name = "ledger.example"
    domains = ("ledger.example",)  # also matches www.ledger.example, news.ledger.example, ...

    def bylines(self, page: Page) -> tuple[Byline, ...] | None:
        # <div class="byline">By <a rel="author">Jane Doe</a> and Omar Haddad | Staff Writers</div>
        for el in page.tree.xpath('//div[@class="byline"]'):
            credit, _, role = el.text_content().partition("|")
            credit = credit.strip()
            if credit.startswith("By "):
                names = credit[3:].replace(" and ", ", ").split(",")
                role = role.strip().removesuffix("s") or None  # "Staff Writers" -> "Staff Writer"
                return tuple(Byline(name=n.strip(), role=role) for n in names if n.strip())
        return None  # no opinion: the generic extractor answers

    def author_bios(self, page: Page) -> tuple[AuthorBio, ...] | None:
        bios = []
        for box in page.tree.xpath('//div[@class="author-box"]'):
            name = box.xpath('string(.//h4[@class="author-name"])').strip()
            href = box.xpath('string(.//h4[@class="author-name"]/a/@href)').strip()
            title = box.xpath('string(.//p[@class="author-title"])').strip()
            text = box.xpath('string(.//p[@class="author-bio"])').strip()
            if name:
                url = urljoin(page.url or "", href) if href else None
                bios.append(AuthorBio(name=name, title=title or None, text=text or None, url=url))
        return tuple(bios) or None
