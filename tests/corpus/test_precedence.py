"""Which copy of a duplicate is the article does not depend on crawl order (issue 15)."""

from __future__ import annotations

import itertools
import random
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from pugnlp.corpus.precedence import Copy, copy_rank, prefer
from pugnlp.corpus.stats import corpus_stats
from pugnlp.corpus.store import CorpusStore, Page
from pugnlp.schema import Article

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "fetch"))
from fakesite import FakeSite, article_html, body_text  # noqa: E402


def test_the_rule_government_then_earliest_then_fuller_then_url() -> None:
    gov = Copy("media_center", "2023-10-12", 900, "https://mc.a.go.id/b")
    portal = Copy("portal_berita", "2023-10-11", 1500, "https://portal.id/a")
    assert prefer(gov, portal) and not prefer(portal, gov)  # kind first, even if later
    earlier = Copy("dinas", "2023-10-11T23:00:00", 100, "https://z.go.id/")
    assert prefer(earlier, gov)  # the day counts, not the hour
    undated = Copy("pemda", None, 5000, "https://a.go.id/")
    assert prefer(gov, undated)
    fuller = Copy("media_center", "2023-10-12", 901, "https://z.go.id/")
    assert prefer(fuller, gov)
    twin = Copy("media_center", "2023-10-12", 900, "https://mc.a.go.id/a")
    assert prefer(twin, gov) and not prefer(gov, gov)
    assert sorted([portal, undated, gov, fuller, twin, earlier], key=copy_rank) == [
        earlier, fuller, twin, gov, undated, portal]
    assert copy_rank(Copy(None, "2023-01-01", 1, "x")) > copy_rank(undated)  # unknown kind


RELEASE = body_text(7)


def _copies() -> list[Page]:
    def page(url: str, text: str, kind: str, code: str, source: str, published: str) -> Page:
        return Page(url=url, source=source, html=f"<p>{text}</p>", kode_wilayah=code,
                    source_kind=kind, article=Article("x", text, title=url.rsplit("/", 1)[1],
                                                      url=url, published=published))

    return [
        page("https://mc.banjarbarukota.go.id/2023/10/rakor-pug", RELEASE, "media_center",
             "63.72", "mc", "2023-10-11"),
        page("https://mc.banjarbarukota.go.id/berita/1234", RELEASE, "media_center", "63.72",
             "mc", "2023-10-11"),
        page("https://portal.id/kalteng/rakor-pug", "BANJARBARU - " + RELEASE +
             "\n\nSumber: Media Center", "portal_berita", "62", "portal", "2023-10-11"),
    ]


def _snapshot(path: Path) -> tuple[list[tuple], list[tuple]]:
    with sqlite3.connect(path) as conn:
        articles = conn.execute(
            "SELECT doc_id, canonical_url, url, source, source_kind, kode_wilayah, title, "
            "published, text, content_hash, simhash FROM articles ORDER BY canonical_url")
        urls = conn.execute(
            "SELECT u.canonical_url, u.outcome, a.canonical_url FROM urls u JOIN articles a "
            "ON a.id = u.article_id ORDER BY u.canonical_url")
        return articles.fetchall(), urls.fetchall()


def test_every_order_of_three_copies_stores_the_same_article(tmp_path: Path) -> None:
    snapshots = set()
    for n, order in enumerate(itertools.permutations(_copies())):
        path = tmp_path / f"k{n}.sqlite"
        with CorpusStore(path) as store:
            outcomes = [store.add_page(page).outcome for page in order]
            assert sorted(outcomes) == ["article", "duplicate", "near_duplicate"]
            assert store.count() == 1 and store.count("urls") == 3
        articles, urls = _snapshot(path)
        assert [(a[1], a[5]) for a in articles] == [
            ("https://mc.banjarbarukota.go.id/2023/10/rakor-pug", "63.72")]
        snapshots.add((tuple(articles), tuple(urls)))
    assert len(snapshots) == 1
    (_, urls), = snapshots
    assert [u[1] for u in urls] == ["article", "duplicate", "near_duplicate"]


def test_a_later_better_copy_takes_the_row_over_and_says_so(tmp_path: Path) -> None:
    mc, twin, portal = _copies()
    with CorpusStore(tmp_path / "k.sqlite") as store:
        first = store.add_page(portal)
        assert first.outcome == "article"
        later = store.add_page(mc)
        assert (later.outcome, later.article_id, later.replaced) == (
            "near_duplicate", first.article_id, portal.url)
        assert later.distance is not None and later.distance <= 7
        assert store.add_page(twin).replaced is None  # the stored copy's URL sorts first
        row = store.conn.execute("SELECT url, kode_wilayah, source FROM articles").fetchall()
        assert row == [(mc.url, "63.72", "mc")]
        reason = store.conn.execute("SELECT outcome, reason FROM urls WHERE url = ?",
                                    (portal.url,)).fetchone()
        assert reason == ("near_duplicate", f"copy of {mc.url}")


# --- the same corpus crawled in two orders -------------------------------------------------

RELEASES = 6


def _sitemap(site: FakeSite, paths: list[str]) -> str:
    items = "".join(f"<url><loc>{site.url(p)}</loc></url>" for p in paths)
    return ("<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/"
            f"schemas/sitemap/0.9'>{items}</urlset>")


@pytest.fixture
def republished() -> Iterator[tuple[FakeSite, FakeSite]]:
    """A media centre (63.72) and a portal (62) that republishes four of its six releases."""
    gov, portal = FakeSite("127.0.0.1").start(), FakeSite("127.0.0.2").start()
    for site in (gov, portal):
        site.page("/robots.txt", "User-agent: *\nDisallow:\n", ctype="text/plain")
    for n in range(RELEASES):
        body = body_text(200 + n)
        gov.page(f"/rilis/{n}", article_html(f"Rilis PUG {n}", body, f"2023-10-{10 + n}"))
        if n < 4:
            portal.page(f"/berita/{n}", article_html(
                f"Pemko gelar kegiatan PUG {n}", f"BANJARBARU - {body}\n\nSumber: MC",
                f"2023-10-{10 + n}"))
        portal.page(f"/kalteng/{n}", article_html(f"Kalteng PUG {n}", body_text(300 + n)))
    yield gov, portal
    gov.stop()
    portal.stop()


def _kept(rows: list[tuple]) -> list[tuple]:
    """Path, source, region code and content hash of each article (hosts differ by port)."""
    return [("/" + r[1].split("/", 3)[3], r[3], r[5], r[9]) for r in rows]


def _crawl_in_order(sites: tuple[FakeSite, FakeSite], tmp: Path, seed: int,
                    portal_first: bool) -> Path:
    from pugnlp.corpus.collect import collect
    from pugnlp.fetch.settings import CrawlOptions
    from pugnlp.settings import Settings

    gov, portal = sites
    rng = random.Random(seed)
    gov_paths = [f"/rilis/{n}" for n in range(RELEASES)]
    portal_paths = [f"/berita/{n}" for n in range(4)] + [f"/kalteng/{n}" for n in range(RELEASES)]
    rng.shuffle(gov_paths)
    rng.shuffle(portal_paths)
    gov.page("/sitemap.xml", _sitemap(gov, gov_paths), ctype="application/xml")
    portal.page("/sitemap.xml", _sitemap(portal, portal_paths), ctype="application/xml")
    csv = tmp / "sumber.csv"
    csv.write_text("name,base_url,kode_wilayah,kind,discovery,discovery_url,bahasa,catatan\n"
                   f"mc,{gov.base}/,63.72,media_center,sitemap,{gov.url('/sitemap.xml')},id,\n"
                   f"portal,{portal.base}/,62,portal_berita,sitemap,"
                   f"{portal.url('/sitemap.xml')},id,\n")
    settings = Settings(download_delay=0.01, store_path=tmp / "k.sqlite")
    for only in (("portal",), ("mc",)) if portal_first else (("mc",), ("portal",)):
        collect(csv, only=only, settings=settings, options=CrawlOptions(timeout=2.0))
    return tmp / "k.sqlite"


def test_the_same_corpus_crawled_in_two_orders_gives_the_same_store(
        republished: tuple[FakeSite, FakeSite], tmp_path_factory: pytest.TempPathFactory) -> None:
    one = _crawl_in_order(republished, tmp_path_factory.mktemp("one"), 1, portal_first=True)
    two = _crawl_in_order(republished, tmp_path_factory.mktemp("two"), 2, portal_first=False)
    (articles_one, urls_one), (articles_two, urls_two) = _snapshot(one), _snapshot(two)
    assert len(articles_one) == RELEASES * 2  # six releases and six portal stories
    assert _kept(articles_one) == _kept(articles_two)
    assert urls_one == urls_two
    with CorpusStore(one) as a, CorpusStore(two) as b:
        by_province = corpus_stats(a).by_province
        assert by_province == corpus_stats(b).by_province
    assert by_province == {"62 Kalimantan Tengah": RELEASES, "63 Kalimantan Selatan": RELEASES}
