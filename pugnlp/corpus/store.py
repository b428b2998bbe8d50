"""The corpus store: ``korpus/korpus.sqlite`` (SQLite, WAL), append-only.

Tables:

- ``articles``: one row per distinct article, keyed by canonical URL and by content hash, with
  its cleaned text, metadata, 64-bit SimHash and the raw HTML (zlib) so that extraction can be
  re-run without refetching;
- ``urls``: every canonical URL ever processed and what became of it: ``article``,
  ``duplicate`` (same content as an article), ``near_duplicate`` (linked to the article it
  repeats, with the SimHash distance) or ``rejected`` (a stub with the reason, e.g. off-topic);
- ``simhash_bands``: the band index for near-duplicate look-ups;
- ``fetch_log``: every fetch outcome with its HTTP status and reason.

Each page is written in one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``) guarded by
``INSERT OR IGNORE`` on the keys, so a process killed at any instant leaves every page either
fully stored or absent, and running again never stores one twice. Which copy of a duplicate
is the article follows :mod:`pugnlp.corpus.precedence`, not the order of arrival: a better
copy fetched later takes the article row over and the earlier one is linked to it.

Every SQLite or OS error becomes a one-line :class:`~pugnlp.errors.StoreError` naming the file
and what to do (disk full, damaged page, read-only copy, busy). Commands that only read open
the store read-only (:func:`open_store` ``readonly=True``), so a read-only copy can be read.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import sqlite3
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from pugnlp.corpus import simhash as sh
from pugnlp.corpus.connect import add_missing_columns, connect_readonly, store_error
from pugnlp.corpus.precedence import Copy, prefer
from pugnlp.errors import PugnlpError
from pugnlp.schema import Article
from pugnlp.sources.urls import canonical_url

log = logging.getLogger(__name__)

STORE_VERSION = "1"
ZLIB_LEVEL = 6
"""zlib level for raw HTML: ~5x smaller pages at ~1 ms per 50 KB (levels 7-9 gain < 3 %)."""

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS articles (
    id INTEGER PRIMARY KEY,
    doc_id TEXT NOT NULL UNIQUE,
    canonical_url TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL,
    source TEXT NOT NULL,
    kode_wilayah TEXT,
    title TEXT,
    published TEXT,
    outlet TEXT,
    text TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    simhash INTEGER NOT NULL,
    html BLOB NOT NULL,
    http_status INTEGER,
    fetched_at TEXT NOT NULL,
    source_kind TEXT
);
CREATE TABLE IF NOT EXISTS simhash_bands (
    band INTEGER NOT NULL, value INTEGER NOT NULL, article_id INTEGER NOT NULL,
    PRIMARY KEY (band, value, article_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS urls (
    canonical_url TEXT PRIMARY KEY,
    url TEXT NOT NULL,
    source TEXT NOT NULL,
    outcome TEXT NOT NULL
        CHECK (outcome IN ('article', 'duplicate', 'near_duplicate', 'rejected')),
    article_id INTEGER REFERENCES articles(id),
    distance INTEGER,
    reason TEXT,
    title TEXT,
    seen_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS fetch_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    source TEXT NOT NULL,
    url TEXT NOT NULL,
    role TEXT NOT NULL,
    status INTEGER,
    outcome TEXT NOT NULL,
    reason TEXT,
    attempts INTEGER
);
CREATE INDEX IF NOT EXISTS fetch_log_source ON fetch_log (source, outcome);
CREATE INDEX IF NOT EXISTS articles_source ON articles (source);
"""
_ADDED_COLUMNS: tuple[tuple[str, str, str], ...] = (("articles", "source_kind", "TEXT"),)
"""Columns newer than the first stores; added on open when missing."""
_ARTICLE_FIELDS = ("doc_id", "canonical_url", "url", "source", "source_kind", "kode_wilayah",
                   "title", "published", "outlet", "text", "content_hash", "simhash", "html",
                   "http_status", "fetched_at")


@dataclass(frozen=True, slots=True)
class Page:
    """An extracted article page, ready to store."""

    url: str
    source: str
    article: Article
    html: str
    kode_wilayah: str | None = None
    http_status: int | None = 200
    attempts: int = 1
    source_kind: str | None = None
    """The source's ``kind`` in the registry (``media_center``, ``portal_berita``...): a
    government copy of a release wins over a portal's (:mod:`pugnlp.corpus.precedence`)."""


@dataclass(frozen=True, slots=True)
class Added:
    """What :meth:`CorpusStore.add_page` did: ``outcome`` is ``article``, ``duplicate``,
    ``near_duplicate`` or ``known`` (the URL was already processed); what
    :meth:`CorpusStore.correct` did: ``corrected`` or ``unchanged``.

    ``replaced`` is set when the page was a duplicate that ranks before the stored copy: it
    took the article row over, and the URL given in ``replaced`` is now the linked copy
    (``outcome`` still says how the two relate).
    """

    outcome: str
    article_id: int | None = None
    distance: int | None = None
    replaced: str | None = None


def content_hash(text: str) -> str:
    """SHA-1 of the text with whitespace collapsed and case folded (exact-duplicate key)."""
    return hashlib.sha1(" ".join(text.split()).casefold().encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class CorpusStore:
    """An open corpus store. Use as a context manager or call :meth:`close`.

    Args:
        path: the SQLite file (created with its folder when missing, unless ``readonly``).
        readonly: open for reading only (SQLite ``mode=ro``; ``immutable=1`` when the folder
            is read-only and no -wal file holds unmerged changes). Nothing is created.

    Raises:
        StoreError: the store cannot be opened (named, with what to do).
    """

    def __init__(self, path: Path | str, *, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        self.conn = connect_readonly(self.path) if readonly else self._connect()

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise store_error(self.path, exc, "create the folder of") from exc
        conn: sqlite3.Connection | None = None
        try:
            conn = sqlite3.connect(self.path, isolation_level=None, timeout=30)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")  # durable against process kills
            conn.execute("PRAGMA foreign_keys=ON")
            conn.executescript(_SCHEMA)
            add_missing_columns(conn, _ADDED_COLUMNS)
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('store_version', ?)",
                         (STORE_VERSION,))
        except sqlite3.Error as exc:
            if conn is not None:
                conn.close()
            raise store_error(self.path, exc, "open") from exc
        return conn

    def close(self) -> None:
        """Close the connection (pending WAL content stays safely in the -wal file)."""
        self.conn.close()

    def __enter__(self) -> CorpusStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def guard(self, doing: str = "read") -> Iterator[sqlite3.Connection]:
        """Turn SQLite and OS errors inside the block into one-line :class:`StoreError`."""
        try:
            yield self.conn
        except (sqlite3.Error, OSError) as exc:
            raise store_error(self.path, exc, doing) from exc

    @contextlib.contextmanager
    def _tx(self) -> Iterator[sqlite3.Connection]:
        with self.guard("write"):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                if self.conn.in_transaction:  # SQLite may have rolled back already (disk full)
                    with contextlib.suppress(sqlite3.Error):
                        self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def known(self, url: str) -> bool:
        """True when the URL (in canonical form) was already stored, linked or rejected."""
        with self.guard():
            row = self.conn.execute("SELECT 1 FROM urls WHERE canonical_url = ?",
                                    (canonical_url(url),)).fetchone()
        return row is not None

    def set_source_kinds(self, kinds: dict[str, str]) -> None:
        """Record the registry ``kind`` of articles stored before kinds were kept (NULL)."""
        with self._tx() as conn:
            conn.executemany("UPDATE articles SET source_kind = ? WHERE source = ? AND "
                             "source_kind IS NULL", [(k, name) for name, k in kinds.items()])

    def add_page(self, page: Page, aliases: list[str] | tuple[str, ...] = ()) -> Added:
        """Store an article, or link it to the article it duplicates; one transaction.

        A duplicate that ranks before the stored copy (:mod:`pugnlp.corpus.precedence`) takes
        the article row over (same row id) and the stored copy's URL is linked to it instead.

        Args:
            page: the extracted page.
            aliases: other URLs that led to this page (a redirect's first URL); they are
                linked to the same article so that they are never fetched again.

        Returns:
            What was done (see :class:`Added`).

        Raises:
            StoreError: the write failed (nothing of this page is stored).
        """
        key = canonical_url(page.url)
        text = page.article.text
        digest = content_hash(text)
        fingerprint = sh.simhash(text)
        with self._tx() as conn:
            if conn.execute("SELECT 1 FROM urls WHERE canonical_url = ?", (key,)).fetchone():
                return Added("known")
            same = conn.execute("SELECT id FROM articles WHERE content_hash = ?",
                                (digest,)).fetchone()
            near = (same[0], 0) if same else self._nearest(fingerprint)
            if near is None:
                added = Added("article", self._insert_article(page, key, digest, fingerprint))
            else:
                outcome = "duplicate" if same else "near_duplicate"
                replaced = self._take_over(near[0], page, key, digest, fingerprint, outcome,
                                           near[1])
                added = Added(outcome, near[0], near[1], replaced)
            conn.execute("INSERT OR IGNORE INTO urls VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)",
                         (key, page.url, page.source,
                          "article" if added.replaced else added.outcome, added.article_id,
                          None if added.replaced else added.distance, page.article.title,
                          _now()))
            for alias in aliases:
                conn.execute(
                    "INSERT OR IGNORE INTO urls VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (canonical_url(alias), alias, page.source,
                     "duplicate" if added.outcome == "article" or added.replaced
                     else added.outcome, added.article_id,
                     None if added.replaced else added.distance, f"redirects to {key}",
                     page.article.title, _now()))
            self._log(page.source, page.url, "article", page.http_status, added.outcome,
                      f"now the article; {added.replaced} linked to it" if added.replaced
                      else None, page.attempts)
        return added

    def _row(self, page: Page, key: str, digest: str, fingerprint: int) -> tuple[object, ...]:
        art = page.article
        html = zlib.compress(page.html.encode("utf-8", "replace"), ZLIB_LEVEL)
        return (digest[:16], key, page.url, page.source, page.source_kind,
                page.kode_wilayah or None, art.title, art.published, art.outlet, art.text, digest,
                sh.to_signed(fingerprint), html, page.http_status, _now())

    def _insert_article(self, page: Page, key: str, digest: str, fingerprint: int) -> int:
        cur = self.conn.execute(
            f"INSERT OR IGNORE INTO articles ({', '.join(_ARTICLE_FIELDS)}) VALUES "
            f"({', '.join('?' * len(_ARTICLE_FIELDS))})", self._row(page, key, digest, fingerprint))
        if cur.rowcount != 1:  # cannot happen while urls and articles are written together
            raise PugnlpError(f"{self.path}: article {key} collides with a stored key")
        article_id = int(cur.lastrowid)
        self._index_bands(article_id, fingerprint)
        return article_id

    def _index_bands(self, article_id: int, fingerprint: int) -> None:
        self.conn.executemany("INSERT OR IGNORE INTO simhash_bands VALUES (?, ?, ?)",
                              [(i, v, article_id) for i, v in enumerate(sh.bands(fingerprint))])

    def _take_over(self, article_id: int, page: Page, key: str, digest: str, fingerprint: int,
                   outcome: str, distance: int) -> str | None:
        """Make ``page`` the article of row ``article_id`` if it ranks first; inside ``_tx``.

        Returns:
            The URL of the copy that is linked now, or None when the stored copy stays.
        """
        kind, published, length, old_key, old_url = self.conn.execute(
            "SELECT source_kind, published, length(text), canonical_url, url FROM articles "
            "WHERE id = ?", (article_id,)).fetchone()
        new = Copy(page.source_kind, page.article.published, len(page.article.text), key)
        if not prefer(new, Copy(kind, published, length, old_key)):
            return None
        self.conn.execute(
            f"UPDATE articles SET {', '.join(f + ' = ?' for f in _ARTICLE_FIELDS)} WHERE id = ?",
            (*self._row(page, key, digest, fingerprint), article_id))
        self.conn.execute("DELETE FROM simhash_bands WHERE article_id = ?", (article_id,))
        self._index_bands(article_id, fingerprint)
        self.conn.execute("UPDATE urls SET outcome = ?, distance = ?, reason = ? "
                          "WHERE canonical_url = ?",
                          (outcome, distance, f"copy of {key}", old_key))
        log.info("%s: ranks before %s; it is the article now", page.url, old_url)
        return str(old_url)

    def _nearest(self, fingerprint: int) -> tuple[int, int] | None:
        """The closest stored article within :data:`simhash.MAX_DISTANCE`, as (id, distance)."""
        clauses = " OR ".join("(b.band = ? AND b.value = ?)" for _ in range(sh.BANDS))
        params = [x for i, v in enumerate(sh.bands(fingerprint)) for x in (i, v)]
        rows = self.conn.execute(
            f"SELECT DISTINCT a.id, a.simhash FROM simhash_bands b JOIN articles a "
            f"ON a.id = b.article_id WHERE {clauses}", params).fetchall()
        best: tuple[int, int] | None = None
        for article_id, value in rows:
            dist = sh.distance(fingerprint, sh.from_signed(value))
            if dist <= sh.MAX_DISTANCE and (best is None or dist < best[1]):
                best = (article_id, dist)
        return best

    def add_stub(self, url: str, source: str, reason: str, title: str | None = None,
                 http_status: int | None = 200, attempts: int = 1) -> bool:
        """Record a page that is not kept in full (off-topic, other language, no article text).

        Returns:
            False when the URL was already processed (nothing written but the fetch log).
        """
        key = canonical_url(url)
        with self._tx() as conn:
            cur = conn.execute(
                "INSERT OR IGNORE INTO urls VALUES (?, ?, ?, 'rejected', NULL, NULL, ?, ?, ?)",
                (key, url, source, reason, title, _now()))
            self._log(source, url, "article", http_status, "rejected", reason, attempts)
        return cur.rowcount == 1

    def log_fetch(self, source: str, url: str, role: str, status: int | None, outcome: str,
                  reason: str | None = None, attempts: int | None = None) -> None:
        """Append one line to the fetch log (``role``: robots, discovery or article)."""
        with self._tx():
            self._log(source, url, role, status, outcome, reason, attempts)

    def _log(self, source: str, url: str, role: str, status: int | None, outcome: str,
             reason: str | None, attempts: int | None) -> None:
        self.conn.execute(
            "INSERT INTO fetch_log (at, source, url, role, status, outcome, reason, attempts) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (_now(), source, url, role, status, outcome, reason, attempts))

    def correct(self, page: Page) -> Added:
        """Replace the stored article at ``page.url`` with its corrected version (a release
        corrected at the same URL): its text, page, SimHash and content hash are replaced,
        and its title, date and outlet when ``page`` gives them; the article keeps its row
        and its ``doc_id`` (the dataset keeps its event), and the fetch log notes
        ``corrected``. Incremental runs see the new content hash and extract it again.

        Returns:
            ``Added("corrected", id)``, or ``Added("unchanged", id)`` when the page holds
            what is stored (nothing written).

        Raises:
            PugnlpError: no article is stored at that URL (a duplicate's URL is corrected
                through its article's), or the corrected text is another stored article's.
        """
        key = canonical_url(page.url)
        art = page.article
        digest = content_hash(art.text)
        with self._tx() as conn:
            row = conn.execute("SELECT id, text, title, published, outlet FROM articles "
                               "WHERE canonical_url = ?", (key,)).fetchone()
            if row is None:
                raise PugnlpError(f"{page.url}: no article stored at this URL in {self.path}; "
                                  "only a stored article can be corrected (crawl it first)")
            article_id, *stored = row
            given = [art.text, art.title or stored[1], art.published or stored[2],
                     art.outlet or stored[3]]
            if given == stored:
                return Added("unchanged", article_id)
            other = conn.execute("SELECT canonical_url FROM articles WHERE content_hash = ? "
                                 "AND id != ?", (digest, article_id)).fetchone()
            if other:
                raise PugnlpError(f"{page.url}: the corrected text is the article stored at "
                                  f"{other[0]}; nothing changed")
            fingerprint = sh.simhash(art.text)
            html = zlib.compress(page.html.encode("utf-8", "replace"), ZLIB_LEVEL)
            conn.execute(
                "UPDATE articles SET text = ?, title = ?, published = ?, outlet = ?, "
                "content_hash = ?, simhash = ?, html = ?, http_status = ?, fetched_at = ? "
                "WHERE id = ?", (*given, digest, sh.to_signed(fingerprint), html,
                                 page.http_status, _now(), article_id))
            conn.execute("DELETE FROM simhash_bands WHERE article_id = ?", (article_id,))
            conn.executemany("INSERT OR IGNORE INTO simhash_bands VALUES (?, ?, ?)",
                             [(i, v, article_id) for i, v in enumerate(sh.bands(fingerprint))])
            self._log(page.source, page.url, "article", page.http_status, "corrected", None,
                      page.attempts)
        return Added("corrected", article_id)

    def raw_html(self, article_id: int) -> str:
        """The page as fetched (decompressed), for re-running extraction."""
        with self.guard():
            row = self.conn.execute("SELECT html FROM articles WHERE id = ?",
                                    (article_id,)).fetchone()
        if row is None:
            raise PugnlpError(f"{self.path}: no article with id {article_id}")
        return zlib.decompress(row[0]).decode("utf-8")

    def count(self, table: str = "articles") -> int:
        """Rows in ``articles``, ``urls`` or ``fetch_log``."""
        if table not in ("articles", "urls", "fetch_log", "simhash_bands"):
            raise ValueError(table)
        with self.guard():
            return int(self.conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])


def open_store(path: Path | str, *, readonly: bool = False) -> CorpusStore:
    """Open the corpus store at ``path``: created when missing, or read-only (see
    :class:`CorpusStore`)."""
    return CorpusStore(path, readonly=readonly)


def id_range(store: CorpusStore | Path | str) -> tuple[int, int]:
    """``(first, last + 1)``: the row ids of the stored articles lie in this range (``(0, 0)``
    for an empty store); :func:`iter_articles` reads a part of it (``rows``), to share a store
    between workers."""
    owned = not isinstance(store, CorpusStore)
    if owned and not Path(store).exists():
        return (0, 0)
    db = CorpusStore(store, readonly=True) if owned else store
    try:
        with db.guard():
            low, high = db.conn.execute("SELECT MIN(id), MAX(id) FROM articles").fetchone()
    finally:
        if owned:
            db.close()
    return (0, 0) if low is None else (int(low), int(high) + 1)


def iter_articles(store: CorpusStore | Path | str, source: str | None = None,
                  rows: tuple[int, int] | None = None) -> Iterator[Article]:
    """Yield the stored articles (not duplicates, not stubs) in insertion order.

    Args:
        store: an open store or the path of one (opened read-only).
        source: only this source's articles.
        rows: only the articles whose row id is in ``[start, stop)`` (see :func:`id_range`).

    Yields:
        :class:`~pugnlp.schema.Article` values whose ``doc_id`` is the content-hash id and
        ``source_path`` is ``<store file>#<row id>``.

    Raises:
        StoreError: the store cannot be read (a damaged page, say), naming it.
    """
    owned = not isinstance(store, CorpusStore)
    db = CorpusStore(store, readonly=True) if owned else store
    try:
        sql = "SELECT id, doc_id, text, title, url, published, outlet FROM articles"
        where: list[str] = []
        params: list[str | int] = []
        if source is not None:
            where.append("source = ?")
            params.append(source)
        if rows is not None:
            where.append("id >= ? AND id < ?")
            params.extend(rows)
        if where:
            sql += " WHERE " + " AND ".join(where)
        with db.guard():
            cursor = db.conn.execute(sql + " ORDER BY id", params)
            batch = cursor.fetchmany(256)
        while batch:
            for row_id, doc_id, text, title, url, published, outlet in batch:
                yield Article(doc_id=doc_id, text=text, title=title, url=url,
                              published=published, outlet=outlet,
                              source_path=f"{db.path}#{row_id}")
            with db.guard():
                batch = cursor.fetchmany(256)
    finally:
        if owned:
            db.close()
