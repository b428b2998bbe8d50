"""Sitemap and robots.txt parsing (pure: strings in, entries out).

trafilatura's own discovery refuses loopback hosts (PACKAGES.md section 4), so pugnlp parses
sitemaps itself; :mod:`pugnlp.fetch.spider` fetches them through Scrapy.
"""

from __future__ import annotations

import gzip
import logging
import zlib
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urljoin

from lxml import etree

from pugnlp.sources._dates import parse_date
from pugnlp.sources.urls import is_http_url

log = logging.getLogger(__name__)

MAX_SITEMAP_BYTES = 50 * 1024 * 1024
"""The sitemaps.org limit for one (uncompressed) sitemap file."""

_PARSER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    """One ``<loc>`` with its date (``lastmod`` or a news ``publication_date``)."""

    url: str
    lastmod: date | None = None


@dataclass(slots=True)
class Sitemap:
    """A parsed sitemap: article URLs (urlset) and child sitemaps (sitemap index)."""

    urls: list[SitemapEntry] = field(default_factory=list)
    sitemaps: list[SitemapEntry] = field(default_factory=list)


def sitemap_text(body: bytes) -> bytes:
    """Gunzip a ``.xml.gz`` body (bounded to :data:`MAX_SITEMAP_BYTES`); other bodies as they are."""
    if body[:2] != b"\x1f\x8b":
        return body
    try:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        data = inflater.decompress(body, MAX_SITEMAP_BYTES)
    except (zlib.error, gzip.BadGzipFile):
        return b""
    return data


def parse_sitemap(body: str | bytes, base_url: str) -> Sitemap:
    """Read a sitemap index, a urlset or a plain-text sitemap.

    Args:
        body: the document (XML or one URL per line).
        base_url: the sitemap's own URL, to resolve relative ``<loc>`` values.

    Returns:
        The entries found; relative and non-http locations are resolved or dropped.
    """
    raw = body.encode("utf-8") if isinstance(body, str) else sitemap_text(body)
    result = Sitemap()
    stripped = raw.lstrip()
    if not stripped.startswith(b"<"):
        for line in stripped.decode("utf-8", "replace").splitlines():
            url = urljoin(base_url, line.strip())
            if line.strip() and is_http_url(url):
                result.urls.append(SitemapEntry(url))
        return result
    try:
        root = etree.fromstring(raw, _PARSER)
    except etree.XMLSyntaxError as exc:
        log.info("%s: unreadable sitemap (%s)", base_url, exc)
        return result
    if root is None:
        return result
    for node in root.iter("{*}sitemap", "{*}url"):
        loc = _child_text(node, "loc")
        if not loc:
            continue
        url = urljoin(base_url, loc)
        if not is_http_url(url):
            continue
        when = parse_date(_child_text(node, "lastmod") or _child_text(node, "publication_date"))
        target = result.sitemaps if etree.QName(node).localname == "sitemap" else result.urls
        target.append(SitemapEntry(url, when))
    return result


def _child_text(node: etree._Element, localname: str) -> str | None:
    for child in node.iter(f"{{*}}{localname}"):
        if child.text and child.text.strip():
            return child.text.strip()
    return None


def sitemaps_from_robots(robots_txt: str, base_url: str) -> list[str]:
    """The ``Sitemap:`` lines of a robots.txt, resolved against ``base_url``."""
    found: list[str] = []
    for line in robots_txt.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip():
            url = urljoin(base_url, value.strip())
            if is_http_url(url) and url not in found:
                found.append(url)
    return found


def newest_first(entries: list[SitemapEntry], since: date | None = None) -> list[SitemapEntry]:
    """Entries dated on or after ``since`` (undated ones kept), newest first, undated last."""
    kept = [e for e in entries if since is None or e.lastmod is None or e.lastmod >= since]
    return sorted(kept, key=lambda e: (e.lastmod is not None, e.lastmod or date.min), reverse=True)
