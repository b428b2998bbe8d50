import gzip
from datetime import date

from pugnlp.sources.sitemaps import (
    SitemapEntry,
    newest_first,
    parse_sitemap,
    sitemaps_from_robots,
)

INDEX = """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>https://x.go.id/post-sitemap2.xml</loc><lastmod>2023-10-31T08:00:00+08:00</lastmod></sitemap>
  <sitemap><loc>/post-sitemap1.xml</loc><lastmod>2019-01-02</lastmod></sitemap>
</sitemapindex>"""

URLSET = """<?xml version="1.0"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://x.go.id/a</loc><lastmod>2023-10-11</lastmod></url>
  <url><loc>https://x.go.id/b</loc><news:news><news:publication_date>2023-10-12T10:00:00Z</news:publication_date></news:news></url>
  <url><loc>https://x.go.id/c</loc></url>
  <url><loc>javascript:alert(1)</loc></url>
</urlset>"""


def test_sitemap_index_children_resolved_with_dates() -> None:
    result = parse_sitemap(INDEX, "https://x.go.id/sitemap_index.xml")
    assert result.urls == []
    assert result.sitemaps == [
        SitemapEntry("https://x.go.id/post-sitemap2.xml", date(2023, 10, 31)),
        SitemapEntry("https://x.go.id/post-sitemap1.xml", date(2019, 1, 2)),
    ]


def test_urlset_with_news_dates_and_bad_locs_dropped() -> None:
    result = parse_sitemap(URLSET.encode(), "https://x.go.id/s.xml")
    assert [(e.url, e.lastmod) for e in result.urls] == [
        ("https://x.go.id/a", date(2023, 10, 11)), ("https://x.go.id/b", date(2023, 10, 12)),
        ("https://x.go.id/c", None)]


def test_gzipped_text_and_broken_sitemaps() -> None:
    assert len(parse_sitemap(gzip.compress(URLSET.encode()), "https://x.go.id/s.xml.gz").urls) == 3
    text = parse_sitemap("https://x.go.id/a\n\n/b\n", "https://x.go.id/sitemap.txt")
    assert [e.url for e in text.urls] == ["https://x.go.id/a", "https://x.go.id/b"]
    assert parse_sitemap("<html><body>Not found", "https://x.go.id/s.xml").urls == []
    assert parse_sitemap(b"", "https://x.go.id/s.xml").urls == []


def test_xml_entities_are_not_expanded() -> None:
    evil = ('<?xml version="1.0"?><!DOCTYPE u [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
            '<urlset><url><loc>https://x.go.id/&e;</loc></url></urlset>')
    assert all("root" not in e.url for e in parse_sitemap(evil, "https://x.go.id/").urls)


def test_robots_sitemap_lines_and_newest_first() -> None:
    robots = "User-agent: *\nDisallow: /wp-admin/\nSitemap: /sitemap_index.xml\nsitemap: https://x.go.id/news.xml\n"
    assert sitemaps_from_robots(robots, "https://x.go.id/robots.txt") == [
        "https://x.go.id/sitemap_index.xml", "https://x.go.id/news.xml"]
    entries = [SitemapEntry("u", None), SitemapEntry("old", date(2019, 1, 1)),
               SitemapEntry("new", date(2023, 1, 1))]
    assert [e.url for e in newest_first(entries)] == ["new", "old", "u"]
    assert [e.url for e in newest_first(entries, since=date(2020, 1, 1))] == ["new", "u"]
