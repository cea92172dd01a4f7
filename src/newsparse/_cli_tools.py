"""The extractor author's subcommands: ``explain`` and ``new-extractor``.

``build_parser()`` in ``_cli`` calls :func:`add_subcommands` to add them to the ``newsparse`` command.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
from pathlib import Path
from typing import Any, TextIO

from ._errors import NewsparseError

__all__ = ["add_subcommands", "cmd_explain", "cmd_new_extractor", "scaffold_extractor"]

#: A domain name as ``new-extractor`` accepts it: labels of letters, digits and hyphens, with a dot.
DOMAIN = re.compile(r"^(?=.{3,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$")


def add_subcommands(sub: Any) -> None:
    """Add ``explain`` and ``new-extractor`` to the subparsers of the ``newsparse`` command."""
    ex = sub.add_parser(
        "explain",
        help="show, field by field, which extractor answered and from what",
        description=(
            "Parse one page and show, for every field, the extractor that answered and its evidence: the "
            "JSON-LD key or <meta> name, the <time> element, or the blocks of the page with their element "
            "path and score. Use it to see where the generic extractor goes wrong before writing a rule."
        ),
    )
    ex.add_argument("page", metavar="PAGE", help="a saved page (HTML or text, optionally .gz)")
    ex.add_argument("--url", help="the page URL (selects domain extractors, helps dates)")
    ex.add_argument("--input-format", choices=("html", "text"), default=None, help="force the kind of input")
    ex.add_argument("--no-plugins", action="store_true", help="use the generic extractor only")
    ex.add_argument("--field", action="append", choices=_fields(), metavar="FIELD", help="only this field (repeatable)")
    ex.add_argument("--json", action="store_true", help="print the explanation as JSON")
    ex.set_defaults(func=cmd_explain)

    ne = sub.add_parser(
        "new-extractor",
        help="scaffold a site extractor module and a fixture folder for DOMAIN",
        description=(
            "Write an extractor module for DOMAIN (a class overriding nothing yet) and a fixture folder "
            "<fixtures>/<name>/ with page.html, meta.json and expected.json, ready for the newsparse pytest "
            "plugin. With --page the page is copied and expected.json holds today's output: review it."
        ),
    )
    ne.add_argument("domain", metavar="DOMAIN", help="the site's domain, e.g. ledger.example")
    ne.add_argument("--dir", default=".", help="folder of the extractor module (default: .)")
    ne.add_argument("--fixtures", default="fixtures", help="folder of the fixture folders (default: fixtures)")
    ne.add_argument("--page", help="a saved page of the site to copy into the fixture folder")
    ne.add_argument("--url", help="the URL of that page (default: https://DOMAIN/)")
    ne.add_argument("--force", action="store_true", help="overwrite existing files")
    ne.set_defaults(func=cmd_new_extractor)


def _fields() -> tuple[str, ...]:
    from ._extractor import FIELDS

    return FIELDS


def cmd_explain(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from ._explain import explain, render_explanation

    try:
        exp = explain(args.page, url=args.url, format=args.input_format, plugins=not args.no_plugins)
    except NewsparseError as exc:
        err.write(f"newsparse: {exc}\n")
        return 1
    if args.field:
        import attrs

        exp = attrs.evolve(exp, fields=tuple(f for f in exp.fields if f.field in args.field))
    if args.json:
        out.write(json.dumps(exp.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(render_explanation(exp))
    return 0


def module_name(domain: str) -> str:
    """``ledger.example`` -> ``ledger_example``."""
    name = re.sub(r"[^a-z0-9]+", "_", domain.lower()).strip("_")
    return name if name[:1].isalpha() else "site_" + name


def class_name(domain: str) -> str:
    """``ledger.example`` -> ``LedgerExample``."""
    return "".join(p.capitalize() for p in module_name(domain).split("_")) or "Site"


_MODULE = '''"""Site extractor for {domain} (scaffolded by ``newsparse new-extractor``).

Override only the fields the generic extractor gets wrong on {domain}; return ``None`` to let the
generic extractor answer. ``newsparse explain PAGE --url https://{domain}/...`` shows where each
field comes from today. Register the class through your package's entry point:

    [project.entry-points."newsparse.extractors"]
    {module} = "{module}:{cls}"
"""

from __future__ import annotations

import newsparse
from newsparse import Byline, Extractor, Headline, Page


class {cls}(Extractor):
    """Fields of {domain} pages that need a rule."""

    name = "{domain}"
    domains = ("{domain}",)  # also matches its subdomains

    def headline(self, page: Page) -> Headline | None:
        # e.g. texts = page.tree.xpath('//h1[@class="title"]//text()')
        return None

    def bylines(self, page: Page) -> tuple[Byline, ...] | None:
        # e.g. names = page.tree.xpath('//a[@rel="author"]/text()')
        #      return tuple(Byline(name=n.strip()) for n in names if n.strip()) or None
        return None


__all__ = ["{cls}", "newsparse"]
'''

_PLACEHOLDER_PAGE = """<!DOCTYPE html>
<html><head><title>Replace me</title></head>
<body><p>Save a page of {domain} over this file, then run
pytest --newsparse-fixtures {fixtures} --update-golden and review expected.json.</p></body></html>
"""


def scaffold_extractor(
    domain: str,
    *,
    directory: str | Path = ".",
    fixtures: str | Path = "fixtures",
    page: str | Path | None = None,
    url: str | None = None,
    force: bool = False,
) -> list[Path]:
    """Write the extractor module and the fixture folder for ``domain``; returns the files written.

    Raises ``ValueError`` for a malformed domain and ``FileExistsError`` when a file exists and
    ``force`` is false.
    """
    from ._model import Article
    from ._pipeline import parse

    domain = domain.strip().lower().rstrip(".")
    if domain.startswith("www."):
        domain = domain[4:]
    if not DOMAIN.match(domain):
        raise ValueError(f"{domain!r} is not a domain name (e.g. ledger.example)")
    mod, cls = module_name(domain), class_name(domain)
    module_path = Path(directory) / f"{mod}.py"
    case = Path(fixtures) / mod
    targets = [module_path, case / "page.html", case / "meta.json", case / "expected.json"]
    existing = [p for p in targets if p.exists()]
    if existing and not force:
        raise FileExistsError(f"{existing[0]} exists (use --force to overwrite)")
    module_path.parent.mkdir(parents=True, exist_ok=True)
    case.mkdir(parents=True, exist_ok=True)
    module_path.write_text(_MODULE.format(domain=domain, module=mod, cls=cls), encoding="utf-8")
    page_url = url or f"https://{domain}/"
    meta: dict[str, Any] = {"url": page_url, "extractors": [f"{mod}:{cls}"]}
    (case / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    expected: dict[str, Any] = {}
    if page is not None:
        shutil.copyfile(page, case / "page.html")
        art: Article = parse(case / "page.html", url=page_url, plugins=False)
        data = art.to_dict()
        expected = {k: data[k] for k in ("headline", "bylines", "published", "body") if k in data}
    else:
        (case / "page.html").write_text(_PLACEHOLDER_PAGE.format(domain=domain, fixtures=fixtures), encoding="utf-8")
    (case / "expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return targets


def cmd_new_extractor(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    try:
        written = scaffold_extractor(
            args.domain, directory=args.dir, fixtures=args.fixtures, page=args.page, url=args.url, force=args.force
        )
    except (ValueError, FileExistsError, OSError, NewsparseError) as exc:
        err.write(f"newsparse: {exc}\n")
        return 2
    for path in written:
        out.write(f"wrote {path}\n")
    case = written[1].parent
    if args.page:
        out.write(f"review {case / 'expected.json'}: it holds what newsparse extracts today (generic extractor)\n")
    else:
        out.write(f"save a page of {args.domain} as {case / 'page.html'}\n")
    out.write(f"then: pytest --newsparse-fixtures {args.fixtures} [--update-golden]\n")
    return 0
