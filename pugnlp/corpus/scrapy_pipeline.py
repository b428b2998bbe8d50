"""Scrapy item pipeline: fetched page -> extraction -> pre-filter -> corpus store.

Each item is processed in one store transaction. Rejected pages (no article text, another
language, off-topic) are stored as stub rows with the reason, so a later crawl skips them;
pages older than ``--since`` are only logged. The item's ``outcome`` says what happened.
A write error of the store (disk full, damaged page, read-only) stops the crawl
(:func:`pugnlp.fetch.faults.stop_crawl`); that page and every page after it get the outcome
``failed`` with the reason ``not stored``, and are fetched again by the next run.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pugnlp.corpus.store import CorpusStore, Page
from pugnlp.errors import InputError, StoreError
from pugnlp.fetch.faults import stop_crawl, stop_reason
from pugnlp.fetch.items import DiscoveryItem, FailureItem, PageItem
from pugnlp.patterns.prefilter import INDONESIAN_FUNCTION_WORDS, PUG_KEYWORDS, TOKEN
from pugnlp.schema import Article
from pugnlp.sources.urls import canonical_url

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

log = logging.getLogger(__name__)

MIN_INDONESIAN_SHARE = 0.05
"""Share of Indonesian function words below which a page is in another language. The five
seed releases score 0.17-0.24; an English release 0.00-0.02 (``di``/``dan`` hardly occur)."""
MIN_TOKENS_FOR_LANGUAGE = 40
"""Shorter texts are not judged for language (too few words to count)."""

REJECT_NO_TEXT = "no article text"
REJECT_LANGUAGE = "other language"
REJECT_OFFTOPIC = "off-topic (no PUG keyword)"
NOT_STORED = "not stored"


def indonesian_share(text: str) -> float:
    """Share of tokens that are frequent Indonesian function words."""
    tokens = TOKEN.findall(text.lower())
    if not tokens:
        return 0.0
    return sum(t in INDONESIAN_FUNCTION_WORDS for t in tokens) / len(tokens)


def reject_reason(article: Article, bahasa: str = "id") -> str | None:
    """Why a page is not kept in full (None: keep it). Pure.

    Args:
        article: the extracted article.
        bahasa: the source's language (the language check applies to ``id`` sources).
    """
    text = f"{article.title or ''}\n{article.text}"
    if bahasa == "id":
        tokens = TOKEN.findall(text)
        if len(tokens) >= MIN_TOKENS_FOR_LANGUAGE and indonesian_share(text) < MIN_INDONESIAN_SHARE:
            return REJECT_LANGUAGE
    if not PUG_KEYWORDS.search(text):
        return REJECT_OFFTOPIC
    return None


class StorePipeline:
    """Writes the spider's items into the corpus store named by ``PUGNLP_STORE_PATH``."""

    def __init__(self, crawler: Crawler, store_path: Path, since: date | None) -> None:
        self.crawler = crawler
        self.store_path = store_path
        self.since = since
        self.store: CorpusStore | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> StorePipeline:
        since = crawler.settings.get("PUGNLP_SINCE")
        return cls(crawler, Path(crawler.settings["PUGNLP_STORE_PATH"]),
                   date.fromisoformat(since) if since else None)

    def open_spider(self) -> None:
        try:
            self.store = CorpusStore(self.store_path)
        except StoreError as exc:
            stop_crawl(self.crawler, str(exc))

    def close_spider(self) -> None:
        if self.store is not None:
            self.store.close()
            self.store = None

    def process_item(self, item: Any) -> Any:
        """Store or log one item; set ``item.outcome`` (and ``item.reason``)."""
        try:
            if self.store is None or stop_reason(self.crawler):
                raise StoreError(stop_reason(self.crawler) or f"{self.store_path}: not open")
            self._process(item, self.store)
        except StoreError as exc:
            stop_crawl(self.crawler, str(exc))
            if isinstance(item, PageItem):
                item.outcome, item.reason = "failed", NOT_STORED
        if isinstance(item, PageItem):
            item.html = ""  # the text is stored; free the page now
        return item

    def _process(self, item: Any, store: CorpusStore) -> None:
        if isinstance(item, PageItem):
            self._page(item)
        elif isinstance(item, DiscoveryItem):
            store.log_fetch(item.source, item.url, "discovery", item.status, "discovered",
                            f"{len(item.found)} new article URLs")
        elif isinstance(item, FailureItem):
            store.log_fetch(item.source, item.url, item.role, item.status, "failed",
                            item.reason, item.attempts)

    def _page(self, item: PageItem) -> None:
        store = self.store
        assert store is not None
        sources = getattr(self.crawler.spider, "sources", {})
        source = sources.get(item.source)
        if store.known(item.url):
            item.outcome = "known"
            return
        try:
            article = _extract(item)
        except InputError as err:
            log.info("%s: %s", item.url, err.reason)
            item.outcome, item.reason = "rejected", REJECT_NO_TEXT
            store.add_stub(item.url, item.source, REJECT_NO_TEXT, None, item.status, item.attempts)
            return
        reason = reject_reason(article, source.bahasa if source else "id")
        if reason:
            item.outcome, item.reason = "rejected", reason
            store.add_stub(item.url, item.source, reason, article.title, item.status,
                           item.attempts)
            return
        if self.since and article.published and article.published < self.since.isoformat():
            item.outcome, item.reason = "old", f"published {article.published}"
            store.log_fetch(item.source, item.url, "article", item.status, "skipped",
                            "older than --since", item.attempts)
            return
        aliases = ([item.requested_url]
                   if canonical_url(item.requested_url) != canonical_url(item.url) else [])
        added = store.add_page(Page(url=item.url, source=item.source, article=article,
                                    html=item.html, kode_wilayah=source.kode_wilayah if source
                                    else None, http_status=item.status, attempts=item.attempts,
                                    source_kind=source.kind if source else None),
                               aliases=aliases)
        item.outcome = added.outcome
        if added.replaced:
            item.reason = f"now the article; {added.replaced} linked to it"


def _extract(item: PageItem) -> Article:
    from pugnlp.article.html import html_to_article

    article = html_to_article(item.html, doc_id="pending", url=item.url, where=item.url)
    if not article.published and item.listed_date:
        article = replace(article, published=item.listed_date[:10])
    return article
