"""``pugnlp report``: read a dataset folder, write the HTML report atomically."""

from __future__ import annotations

import logging
from pathlib import Path

from pugnlp.dataset.files import read_dataset, read_manifest
from pugnlp.ioutil import atomic_write_text
from pugnlp.report.build import build_report
from pugnlp.report.labels import as_date
from pugnlp.wilayah import load_gazetteer

log = logging.getLogger(__name__)


def make_report(dataset_dir: Path, out: Path, title: str | None = None) -> str:
    """Build the report of the dataset in ``dataset_dir`` and write it to ``out``.

    Returns:
        A one-line summary for the CLI.

    Raises:
        PugnlpError: no dataset in the folder, or the output cannot be written.
        SchemaError: the dataset has another version or a missing column.
    """
    created = as_date(read_manifest(dataset_dir).get("created"))
    tables = read_dataset(dataset_dir)
    html = build_report(tables, load_gazetteer(), title=title, created=created)
    atomic_write_text(Path(out), html, keep_same=True)  # unchanged: file left untouched
    log.info("report: %d bytes -> %s", len(html), out)
    return (f"report: {len(tables['events'])} events, {len(tables['mentions'])} articles "
            f"-> {out} ({len(html) / 1024:.0f} KB, works offline)")
