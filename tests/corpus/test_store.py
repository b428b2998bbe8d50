import random
import sqlite3
from pathlib import Path

import pytest

from pugnlp.corpus.store import CorpusStore, Page, content_hash, iter_articles
from pugnlp.errors import PugnlpError, StoreError
from pugnlp.schema import Article

BODY = ("Kepala DP3AP2KB Kota Banjarbaru membuka rapat koordinasi pengarusutamaan gender di "
        "Aula Gawi Sabarataan. ") * 6


def _page(url: str, text: str = BODY, source: str = "mc", title: str = "Rakor PUG",
          kind: str | None = "media_center") -> Page:
    return Page(url=url, source=source, html=f"<html><body><p>{text}</p></body></html>",
                article=Article(doc_id="x", text=text, title=title, url=url,
                                published="2023-10-11"), kode_wilayah="63.72", source_kind=kind)


def test_store_once_by_canonical_url_and_content(tmp_path: Path) -> None:
    with CorpusStore(tmp_path / "k.sqlite") as store:
        first = store.add_page(_page("https://mc.x.go.id/rakor-pug"))
        assert first.outcome == "article"
        assert store.add_page(_page("https://mc.x.go.id/rakor-pug/?utm_source=fb")).outcome == "known"
        assert store.add_page(_page("https://m.mc.x.go.id/rakor-pug/amp")).outcome == "known"
        same = store.add_page(_page("https://mc.x.go.id/berita/99"))
        assert (same.outcome, same.article_id, same.distance) == ("duplicate", first.article_id, 0)
        assert store.count() == 1 and store.count("urls") == 2
        assert store.known("http://www.mc.x.go.id/rakor-pug#top")
        assert "Gawi Sabarataan" in store.raw_html(first.article_id)


def _varied(seed: int) -> str:
    rng = random.Random(seed)
    words = BODY.split() + "anggaran perempuan anak evaluasi pelatihan peserta desa".split()
    return " ".join(rng.choice(words) for _ in range(300))


def test_near_duplicate_is_linked_not_stored(tmp_path: Path) -> None:
    with CorpusStore(tmp_path / "k.sqlite") as store:
        first = store.add_page(_page("https://mc.x.go.id/a", _varied(1)))
        near = store.add_page(_page("https://portal.y.id/b",  # fuller, but a portal's copy
                                    "BANJARBARU - " + _varied(1) + " Sumber: MC",
                                    kind="portal_berita"))
        assert near.outcome == "near_duplicate" and near.article_id == first.article_id
        assert near.distance is not None and 0 < near.distance <= 7
        other = store.add_page(_page("https://portal.y.id/c", "Bupati Gunung Mas membuka "
                                     "sosialisasi PPRG bagi perangkat daerah di Kuala Kurun. " * 6))
        assert other.outcome == "article"
        assert store.count() == 2
        row = store.conn.execute("SELECT outcome, article_id, distance FROM urls "
                                 "WHERE canonical_url = 'https://portal.y.id/b'").fetchone()
        assert row == ("near_duplicate", first.article_id, near.distance)


def test_stubs_aliases_and_fetch_log(tmp_path: Path) -> None:
    with CorpusStore(tmp_path / "k.sqlite") as store:
        assert store.add_stub("https://x.id/bola", "mc", "off-topic (no PUG keyword)", "Bola")
        assert not store.add_stub("https://x.id/bola?utm_medium=x", "mc", "off-topic")
        assert store.known("https://x.id/bola") and store.count() == 0
        store.add_page(_page("https://x.id/slug-rakor"), aliases=["https://x.id/?p=5"])
        assert store.known("https://x.id/?p=5")
        store.log_fetch("mc", "https://x.id/mati", "article", 500, "failed", "HTTP 500", 3)
        rows = store.conn.execute("SELECT url, status, outcome, reason, attempts FROM fetch_log "
                                  "ORDER BY id").fetchall()
        assert rows[-1] == ("https://x.id/mati", 500, "failed", "HTTP 500", 3)
        assert [r[2] for r in rows] == ["rejected", "rejected", "article", "failed"]


def test_store_is_wal_and_reopens(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "k.sqlite"
    with CorpusStore(path) as store:
        store.add_page(_page("https://x.id/a"))
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with CorpusStore(path) as store:
        assert store.count() == 1
        assert store.add_page(_page("https://x.id/a")).outcome == "known"


def test_iter_articles_gives_articles_with_content_ids(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite"
    with CorpusStore(path) as store:
        store.add_page(_page("https://x.id/a"))
        store.add_page(_page("https://y.id/b", "Sosialisasi PPRG di Kuala Kurun. " * 8, source="b"))
        store.add_stub("https://x.id/bola", "mc", "off-topic")
        articles = list(iter_articles(store))
    assert [a.url for a in articles] == ["https://x.id/a", "https://y.id/b"]
    assert articles[0].doc_id == content_hash(BODY)[:16]
    assert articles[0].text == BODY and articles[0].published == "2023-10-11"
    assert articles[0].source_path == f"{path}#1"
    assert [a.url for a in iter_articles(path, source="b")] == ["https://y.id/b"]


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "k.sqlite"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(PugnlpError, match="cannot open the corpus store"):
        CorpusStore(path)


def test_a_failed_transaction_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = CorpusStore(tmp_path / "k.sqlite")

    def boom(*args: object) -> None:
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "_log", boom)  # fails after the article row was inserted
    with pytest.raises(StoreError, match="k.sqlite: cannot write the corpus store"):
        store.add_page(_page("https://x.id/a"))
    assert store.count() == 0 and store.count("urls") == 0 and store.count("simhash_bands") == 0
    store.close()


def test_correct_replaces_the_text_at_the_same_url_and_keeps_the_doc_id(tmp_path: Path) -> None:
    with CorpusStore(tmp_path / "k.sqlite") as store:
        first = store.add_page(_page("https://mc.x.go.id/a", _varied(1)))
        store.add_page(_page("https://portal.y.id/copy", _varied(1)))  # a duplicate, linked
        other = store.add_page(_page("https://mc.x.go.id/b", _varied(2)))
        before = next(iter_articles(store))
        fixed = _varied(1).replace(" ", "  ", 3) + " Ralat: jumlah peserta 45 orang."
        done = store.correct(_page("https://mc.x.go.id/a?utm_source=x", fixed, title=None))
        assert (done.outcome, done.article_id) == ("corrected", first.article_id)
        after = next(iter_articles(store))
        assert after.doc_id == before.doc_id and after.text == fixed
        assert after.title == before.title  # not given: kept
        assert "Ralat" in store.raw_html(first.article_id)
        assert store.count() == 2
        assert store.correct(_page("https://mc.x.go.id/a", fixed)).outcome == "unchanged"
        log = store.conn.execute("SELECT outcome FROM fetch_log ORDER BY id DESC").fetchone()
        assert log == ("corrected",)
        # the SimHash index follows the new text: a copy of it is now a near-duplicate
        shorter = fixed[:-len(" orang.")]  # a shorter copy: the stored one stays the article
        again = store.add_page(_page("https://portal.y.id/again", shorter))
        assert again.article_id == first.article_id and again.replaced is None
        with pytest.raises(PugnlpError, match="no article stored at this URL"):
            store.correct(_page("https://portal.y.id/copy", fixed))
        with pytest.raises(PugnlpError, match="is the article stored at https://mc.x.go.id/b"):
            store.correct(_page("https://mc.x.go.id/a", _varied(2)))
        assert other.outcome == "article" and next(iter_articles(store)).text == fixed


def test_id_range_and_rows_share_a_store_between_workers(tmp_path: Path) -> None:
    from pugnlp.corpus.store import id_range

    path = tmp_path / "k.sqlite"
    assert id_range(path) == (0, 0)  # empty store
    with CorpusStore(path) as store:
        for n in range(5):
            store.add_page(_page(f"https://x.id/{n}", f"Rakor PUG ke-{n} di Banjarbaru. " * 8))
    first, stop = id_range(path)
    assert (first, stop) == (1, 6)
    parts = [list(iter_articles(path, rows=(a, min(a + 2, stop)))) for a in range(first, stop, 2)]
    assert [len(p) for p in parts] == [2, 2, 1]
    assert [a for p in parts for a in p] == list(iter_articles(path))
    assert [a.url for a in iter_articles(path, source="mc", rows=(2, 4))] == [
        "https://x.id/1", "https://x.id/2"]
