"""Records -> the dataset: one row per event, every region present (issue 6).

``make_dataset`` (``pugnlp dataset``) reads records files and writes the tables;
``build_tables`` is the pure core; ``read_dataset`` reads a written dataset back.
"""

from __future__ import annotations

from typing import Any

__all__ = ["make_dataset", "build_tables", "read_dataset", "TABLES", "dataset_markdown"]

_LAZY = {
    "make_dataset": "pugnlp.dataset.run",
    "build_tables": "pugnlp.dataset.frame",
    "read_dataset": "pugnlp.dataset.files",
    "TABLES": "pugnlp.dataset.tables",
    "dataset_markdown": "pugnlp.dataset.tables",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
