"""The Scrapy spider: discover article URLs per source, fetch the articles, yield items.

It stores nothing (the corpus pipeline does). Every request carries its source's name and
role in ``meta``; discovery pages (sitemaps, feeds, listings) are always fetched fresh and
article URLs are deduplicated here by canonical form and against the store (``is_known``),
not by Scrapy's fingerprint filter, so a request lost in a killed run is found again.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import AsyncIterator, Callable, Iterable, Iterator
from datetime import date
from typing import Any

import scrapy
from scrapy.http import Response, TextResponse
from twisted.python.failure import Failure

from pugnlp.errors import StoreError
from pugnlp.fetch.errors import failure_reason
from pugnlp.fetch.faults import stop_crawl
from pugnlp.fetch.items import DiscoveryItem, FailureItem, PageItem
from pugnlp.sources.feeds import parse_feed
from pugnlp.sources.listing import PAGE_PLACEHOLDER, article_links, page_url
from pugnlp.sources.registry import PAGED, Source
from pugnlp.sources.sitemaps import SitemapEntry, newest_first, parse_sitemap, sitemaps_from_robots
from pugnlp.sources.urls import canonical_url

log = logging.getLogger(__name__)

MAX_SITEMAP_DEPTH = 3
"""Sitemap indexes nest at most this deep (sitemaps.org allows one level; some CMSs add two)."""
BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "PDF"), (b"PK\x03\x04", "ZIP or Office document"),
    (b"\xd0\xcf\x11\xe0", "Office 97-2003 document"), (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"), (b"GIF8", "GIF image"), (b"\x1f\x8b", "gzip data"))
"""Leading bytes of files that CMSs serve as text/html by mistake (a release as a PDF)."""
UNICODE_BOMS: tuple[bytes, ...] = (b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")
SNIFF_BYTES = 1024


def binary_kind(body: bytes) -> str | None:
    """What a body that is not text is (``PDF``, ``PNG image``...), or None for text. Pure.

    Checks the leading bytes against :data:`BINARY_SIGNATURES`, then looks for a NUL byte in
    the first :data:`SNIFF_BYTES` (HTML has none, except in UTF-16, which starts with a BOM).
    """
    head = body[:SNIFF_BYTES].lstrip(b" \t\r\n")
    for signature, kind in BINARY_SIGNATURES:
        if head.startswith(signature):
            return kind
    if b"\x00" in head and not head.startswith(UNICODE_BOMS):
        return "binary data"
    return None


class PugSpider(scrapy.Spider):
    """Collect the article pages of the given sources.

    Args:
        sources: the sources to crawl.
        since: skip sitemap/feed entries dated before this day.
        max_pages: at most this many article requests per source and run (None: no limit).
        dry_run: read the first discovery page of each source only; fetch no article.
        dry_run_limit: article URLs reported per source in a dry run.
        max_listing_pages: last listing/search page number followed.
        is_known: tells whether the store already holds a URL (skipped when True).
    """

    name = "pugnlp"

    def __init__(self, sources: Iterable[Source] = (), since: date | None = None,
                 max_pages: int | None = None, dry_run: bool = False, dry_run_limit: int = 10,
                 max_listing_pages: int = 50, is_known: Callable[[str], bool] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.sources = {s.name: s for s in sources}
        self.since, self.max_pages, self.dry_run = since, max_pages, dry_run
        self.dry_run_limit, self.max_listing_pages = dry_run_limit, max_listing_pages
        self.is_known = is_known or (lambda url: False)
        self.scheduled: Counter[str] = Counter()
        self.seen: set[str] = set()

    def _known(self, url: str) -> bool:
        """The store's test; a store that cannot be read stops the crawl (True: skip)."""
        try:
            return self.is_known(url)
        except StoreError as exc:
            stop_crawl(self.crawler, str(exc))
            return True

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for source in self.sources.values():
            if source.discovery in PAGED:
                yield self._discovery(source, page_url(source.discovery_url, 1), "listing", page=1)
            elif source.discovery == "feed":
                yield self._discovery(source, source.discovery_url, "feed")
            elif source.discovery_url.rstrip("/").endswith("/robots.txt"):
                yield self._discovery(source, source.discovery_url, "robots")
            else:
                yield self._discovery(source, source.discovery_url, "sitemap")

    def _discovery(self, source: Source, url: str, kind: str, page: int = 0,
                   depth: int = 0) -> scrapy.Request:
        callback = {"listing": self.parse_listing, "feed": self.parse_feed,
                    "robots": self.parse_robots, "sitemap": self.parse_sitemap}[kind]
        return scrapy.Request(
            url, callback=callback, errback=self.on_error, dont_filter=True, priority=10,
            meta={"pug_source": source.name, "pug_role": "discovery", "pug_page": page,
                  "pug_depth": depth, "dont_cache": True})

    def _full(self, source: str) -> bool:
        return self.max_pages is not None and self.scheduled[source] >= self.max_pages

    def _articles(self, response: Response, entries: Iterable[SitemapEntry]
                  ) -> Iterator[scrapy.Request | DiscoveryItem]:
        """Requests for the new entries, then one DiscoveryItem that reports them."""
        source = response.meta["pug_source"]
        found: list[str] = []
        listed = min(self.dry_run_limit, self.max_pages or self.dry_run_limit)
        for entry in entries:
            if self._full(source) or (self.dry_run and len(found) >= listed):
                break
            key = canonical_url(entry.url)
            if key in self.seen or self._known(entry.url):
                continue
            self.seen.add(key)
            found.append(entry.url)
            if self.dry_run:
                continue
            self.scheduled[source] += 1
            yield scrapy.Request(
                entry.url, callback=self.parse_article, errback=self.on_error, dont_filter=True,
                meta={"pug_source": source, "pug_role": "article",
                      "pug_date": entry.lastmod.isoformat() if entry.lastmod else None})
        yield DiscoveryItem(source=source, url=response.url, status=response.status, found=found)

    def parse_robots(self, response: Response) -> Iterator[Any]:
        """A robots.txt given as discovery URL: follow its ``Sitemap:`` lines."""
        source = self.sources[response.meta["pug_source"]]
        text = response.text if isinstance(response, TextResponse) else response.body.decode(
            "utf-8", "replace")
        urls = sitemaps_from_robots(text, response.url)
        if not urls:
            urls = [source.base_url.rstrip("/") + "/sitemap.xml"]
        for url in urls:
            yield self._discovery(source, url, "sitemap", depth=1)
        yield DiscoveryItem(source=source.name, url=response.url, status=response.status)

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        """A sitemap index (follow children, newest first) or a urlset (schedule articles)."""
        source = self.sources[response.meta["pug_source"]]
        depth = response.meta.get("pug_depth", 0)
        sitemap = parse_sitemap(response.body, response.url)
        if depth < MAX_SITEMAP_DEPTH:
            children = newest_first(sitemap.sitemaps, self.since)
            for child in children[:1] if self.dry_run else children:  # dry run: newest only
                if self._full(source.name):
                    break
                yield self._discovery(source, child.url, "sitemap", depth=depth + 1)
        yield from self._articles(response, newest_first(sitemap.urls, self.since))

    def parse_feed(self, response: Response) -> Iterator[Any]:
        """An RSS/Atom feed: schedule its items dated on or after ``since``."""
        entries = parse_feed(response.body, response.url)
        yield from self._articles(response, newest_first(entries, self.since))

    def parse_listing(self, response: Response) -> Iterator[Any]:
        """A listing or search page: schedule its article links, then ask for the next page."""
        source = self.sources[response.meta["pug_source"]]
        page = response.meta.get("pug_page", 1)
        html = response.text if isinstance(response, TextResponse) else ""
        links = article_links(html, response.url)
        fresh = [u for u in links if canonical_url(u) not in self.seen]
        yield from self._articles(response, (SitemapEntry(u) for u in links))
        more = (fresh and not self.dry_run and not self._full(source.name)
                and page < self.max_listing_pages and PAGE_PLACEHOLDER in source.discovery_url)
        if more:
            yield self._discovery(source, page_url(source.discovery_url, page + 1), "listing",
                                  page=page + 1)

    def parse_article(self, response: Response) -> Iterator[PageItem | FailureItem]:
        """An article page: hand the HTML to the pipeline."""
        meta = response.meta
        attempts = meta.get("retry_times", 0) + 1
        requested = (meta.get("redirect_urls") or [response.url])[0]
        kind = binary_kind(response.body)
        if not isinstance(response, TextResponse) or kind:
            ctype = response.headers.get("Content-Type", b"").decode("latin-1")
            detail = f"{kind} served as {ctype}" if kind else ctype
            yield FailureItem(meta["pug_source"], response.url, "article", "not HTML",
                              response.status, detail, attempts)
            return
        yield PageItem(source=meta["pug_source"], url=response.url, requested_url=requested,
                       status=response.status, html=response.text, attempts=attempts,
                       listed_date=meta.get("pug_date"))

    def on_error(self, failure: Failure) -> Iterator[FailureItem]:
        """Any request that failed for good: report it (the crawl goes on)."""
        request = failure.request  # type: ignore[attr-defined]
        reason, status, detail = failure_reason(failure)
        if reason in ("known", "stopped"):
            return
        url = (request.meta.get("redirect_urls") or [request.url])[0]
        log.info("%s: %s (%s)", url, reason, detail)
        yield FailureItem(request.meta.get("pug_source", "?"), url,
                          request.meta.get("pug_role", "?"), reason, status, detail,
                          request.meta.get("retry_times", 0) + 1)
