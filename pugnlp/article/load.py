"""Read input paths (.txt, .html, .jsonl, .parquet, folders) into Articles, one error per bad item.

``iter_articles`` never raises for a bad item: it yields an :class:`InputError` in its place
so that the caller reports it and goes on with the batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from pugnlp.article.html import html_to_article, text_to_article
from pugnlp.errors import InputError
from pugnlp.ioutil import json_lines
from pugnlp.schema import Article
from pugnlp.settings import MAX_INPUT_BYTES

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".parquet")
TABLE_SUFFIXES = (".jsonl", ".parquet")
"""Files that hold many articles, one per line or row (``text`` or ``html``; optional ``id``,
``url``, ``title``, ``published``)."""
PARQUET_BATCH = 256
"""Parquet rows decoded at a time."""


def list_inputs(paths: list[Path]) -> list[Path]:
    """Expand folders (recursively, sorted) into the supported files they hold."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(p for p in sorted(path.rglob("*"))
                         if p.is_file() and p.suffix.lower() in SUFFIXES
                         and not any(part.startswith(".") for part in p.relative_to(path).parts))
        else:
            files.append(path)
    return files


def _read_text(path: Path, max_bytes: int) -> str:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(str(path), f"file too large ({size:,} bytes > {max_bytes:,} byte "
                                        "limit); is it an article?")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise InputError(str(path), "empty file")
    if b"\x00" in data[:4096]:
        raise InputError(str(path), "binary file (NUL bytes), not text or HTML")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not UTF-8 (byte {exc.start}: {data[exc.start:exc.start + 1]!r});"
                                    " convert it with iconv") from exc


def _looks_html(text: str) -> bool:
    head = text[:2000].lower()
    return "<html" in head or "<body" in head or "<!doctype html" in head or "<article" in head


def iter_articles(paths: list[Path], max_bytes: int = MAX_INPUT_BYTES
                  ) -> Iterator[Article | InputError]:
    """Yield an Article per input item, or the InputError that explains why it was skipped."""
    for path in list_inputs(paths):
        yield from iter_file(path, max_bytes)


def iter_file(path: Path, max_bytes: int = MAX_INPUT_BYTES,
              rows: tuple[int, int] | None = None) -> Iterator[Article | InputError]:
    """The Articles of one input file (or the InputErrors in their place).

    Args:
        path: a .txt/.html file, or a .jsonl/.parquet file of articles.
        max_bytes: larger text, HTML and JSONL files are refused.
        rows: only the Parquet rows ``[start, stop)`` (a shard of a large file).
    """
    if path.suffix.lower() not in SUFFIXES:
        yield InputError(str(path), f"unsupported file type {path.suffix!r} "
                                    f"(use {', '.join(SUFFIXES)})")
        return
    if path.suffix.lower() == ".parquet":
        yield from _iter_parquet(path, rows)
        return
    try:
        text = _read_text(path, max_bytes)
    except InputError as err:
        yield err
        return
    if path.suffix.lower() == ".jsonl":
        yield from _iter_jsonl(path, text)
        return
    try:
        if path.suffix.lower() in (".html", ".htm") or _looks_html(text):
            article = html_to_article(text, path.stem, where=str(path))
        else:
            article = text_to_article(text, path.stem, where=str(path))
        yield _with_source(article, str(path))
    except InputError as err:
        yield err


def _with_source(article: Article, source: str) -> Article:
    from dataclasses import replace

    return replace(article, source_path=source)


def _iter_jsonl(path: Path, text: str) -> Iterator[Article | InputError]:
    for where, lineno, obj in json_lines(text.split("\n"), path):
        if isinstance(obj, json.JSONDecodeError):
            yield InputError(where, f"malformed JSON ({obj.msg} at column {obj.colno})")
            continue
        if not isinstance(obj, dict):
            yield InputError(where, "each line must be a JSON object")
            continue
        yield _row_article(obj, where, f"{path.stem}-{lineno}")


def _row_article(obj: dict, where: str, default_id: str) -> Article | InputError:
    """The Article of one JSONL line or Parquet row (``text`` or ``html``, optional ``id``,
    ``url``, ``title``, ``published``)."""
    doc_id = str(obj.get("id") or obj.get("doc_id") or default_id)
    body, html = obj.get("text"), obj.get("html")
    if not isinstance(body, str) and not isinstance(html, str):
        return InputError(where, "no `text` or `html` field")
    try:
        if isinstance(html, str) and html.strip():
            article = html_to_article(html, doc_id, url=obj.get("url"), where=where)
        else:
            article = text_to_article(str(body), doc_id, url=obj.get("url"),
                                      title=obj.get("title"), published=obj.get("published"),
                                      where=where)
    except InputError as err:
        return err
    return _with_source(article, where)


def parquet_rows(path: Path) -> int:
    """How many rows a Parquet file of articles holds (read from its footer).

    Raises:
        InputError: the file is not Parquet.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return int(pq.ParquetFile(path).metadata.num_rows)
    except (OSError, pa.ArrowException) as exc:
        raise InputError(str(path), f"not a readable Parquet file ({exc})") from exc


def _iter_parquet(path: Path, rows: tuple[int, int] | None = None
                  ) -> Iterator[Article | InputError]:
    """Rows ``[start, stop)`` (default all) of a Parquet file of articles; a row's place is
    ``file:row N`` (1-based)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    start, stop = rows if rows is not None else (0, None)
    row = 0
    try:
        for batch in pq.ParquetFile(path).iter_batches(batch_size=PARQUET_BATCH):
            if stop is not None and row >= stop:
                return
            if row + batch.num_rows <= start:
                row += batch.num_rows
                continue
            for obj in batch.to_pylist():
                row += 1
                if row <= start:
                    continue
                if stop is not None and row > stop:
                    return
                yield _row_article(obj, f"{path}:row {row}", f"{path.stem}-{row}")
    except (OSError, pa.ArrowException) as exc:
        yield InputError(str(path), f"not a readable Parquet file of articles ({exc})")
