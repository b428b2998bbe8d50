"""RSS 2.0 / RSS 1.0 / Atom parsing (pure). Returns the article links with their dates."""

from __future__ import annotations

import logging
from urllib.parse import urljoin

from lxml import etree

from pugnlp.sources._dates import parse_date
from pugnlp.sources.sitemaps import SitemapEntry
from pugnlp.sources.urls import is_http_url

log = logging.getLogger(__name__)

_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
_DATE_TAGS = ("pubDate", "published", "updated", "date", "issued", "modified")

FeedEntry = SitemapEntry
"""A feed item: its link and its date (the same shape as a sitemap entry)."""


def parse_feed(body: str | bytes, base_url: str) -> list[FeedEntry]:
    """Read the items of an RSS or Atom feed.

    Args:
        body: the feed document.
        base_url: the feed's URL, for relative links.

    Returns:
        One entry per item with an http(s) link, in feed order, duplicates removed.
    """
    raw = body.encode("utf-8") if isinstance(body, str) else body
    try:
        root = etree.fromstring(raw.lstrip(), _PARSER)
    except etree.XMLSyntaxError as exc:
        log.info("%s: unreadable feed (%s)", base_url, exc)
        return []
    if root is None:
        return []
    entries: list[FeedEntry] = []
    seen: set[str] = set()
    for item in root.iter("{*}item", "{*}entry"):
        link = _item_link(item)
        if not link:
            continue
        url = urljoin(base_url, link)
        if not is_http_url(url) or url in seen:
            continue
        seen.add(url)
        entries.append(FeedEntry(url, parse_date(_item_date(item))))
    return entries


def _item_link(item: etree._Element) -> str | None:
    alternate = None
    for child in item:
        if not isinstance(child.tag, str) or etree.QName(child).localname != "link":
            continue
        href = child.get("href")
        if href:  # Atom: prefer rel=alternate (or no rel)
            if child.get("rel", "alternate") == "alternate" and alternate is None:
                alternate = href.strip()
        elif child.text and child.text.strip():
            return child.text.strip()
    if alternate:
        return alternate
    for child in item:
        if isinstance(child.tag, str) and etree.QName(child).localname == "guid":
            if child.get("isPermaLink", "true") != "false" and child.text:
                return child.text.strip()
    return None


def _item_date(item: etree._Element) -> str | None:
    for tag in _DATE_TAGS:
        for child in item:
            if isinstance(child.tag, str) and etree.QName(child).localname == tag and child.text:
                return child.text.strip()
    return None
