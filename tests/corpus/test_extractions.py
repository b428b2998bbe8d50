"""The extractions table: records kept per article with the content hash and pipeline version
they came from; current only when both match."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

import pytest

from pugnlp.corpus.extractions import Extractions, article_hash
from pugnlp.corpus.store import CorpusStore
from pugnlp.errors import PugnlpError
from pugnlp.schema import Article

A = Article(doc_id="a1", text="Rakor Pokja PUG Kabupaten Banjar.", title="Rakor", url="https://x/a")
B = Article(doc_id="b2", text="Bimtek PPRG Kota Samarinda.", title="Bimtek", url="https://x/b")


def record(article: Article, **fields) -> dict:
    return {"doc_id": article.doc_id, "relevant": True, "text": article.text, **fields}


def test_records_are_current_only_for_the_same_content_and_version(tmp_path):
    with Extractions(tmp_path / "r.sqlite") as kept:
        assert kept.current([A, B], "v1") == [None, None]
        assert kept.save([(A, record(A, event_type="rapat_koordinasi"))], "v1") == 1
        found = kept.current([A, B], "v1")
        assert found[0] == record(A, event_type="rapat_koordinasi") and found[1] is None
        assert kept.current([A], "v2") == [None]  # another pipeline version
        assert kept.current([replace(A, text=A.text + " Dikoreksi.")], "v1") == [None]
        assert kept.current([replace(A, published="2023-03-14")], "v1") == [None]
        # where the article was read from is no part of it
        assert kept.current([replace(A, source_path="elsewhere#1")], "v1")[0] is not None
        kept.save([(A, record(A, event_type="evaluasi"))], "v2")  # replaced, not added
        assert kept.count() == 1 and kept.count("v2") == 1 and kept.count("v1") == 0


def test_the_text_is_not_stored_twice(tmp_path):
    with Extractions(tmp_path / "r.sqlite") as kept:
        kept.save([(A, record(A))], "v1")
        raw = kept.conn.execute("SELECT record, content_hash FROM extractions").fetchone()
    assert "text" not in json.loads(raw[0]) and raw[1] == article_hash(A)


def test_the_table_lives_in_the_store_beside_its_own(tmp_path):
    path = tmp_path / "korpus.sqlite"
    CorpusStore(path).close()
    with Extractions(path) as kept:
        kept.save([(B, record(B))], "v1")
    with CorpusStore(path) as store:
        assert store.count() == 0  # the store's tables are untouched
    tables = {r[0] for r in sqlite3.connect(path).execute("SELECT name FROM sqlite_master")}
    assert {"articles", "urls", "extractions"} <= tables


def test_many_articles_are_looked_up_in_chunks(tmp_path):
    articles = [Article(doc_id=f"d{n:04d}", text=f"teks {n}") for n in range(1203)]
    with Extractions(tmp_path / "r.sqlite") as kept:
        kept.save([(a, record(a)) for a in articles[::2]], "v1")
        found = kept.current(articles, "v1")
    assert [f is not None for f in found] == [n % 2 == 0 for n in range(1203)]


def test_an_unusable_file_is_a_clear_error(tmp_path):
    folder = tmp_path / "a-folder.sqlite"
    folder.mkdir()
    with pytest.raises(PugnlpError, match="a-folder.sqlite: cannot keep the extracted records"):
        Extractions(folder)


def test_a_read_only_file_reuses_its_records_and_keeps_no_new_ones(tmp_path, monkeypatch):
    from pugnlp.corpus import extractions

    path = tmp_path / "korpus.sqlite"
    with Extractions(path) as kept:
        kept.save([(A, record(A))], "v1")
    real = extractions._connect

    def read_only_file(where, read_only=False):  # as a read-only copy behaves (root may write)
        conn = real(where, read_only)
        conn.execute("PRAGMA query_only = ON")
        return conn

    monkeypatch.setattr(extractions, "_connect", read_only_file)
    with Extractions(path) as kept:
        assert kept.current([A, B], "v1")[0] == record(A)
        assert kept.save([(B, record(B))], "v1") == 0 and kept.count() == 1
        assert not kept.writable
    fresh = tmp_path / "empty.sqlite"
    sqlite3.connect(fresh).execute("CREATE TABLE t (x)").connection.commit()
    with Extractions(fresh) as kept:  # read-only and without the table: nothing to reuse
        assert kept.current([A], "v1") == [None] and kept.count() == 0
