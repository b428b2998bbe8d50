"""Crawls under faults (issue 15): a fake site on 127.0.0.1, one fault per test, each asserting
the message, the exit code and what the store holds.

A full disk is simulated where it would strike: the store (SQLite's own SQLITE_FULL, by a
``max_page_count`` just above the store's size), Scrapy's on-disk frontier (the queue file
fails to read back, as a half-written one does) and the HTTP cache (ENOSPC on write).
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from fakesite import FakeSite, article_html, body_text

from pugnlp.cli import cli
from pugnlp.corpus.collect import collect
from pugnlp.corpus.store import CorpusStore
from pugnlp.fetch.settings import CrawlOptions
from pugnlp.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = tuple(f"/2023/10/rapat-pug-{n}" for n in range(1, 21))
"""More than CONCURRENT_REQUESTS (16): the last ones wait in the frontier, not the downloader."""
OPTIONS = CrawlOptions(timeout=2.0)


@dataclass
class Site:
    site: FakeSite
    csv: Path
    store: Path

    def paths(self) -> list[str]:
        """Paths of the stored articles (each row once)."""
        with sqlite3.connect(self.store) as conn:
            return sorted("/" + u.split("/", 3)[3] for (u,) in conn.execute(
                "SELECT url FROM articles"))

    def article_hits_after(self, moment: float) -> list[str]:
        return [h.path for h in self.site.hits if h.at > moment and h.path in ARTICLES]


def _sitemap(site: FakeSite, paths: tuple[str, ...]) -> str:
    items = "".join(f"<url><loc>{site.url(p)}</loc></url>" for p in paths)
    return ("<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/"
            f"schemas/sitemap/0.9'>{items}</urlset>")


def _serve(site: FakeSite, extra: tuple[str, ...] = ()) -> None:
    site.page("/robots.txt", "User-agent: *\nDisallow:\n", ctype="text/plain")
    for n, path in enumerate(ARTICLES, start=1):
        site.page(path, article_html(f"Rapat PUG {n}", body_text(100 + n), f"2023-10-{n:02d}"))
    site.page("/sitemap.xml", _sitemap(site, ARTICLES + extra), ctype="application/xml")


@pytest.fixture
def faulty(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    site = FakeSite("127.0.0.1").start()
    _serve(site)
    csv = tmp_path / "sumber.csv"
    csv.write_text("name,base_url,kode_wilayah,kind,discovery,discovery_url,bahasa,catatan\n"
                   f"mc,{site.base}/,63.72,media_center,sitemap,{site.url('/sitemap.xml')},id,\n")
    (tmp_path / "pugnlp.toml").write_text("download_delay = 0.05\nmax_input_bytes = 200000\n")
    monkeypatch.chdir(tmp_path)
    yield Site(site, csv, tmp_path / "korpus" / "k.sqlite")
    site.stop()


def _crawl(site: Site, *more: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["crawl", "--sources", str(site.csv), "--store",
                                      str(site.store), "--no-progress", *more])
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception
    return result.exit_code, result.stdout, result.stderr


# --- a full disk ---------------------------------------------------------------------------


def _full_store(monkeypatch: pytest.MonkeyPatch, faults: list[float]) -> None:
    """The store's file cannot grow past its size after two articles: SQLITE_FULL."""
    connect = CorpusStore._connect

    def limited(self: CorpusStore) -> sqlite3.Connection:
        conn = connect(self)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 4}")
        return conn

    add = CorpusStore.add_page

    def noted(self: CorpusStore, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        try:
            return add(self, *args, **kwargs)
        except Exception:
            faults.append(time.monotonic())
            raise

    monkeypatch.setattr(CorpusStore, "_connect", limited)
    monkeypatch.setattr(CorpusStore, "add_page", noted)


def _full_frontier(monkeypatch: pytest.MonkeyPatch, faults: list[float], store: Path) -> None:
    """Scrapy's disk queue cannot be read back once two articles are stored."""
    from queuelib.queue import LifoDiskQueue

    pop = LifoDiskQueue.pop

    def broken(self: LifoDiskQueue) -> bytes | None:
        with sqlite3.connect(store) as conn:
            stored = conn.execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        conn.close()
        if stored >= 2:
            faults.append(time.monotonic())
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return pop(self)

    monkeypatch.setattr(LifoDiskQueue, "pop", broken)


def _full_cache(monkeypatch: pytest.MonkeyPatch, faults: list[float]) -> None:
    """The HTTP cache cannot write the third article page."""
    from scrapy.extensions.httpcache import FilesystemCacheStorage

    store = FilesystemCacheStorage.store_response
    calls: list[str] = []

    def full(self: FilesystemCacheStorage, spider, request, response) -> None:  # noqa: ANN001
        calls.append(request.url)
        if len(calls) >= 3:
            faults.append(time.monotonic())
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        store(self, spider, request, response)

    monkeypatch.setattr(FilesystemCacheStorage, "store_response", full)


@pytest.mark.parametrize("where, named", [
    ("store", "k.sqlite: cannot write the corpus store (database or disk is full)"),
    ("frontier", "requests.queue: cannot write the crawl frontier (No space left on device)"),
    ("cache", "httpcache: cannot write the HTTP cache (No space left on device)"),
])
def test_disk_full_stops_the_crawl_keeps_what_was_stored_and_a_rerun_completes(
        faulty: Site, monkeypatch: pytest.MonkeyPatch, where: str, named: str) -> None:
    faults: list[float] = []
    with monkeypatch.context() as patch:
        if where == "store":
            _full_store(patch, faults)
        elif where == "frontier":
            _full_frontier(patch, faults, faulty.store)
        else:
            _full_cache(patch, faults)
        code, out, err = _crawl(faulty)
        assert faults, "the fault was never hit"
        assert code == 1
        assert named in err and "free some space and run again" in err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
        assert "crawl stopped early:" in out and "not stored" in out
        stored = faulty.paths()
        assert 0 < len(stored) < len(ARTICLES) and len(set(stored)) == len(stored)
        # prompt: apart from the one request in flight, nothing was fetched after the error
        assert len(faulty.article_hits_after(faults[0])) <= 1
    with sqlite3.connect(faulty.store) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert (faulty.store.parent / ".crawl-state" / "running.json").exists()  # state distrusted
    code, out, err = _crawl(faulty)  # space freed
    assert code == 0, out + err
    assert faulty.paths() == sorted(ARTICLES)  # every article once, the first ones unchanged
    assert not (faulty.store.parent / ".crawl-state" / "running.json").exists()


def test_a_damaged_store_page_stops_the_crawl_with_a_message(
        faulty: Site, monkeypatch: pytest.MonkeyPatch, damage_store) -> None:  # noqa: ANN001
    faulty.site.page(ARTICLES[0], "gone", status=404)
    assert _crawl(faulty)[0] == 0  # five articles stored
    faulty.site.page(ARTICLES[0], article_html("Rapat PUG 1", body_text(101), "2023-10-01"))
    damage_store(faulty.store)
    code, out, err = _crawl(faulty)
    assert code == 1
    assert "k.sqlite: cannot write the corpus store (database disk image is malformed); the " \
           "store is damaged: check it with `sqlite3 " in err
    assert "PRAGMA integrity_check" in err and ".recover" in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


# --- locks ---------------------------------------------------------------------------------


def test_two_crawls_started_at_the_same_instant(faulty: Site) -> None:
    slow = article_html("Rapat PUG lambat", body_text(99), "2023-10-20").encode()
    faulty.site.routes[ARTICLES[0]] = lambda s, h: (time.sleep(2.5), (200, {}, slow))[1]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    command = [sys.executable, "-m", "pugnlp", "crawl", "--sources", str(faulty.csv),
               "--store", str(faulty.store), "--no-progress"]
    procs = [subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for _ in range(2)]
    outputs = [p.communicate(timeout=120) for p in procs]
    results = sorted((p.returncode, out, err) for p, (out, err) in zip(procs, outputs))
    (ok, _, ok_err), (refused, refused_out, refused_err) = results
    assert (ok, refused) == (0, 1), results
    assert "Traceback" not in ok_err + refused_err and refused_out == ""
    assert f"Error: {faulty.store}: another crawl is using this store (pid " in refused_err
    assert "wait for it to end or stop it, then run again" in refused_err
    assert faulty.paths() == sorted(ARTICLES)


def test_a_stale_marker_naming_a_live_process_does_not_block(faulty: Site) -> None:
    state = faulty.store.parent / ".crawl-state"
    state.mkdir(parents=True)
    (state / "running.json").write_text(f'{{"pid": {os.getppid()}}}')  # alive, not a crawl
    code, out, err = _crawl(faulty)
    assert code == 0, err
    assert faulty.paths() == sorted(ARTICLES)


# --- politeness and bad answers ------------------------------------------------------------


def test_retry_after_is_honoured(faulty: Site, tmp_path: Path) -> None:
    busy = ARTICLES[2]
    html = article_html("Rapat PUG 3", body_text(103), "2023-10-03").encode()
    faulty.site.routes[busy] = lambda s, h: (
        (429, {"Retry-After": "1"}, b"slow down") if s.requested(busy) == 1 else (200, {}, html))
    summary = collect(faulty.csv, settings=Settings(download_delay=0.05, store_path=faulty.store),
                      options=OPTIONS)
    assert summary.exit_code() == 0 and faulty.paths() == sorted(ARTICLES)
    times = [h.at for h in faulty.site.hits]
    first = next(i for i, h in enumerate(faulty.site.hits) if h.path == busy)
    assert times[first + 1] - times[first] >= 1.0 - 0.02  # the host's next request waited
    assert summary.stats["pugnlp/retry_after_seconds"] == 1.0


def test_a_404_is_asked_again_on_the_next_run(faulty: Site) -> None:
    gone = ARTICLES[1]
    page = faulty.site.routes.pop(gone)
    settings = Settings(download_delay=0.05, store_path=faulty.store)
    first = collect(faulty.csv, settings=settings, options=OPTIONS)
    assert first.sources["mc"].outcomes["failed"] == 1
    faulty.site.routes[gone] = page  # the site put it back the next day
    collect(faulty.csv, settings=settings, options=OPTIONS)
    assert faulty.site.requested(gone) == 2
    assert faulty.paths() == sorted(ARTICLES)


def test_dry_run_writes_nothing(faulty: Site) -> None:
    code, out, _ = _crawl(faulty, "--dry-run")
    assert code == 0 and "10 URLs" in out  # the dry-run listing limit
    assert not faulty.store.parent.exists()  # no store, no .crawl-state


PDF = (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\nstream\n"
       b"x\x9c\x03\x00\x00\x00\x00\x01\nendstream\ntrailer\n%%EOF\n")


def test_a_pdf_is_reported_as_not_html(faulty: Site, caplog: pytest.LogCaptureFixture) -> None:
    site = faulty.site
    site.routes["/2023/10/laporan.pdf"] = lambda s, h: (200, {"Content-Type": "text/html"}, PDF)
    site.routes["/2023/10/laporan-2.pdf"] = lambda s, h: (
        200, {"Content-Type": "application/pdf"}, PDF)
    _serve(site, ("/2023/10/laporan.pdf", "/2023/10/laporan-2.pdf"))
    with caplog.at_level(logging.WARNING):
        summary = collect(faulty.csv, settings=Settings(download_delay=0.05,
                                                        store_path=faulty.store),
                          options=OPTIONS)
    assert not [r for r in caplog.records if r.name.startswith("trafilatura")]
    with sqlite3.connect(faulty.store) as conn:
        rows = conn.execute("SELECT url, reason FROM fetch_log WHERE outcome = 'failed'")
        assert sorted(rows) == [(site.url("/2023/10/laporan-2.pdf"), "not HTML"),
                                (site.url("/2023/10/laporan.pdf"), "not HTML")]
        assert conn.execute("SELECT COUNT(*) FROM urls WHERE url LIKE '%.pdf'").fetchone() == (0,)
    assert summary.sources["mc"].outcomes["failed"] == 2


def test_run_sources_shows_no_raw_scrapy_lines(faulty: Site, caplog: pytest.LogCaptureFixture,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(logging.getLogger("scrapy"), "level", logging.NOTSET)
    faulty.site.page(ARTICLES[3], "server error", status=500)  # Scrapy: ERROR Gave up retrying
    with caplog.at_level(logging.WARNING):
        result = CliRunner().invoke(cli, ["run", "--sources", str(faulty.csv), "--store",
                                          str(faulty.store), "--rules-only", "--no-progress",
                                          "-o", "keluaran"])
    assert result.exit_code == 0, result.output
    assert "19 articles stored" in result.stdout
    leaked = [r.getMessage() for r in caplog.records if r.name.startswith("scrapy")]
    assert not leaked
    warned = [r.getMessage() for r in caplog.records if "download_delay" in r.getMessage()]
    assert warned == ["download_delay is 0.05 s, below 5 s: fine against a local test site "
                      "only; set 5 s or more in pugnlp.toml before crawling real sites"]


def test_run_sources_after_a_write_error_builds_the_dataset_and_exits_1(
        faulty: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    faults: list[float] = []
    _full_cache(monkeypatch, faults)
    result = CliRunner().invoke(cli, ["run", "--sources", str(faulty.csv), "--store",
                                      str(faulty.store), "--rules-only", "--no-progress",
                                      "-o", "keluaran"])
    assert faults, "the fault was never hit"
    assert result.exit_code == 1, result.output
    assert "crawl stopped early:" in result.stdout
    assert "httpcache: cannot write the HTTP cache" in result.stderr
    assert "Traceback" not in result.output
    stored = len(faulty.paths())
    assert 0 < stored < len(ARTICLES)
    events = Path("keluaran") / "mentions.csv"  # what was stored is in the dataset
    assert len(events.read_text(encoding="utf-8-sig").splitlines()) == stored + 1
