"""What was extracted from each article, and with which pipeline: the records of incremental
runs, kept in the corpus store (or in a records cache beside a run's output).

Table (created on demand in the same SQLite file as the store's own tables; a separate file
such as ``keluaran/.rekaman.sqlite`` works the same)::

    extractions (
        doc_id TEXT PRIMARY KEY,        -- the article's doc_id (store: its content-hash id)
        content_hash TEXT NOT NULL,     -- article_hash() of the article extracted
        pipeline_version TEXT NOT NULL, -- pugnlp.events.version.pipeline_version()
        record TEXT NOT NULL,           -- the record as JSON (EventRecord.as_dict()) without
                                        -- its `text`, which the article holds
        extracted_at TEXT NOT NULL      -- UTC, ISO 8601, seconds
    )

A stored record is current for an article when both its ``content_hash`` and its
``pipeline_version`` match: then it is reused as it is; otherwise the article is new, changed
(its text, title, URL, date or outlet differ from what was extracted) or was extracted by
another pipeline, and is extracted again. Each batch of records is written in one
transaction, so a run killed mid-way keeps the batches it finished and the next run resumes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from pugnlp.errors import PugnlpError
from pugnlp.schema import Article

log = logging.getLogger(__name__)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS extractions (
    doc_id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    pipeline_version TEXT NOT NULL,
    record TEXT NOT NULL,
    extracted_at TEXT NOT NULL
) WITHOUT ROWID;
"""
LOOKUP_CHUNK = 500
"""doc_ids per ``IN (...)`` query (SQLite allows 32766 parameters; small chunks stay fast)."""
HASHED_FIELDS: tuple[str, ...] = ("doc_id", "text", "title", "url", "published", "outlet")
"""The article's fields the pipeline reads (``source_path``, where it was read from, is not)."""


def article_hash(article: Article) -> str:
    """SHA-1 of what the pipeline reads of ``article``: a record extracted from an article
    with the same hash is the same record (under the same pipeline version)."""
    values = [getattr(article, name) for name in HASHED_FIELDS]
    return hashlib.sha1(json.dumps(values, ensure_ascii=False).encode("utf-8")).hexdigest()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _read_only(exc: sqlite3.Error) -> bool:
    return "readonly" in str(exc) or "read-only" in str(exc)


def _connect(path: Path, read_only: bool = False) -> sqlite3.Connection:
    if read_only:
        from pugnlp.corpus.connect import connect_readonly

        conn = connect_readonly(path)
        conn.isolation_level = None
        return conn
    return sqlite3.connect(path, isolation_level=None, timeout=30)


class Extractions:
    """The ``extractions`` table of a SQLite file. Use as a context manager or :meth:`close`.

    A file that cannot be written (a read-only copy of a store) is opened read-only: its
    records are still reused, new ones are not kept (:attr:`writable` is False; a warning
    says so once).

    Args:
        path: the corpus store (or a records cache file, created when missing).

    Raises:
        PugnlpError: the file can be neither written nor read (damaged, not SQLite).
    """

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.writable = True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = _connect(self.path)
            self.conn.executescript(_SCHEMA)
        except sqlite3.OperationalError as exc:  # read-only file or folder: read it as such
            self._open_read_only(exc)
        except (OSError, sqlite3.Error) as exc:
            raise self._error(exc) from exc

    def _error(self, exc: Exception) -> PugnlpError:
        return PugnlpError(f"{self.path}: cannot keep the extracted records here ({exc}); "
                           "give a writable store or output folder")

    def _open_read_only(self, cause: sqlite3.Error) -> None:
        """Open the file read-only (:func:`~pugnlp.corpus.connect.connect_readonly`: also a
        WAL store in a read-only folder); raise the first error when that fails too."""
        with contextlib.suppress(sqlite3.Error, AttributeError):
            self.conn.close()
        try:
            self.conn = _connect(self.path, read_only=True)
        except (PugnlpError, sqlite3.Error) as exc:
            raise self._error(cause) from exc
        self._read_only_now()

    def _read_only_now(self) -> None:
        self.writable = False
        log.warning("%s: read-only; stored records are reused, new ones are not kept (every "
                    "article extracted now is extracted again next time)", self.path)

    def _has_table(self) -> bool:
        return self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND "
                                 "name = 'extractions'").fetchone() is not None

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def __enter__(self) -> Extractions:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def current(self, articles: Sequence[Article], version: str
                ) -> list[dict[str, Any] | None]:
        """For each article, its stored record (a dict, ``text`` put back) when it is
        current (same content hash and pipeline version), else None."""
        stored: dict[str, tuple[str, str, str]] = {}
        ids = sorted({a.doc_id for a in articles}) if self.writable or self._has_table() else []
        try:
            for start in range(0, len(ids), LOOKUP_CHUNK):
                chunk = ids[start:start + LOOKUP_CHUNK]
                rows = self.conn.execute(
                    "SELECT doc_id, content_hash, pipeline_version, record FROM extractions "
                    f"WHERE doc_id IN ({', '.join('?' * len(chunk))})", chunk)
                stored.update((row[0], row[1:]) for row in rows)
        except sqlite3.Error as exc:
            raise PugnlpError(f"{self.path}: cannot read the extracted records ({exc})") from exc
        found: list[dict[str, Any] | None] = []
        for article in articles:
            row = stored.get(article.doc_id)
            if row is None or row[1] != version or row[0] != article_hash(article):
                found.append(None)
                continue
            record = json.loads(row[2])
            record["text"] = article.text
            found.append(record)
        return found

    def save(self, items: Iterable[tuple[Article, Mapping[str, Any]]], version: str) -> int:
        """Store the records of articles extracted with ``version``, in one transaction
        (replacing what each article had).

        Returns:
            How many were stored (0 when the file is read-only).
        """
        if not self.writable:
            return 0
        at = _now()
        rows = []
        for article, record in items:
            plain = {k: v for k, v in record.items() if k != "text"}
            rows.append((article.doc_id, article_hash(article), version,
                         json.dumps(plain, ensure_ascii=False), at))
        if not rows:
            return 0
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                self.conn.executemany("INSERT OR REPLACE INTO extractions VALUES (?, ?, ?, ?, ?)",
                                      rows)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            if not _read_only(exc):
                raise PugnlpError(f"{self.path}: cannot store the extracted records ({exc})"
                                  ) from exc
            self._read_only_now()
            return 0
        except sqlite3.Error as exc:
            raise PugnlpError(f"{self.path}: cannot store the extracted records ({exc})") from exc
        return len(rows)

    def count(self, version: str | None = None) -> int:
        """Stored records (of ``version`` only, when given)."""
        if not self.writable and not self._has_table():
            return 0
        sql, params = "SELECT COUNT(*) FROM extractions", ()
        if version is not None:
            sql, params = sql + " WHERE pipeline_version = ?", (version,)
        return int(self.conn.execute(sql, params).fetchone()[0])
