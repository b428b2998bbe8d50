"""Listing, tag and search pages: build the page URLs and pick the article links (pure).

A listing page links to much more than articles (menus, categories, pagination, social
buttons). An article link is kept when it stays on the site and its path looks like a story:
a slug of several words, a numeric id, or an ``.html`` page, outside navigation folders.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree

from pugnlp.sources.urls import canonical_url, is_http_url, same_site

PAGE_PLACEHOLDER = "{page}"

NON_ARTICLE_SEGMENTS: frozenset[str] = frozenset({
    "tag", "tags", "kategori", "category", "categories", "author", "penulis", "page", "halaman",
    "search", "cari", "pencarian", "wp-content", "wp-admin", "wp-login.php", "wp-json", "feed",
    "rss", "login", "register", "daftar", "kontak", "contact", "tentang", "about", "redaksi",
    "pedoman-media-siber", "privacy-policy", "kebijakan-privasi", "indeks", "index-berita",
    "arsip", "archive", "galeri", "gallery", "video", "foto", "cdn-cgi", "assets", "static",
    "uploads", "label", "topik", "topic",
})
"""Path segments of navigation pages, never of an article."""

_FILE_SUFFIX = re.compile(r"\.(?:jpe?g|png|gif|webp|svg|pdf|docx?|xlsx?|pptx?|zip|rar|mp[34]|css|js)$",
                          re.I)
_SLUG = re.compile(r"^[\w%]+(?:-[\w%]+){2,}(?:\.html?|\.php)?$")
_NUMERIC_ID = re.compile(r"(?:^|[-_/])\d{3,}(?:[-_./]|$)")
_HTML_PAGE = re.compile(r"\.html?$", re.I)


def page_url(template: str, page: int) -> str:
    """The discovery URL of page ``page`` (``{page}`` replaced; without it, page 1 only)."""
    return template.replace(PAGE_PLACEHOLDER, str(page))


def looks_like_article(url: str) -> bool:
    """True when a URL's path has the shape of a story rather than of a navigation page."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if not segments and re.fullmatch(r"p=\d+", parts.query):  # WordPress short link /?p=881
        return True
    if not segments or _FILE_SUFFIX.search(parts.path):
        return False
    numbered = bool(_NUMERIC_ID.search("/" + "/".join(segments)))
    if any(s.lower() in NON_ARTICLE_SEGMENTS for s in segments) and not (
            numbered and len(segments) >= 3):  # /kategori/nusantara/832060/<slug> is a story
        return False
    if re.search(r"(?:^|&)(?:page|paged|halaman|s|q)=", parts.query):
        return False
    last = segments[-1]
    return bool(_SLUG.match(last) or numbered or _HTML_PAGE.search(last))


def article_links(html: str | bytes, page: str) -> list[str]:
    """The article links of a listing or search page, in page order, without duplicates.

    Args:
        html: the listing page.
        page: its URL (for relative links and the same-site check).

    Returns:
        Absolute URLs on the same site that :func:`looks_like_article` accepts; two links
        with the same canonical form count once.
    """
    if not html or not (html.strip() if isinstance(html, str) else html.strip()):
        return []
    try:
        doc = lxml.html.fromstring(html)
    except (etree.ParserError, ValueError):
        return []
    found: list[str] = []
    seen: set[str] = {canonical_url(page)}
    for anchor in doc.iter("a"):
        href = (anchor.get("href") or "").strip()
        if not href or href.startswith(("#", "mailto:", "javascript:", "tel:", "whatsapp:")):
            continue
        url = urljoin(page, href).split("#", 1)[0]
        if not is_http_url(url) or not same_site(url, page) or not looks_like_article(url):
            continue
        key = canonical_url(url)
        if key not in seen:
            seen.add(key)
            found.append(url)
    return found
