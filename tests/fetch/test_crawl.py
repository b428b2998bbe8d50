"""End-to-end crawls of the fake regional sites: what was requested, when, and what was stored."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from regional import Regional, build

from pugnlp.corpus.collect import CrawlSummary, collect
from pugnlp.fetch.settings import CrawlOptions
from pugnlp.settings import Settings
from pugnlp.sources.urls import canonical_url

OPTIONS = CrawlOptions(timeout=0.6, max_redirects=3)
A1 = "/2023/10/rakor-pug-banjarbaru"


def _settings(store: Path) -> Settings:
    return Settings(download_delay=0.05, store_path=store, max_input_bytes=200_000)


@dataclass
class Run:
    world: Regional
    store: Path
    summary: CrawlSummary
    events: list[tuple[str, str, str, str | None]]

    def rows(self, sql: str) -> list[tuple]:
        with sqlite3.connect(self.store) as conn:
            return conn.execute(sql).fetchall()

    def articles(self) -> set[tuple[str, str]]:
        out = set()
        for (url,) in self.rows("SELECT url FROM articles"):
            site = "a" if url.startswith(self.world.a.base) else "b"
            out.add((site, url.split(":", 2)[2].split("/", 1)[1].join(["/", ""])))
        return out


@pytest.fixture(scope="module")
def full(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Run]:
    world = build(crawl_delay=0.2)
    tmp = tmp_path_factory.mktemp("crawl")
    events: list[tuple[str, str, str, str | None]] = []
    summary = collect(world.csv(tmp / "sumber.csv"), settings=_settings(tmp / "k.sqlite"),
                      options=OPTIONS, on_event=lambda *e: events.append(e))
    yield Run(world, tmp / "k.sqlite", summary, events)
    world.stop()


def test_robots_is_read_first_and_disallowed_paths_never_requested(full: Run) -> None:
    a_paths = [h.path for h in full.world.a.hits]
    assert a_paths[0] == "/robots.txt"
    assert not any(p.startswith("/private/") for p in a_paths)
    row = full.rows("SELECT reason FROM fetch_log WHERE url LIKE '%/private/%'")
    assert row == [("robots.txt",)]
    agents = {h.user_agent for h in full.world.a.hits + full.world.b.hits}
    assert len(agents) == 1 and "pugnlp" in agents.pop()


def test_crawl_delay_from_robots_spaces_every_request_to_that_host(full: Run) -> None:
    a_times = full.world.a.times()
    gaps_a = [t2 - t1 for t1, t2 in zip(a_times, a_times[1:])]
    assert len(gaps_a) > 15
    assert min(gaps_a) >= 0.2 - 0.02  # Crawl-delay 0.2 s beats download_delay 0.05 s
    b_times = full.world.b.times()
    gaps_b = [t2 - t1 for t1, t2 in zip(b_times, b_times[1:])]
    assert min(gaps_b) < 0.15  # the floor is per host: B has no Crawl-delay


def test_exactly_the_expected_articles_are_stored(full: Run) -> None:
    near_group = {("a", A1), ("a", "/berita/1234"), ("b", "/berita/republish-rakor-pug")}
    expected = full.world.stored - near_group
    stored = full.articles()
    assert stored - near_group == expected
    assert stored & near_group == {("a", A1)}  # the rule's pick of the three, the others linked
    links = full.rows("SELECT outcome, article_id FROM urls WHERE outcome LIKE '%duplicate'")
    assert len(links) == 2 and len({a for _, a in links}) == 1


def test_tracking_and_amp_variants_are_never_fetched(full: Run) -> None:
    a_paths = [h.path for h in full.world.a.hits]
    assert a_paths.count(A1) == 1
    assert not any("utm_source" in p or p.endswith("/amp") for p in a_paths)


def test_retries_reach_the_server_despite_the_http_cache(full: Run) -> None:
    a = full.world.a
    assert a.requested("/2023/10/sosialisasi-gender-desa") == 3  # 503, 503, 200
    assert ("a", "/2023/10/sosialisasi-gender-desa") in full.articles()
    assert a.requested("/2023/10/evaluasi-ape-mati") == 3
    rows = full.rows("SELECT status, outcome, reason, attempts FROM fetch_log "
                     "WHERE url LIKE '%evaluasi-ape-mati'")
    assert rows == [(500, "failed", "HTTP 500", 3)]


def test_rejected_pages_become_stub_rows_with_their_reason(full: Run) -> None:
    rows = dict(full.rows("SELECT url, reason FROM urls WHERE outcome = 'rejected'"))
    by_path = {u.rsplit("/", 1)[1]: r for u, r in rows.items()}
    assert by_path == {"sepak-bola-piala-walikota": "off-topic (no PUG keyword)",
                       "english-gender-workshop": "other language",
                       "halaman-rusak": "no article text"}
    assert full.rows("SELECT COUNT(*) FROM articles WHERE url LIKE '%sepak-bola%'") == [(0,)]


def test_bad_input_is_logged_with_url_and_reason_and_the_crawl_goes_on(full: Run) -> None:
    failed = dict(full.rows("SELECT url, reason FROM fetch_log WHERE outcome = 'failed'"))
    b = full.world.b.url
    assert failed[b("/berita/loop-satu")] == "redirect loop"
    assert failed[b("/berita/halaman-sangat-besar")] == "too large"
    assert failed[b("/berita/rapat-timeout")] == "timeout"
    assert failed[b("/tidak-ada?page=1")] == "HTTP 404"
    assert failed[f"http://127.0.0.1:{full.world.dead_port}/berita?page=1"] == "connection refused"
    assert ("portal-b", "failed", b("/berita/loop-satu"), "redirect loop") in full.events


def test_summary_counts_failed_sources_and_sets_the_exit_code(full: Run) -> None:
    summary = full.summary
    assert summary.failed_sources == ["mati", "hilang"]
    assert summary.exit_code() == 1
    assert summary.total("article") == 10  # 9 distinct + one copy of the near-duplicate trio
    assert summary.total("rejected") == 3
    assert summary.sources["mc-a-berita"].outcomes["article"] >= 3
    text = summary.text()
    assert "mati" in text and "SOURCE FAILED" in text and "10 articles stored" in text


def test_listing_pagination_stops_when_a_page_brings_nothing_new(full: Run) -> None:
    a = full.world.a
    assert [a.requested(f"/berita?page={n}") for n in (1, 2, 3, 4)] == [1, 1, 1, 0]


def test_a_second_run_refetches_no_stored_article_and_stores_nothing_new(full: Run) -> None:
    world = full.world
    before = len(world.a.hits), len(world.b.hits)
    count = full.rows("SELECT COUNT(*) FROM articles")
    summary = collect(full.store.parent / "sumber.csv", settings=_settings(full.store),
                      options=OPTIONS, only=("mc-a", "mc-a-berita"))
    assert full.rows("SELECT COUNT(*) FROM articles") == count
    assert summary.total("article") == 0
    again = [h.path for h in world.a.hits[before[0]:]]
    stored_paths = {p for s, p in full.articles() if s == "a"}
    assert not stored_paths & set(again)
    assert "/2023/10/evaluasi-ape-mati" in again  # never stored, so tried again
    assert again[0] == "/robots.txt"  # fetched fresh, not from the HTTP cache
    times = [h.at for h in world.a.hits[before[0]:]]
    assert min(t2 - t1 for t1, t2 in zip(times, times[1:])) >= 0.2 - 0.02  # Crawl-delay again
    assert len(world.b.hits) == before[1]  # --only: portal-b untouched


def test_since_skips_old_sitemaps_feed_items_and_articles(tmp_path: Path) -> None:
    world = build(crawl_delay=0.05, timeout_page=False)
    try:
        summary = collect(world.csv(tmp_path / "s.csv", ("mc-a", "mc-a-berita", "portal-b")),
                          settings=_settings(tmp_path / "k.sqlite"), options=OPTIONS,
                          since=date(2023, 9, 1))
        assert world.a.requested("/sitemap-2019.xml") == 0
        assert world.a.requested("/2019/05/rakor-pug-lama") == 0
        assert world.b.requested("/berita/lama-pug-2019") == 0
        assert world.a.requested(A1) == 1
        # a listing has no dates: the article is fetched, its own date (2023-08-20) decides
        old = "/2023/08/penyusunan-profil-gender"
        assert world.a.requested(old) == 1
        assert summary.sources["mc-a-berita"].outcomes["old"] == 1
        with sqlite3.connect(tmp_path / "k.sqlite") as conn:
            assert conn.execute("SELECT outcome, reason FROM fetch_log WHERE url LIKE ?",
                                (f"%{old}",)).fetchall() == [("skipped", "older than --since")]
            assert conn.execute("SELECT COUNT(*) FROM urls WHERE url LIKE ?",
                                (f"%{old}",)).fetchone() == (0,)  # no stub: a later run may want it
        assert summary.total("article") >= 5
    finally:
        world.stop()


def test_dry_run_lists_discoveries_without_fetching_articles(tmp_path: Path) -> None:
    world = build(crawl_delay=0.05)
    try:
        summary = collect(world.csv(tmp_path / "s.csv"), settings=_settings(tmp_path / "k.sqlite"),
                          options=OPTIONS, dry_run=True)
        paths = [h.path for h in world.a.hits + world.b.hits]
        assert set(paths) <= {"/robots.txt", "/sitemap_index.xml", "/sitemap-2023.xml",
                              "/berita?page=1", "/feed.xml", "/tidak-ada?page=1"}
        found = summary.sources["mc-a"].found
        assert world.a.url(A1) in found and len(found) <= OPTIONS.dry_run_limit
        assert canonical_url(world.a.url("/2023/09/pelatihan-focal-point-pug")) in {
            canonical_url(u) for u in summary.sources["mc-a-berita"].found}
        assert summary.failed_sources == ["mati", "hilang"]
        text = summary.text()
        assert "dry run" in text and world.b.url("/berita/dp3a-gelar-sosialisasi") in text
        assert sorted(p.name for p in tmp_path.iterdir()) == ["s.csv"]  # no store, no state
    finally:
        world.stop()


def test_max_pages_bounds_article_requests_per_source(tmp_path: Path) -> None:
    world = build(crawl_delay=0.05, timeout_page=False)
    try:
        summary = collect(world.csv(tmp_path / "s.csv", ("mc-a", "mc-a-berita", "portal-b")),
                          settings=_settings(tmp_path / "k.sqlite"), options=OPTIONS, max_pages=2)
        article_hits = [h.path for h in world.a.hits + world.b.hits
                        if h.path.startswith(("/20", "/berita/")) and "loop-dua" not in h.path]
        assert len(set(article_hits)) <= 6
        assert all(t.discovered <= 2 for t in summary.sources.values())
        assert world.a.requested("/berita?page=2") == 0  # full after page 1
    finally:
        world.stop()
