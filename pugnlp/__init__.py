"""pugnlp: Indonesian news about gender mainstreaming (PUG) turned into evidence-backed data.

The public API is imported lazily so that ``pugnlp --help`` stays fast.
"""

from __future__ import annotations

import logging
from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "extract_text", "Extractor", "EventRecord", "Article"]

logging.getLogger(__name__).addHandler(logging.NullHandler())

_LAZY = {
    "extract_text": "pugnlp.events.build",
    "Extractor": "pugnlp.events.build",
    "EventRecord": "pugnlp.schema",
    "Article": "pugnlp.schema",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
