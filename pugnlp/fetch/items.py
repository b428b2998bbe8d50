"""What the spider yields. Scrapy accepts dataclasses as items; the corpus pipeline stores them."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class PageItem:
    """An article page as fetched (status 2xx)."""

    source: str
    url: str
    requested_url: str
    status: int
    html: str
    attempts: int = 1
    listed_date: str | None = None
    outcome: str = ""
    reason: str | None = None


@dataclass(slots=True)
class DiscoveryItem:
    """A sitemap, feed, listing or search page that was read, with the article URLs it gave."""

    source: str
    url: str
    status: int
    found: list[str] = field(default_factory=list)
    outcome: str = "discovered"
    reason: str | None = None


@dataclass(slots=True)
class FailureItem:
    """A request that ended without a usable response (after retries)."""

    source: str
    url: str
    role: str
    reason: str
    status: int | None = None
    detail: str = ""
    attempts: int = 1
    outcome: str = "failed"
