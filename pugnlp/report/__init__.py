"""The visual report: the dataset -> ONE self-contained, offline HTML file in Indonesian.

``build_report`` (pure: tables -> HTML text) and ``make_report`` (``pugnlp report``: reads a
dataset folder, writes the file atomically).
"""

from __future__ import annotations

from typing import Any

__all__ = ["build_report", "make_report"]

_LAZY = {"build_report": "pugnlp.report.build", "make_report": "pugnlp.report.write"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
