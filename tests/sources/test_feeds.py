from datetime import date

from pugnlp.sources.feeds import parse_feed

RSS = """<?xml version="1.0"?><rss version="2.0"><channel><title>MC</title>
<item><title>Rakor PUG</title><link>https://x.go.id/rakor-pug</link>
  <pubDate>Wed, 11 Oct 2023 08:00:00 +0800</pubDate></item>
<item><title>Dup</title><link>https://x.go.id/rakor-pug</link></item>
<item><title>Guid only</title><guid>https://x.go.id/guid-link</guid>
  <dc:date xmlns:dc="http://purl.org/dc/elements/1.1/">2023-10-12</dc:date></item>
<item><title>No link</title><guid isPermaLink="false">tag:1</guid></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title>
<entry><title>A</title><link rel="replies" href="https://x.blogspot.com/a#c"/>
  <link rel="alternate" href="https://x.blogspot.com/2015/10/a.html"/>
  <published>2015-10-20T10:00:00.000+07:00</published></entry>
<entry><title>B</title><link href="/2015/11/b.html"/><updated>2015-11-01T00:00:00Z</updated></entry>
</feed>"""


def test_rss_items_with_dates_deduplicated() -> None:
    entries = parse_feed(RSS, "https://x.go.id/feed/")
    assert [(e.url, e.lastmod) for e in entries] == [
        ("https://x.go.id/rakor-pug", date(2023, 10, 11)),
        ("https://x.go.id/guid-link", date(2023, 10, 12))]


def test_atom_prefers_alternate_links_and_resolves_relative_ones() -> None:
    entries = parse_feed(ATOM.encode(), "https://x.blogspot.com/feeds/posts/default")
    assert [(e.url, e.lastmod) for e in entries] == [
        ("https://x.blogspot.com/2015/10/a.html", date(2015, 10, 20)),
        ("https://x.blogspot.com/2015/11/b.html", date(2015, 11, 1))]


def test_not_a_feed_gives_nothing() -> None:
    assert parse_feed("<html><body>404</body></html>", "https://x.go.id/feed") == []
    assert parse_feed("", "https://x.go.id/feed") == []
