"""pugnlp: Indonesian news about gender mainstreaming (PUG) turned into evidence-backed data.

As a spaCy pipeline::

    import pugnlp
    nlp = pugnlp.load()                       # rules + the trained components of model/
    record = pugnlp.record_from_doc(nlp(text))  # an EventRecord

The public API is imported lazily so that ``pugnlp --help`` stays fast.
"""

from __future__ import annotations

import logging
from typing import Any

__version__ = "0.1.0"
__all__ = ["__version__", "load", "record_from_doc", "extract_articles", "extract_article",
           "extract_text", "ArticleText", "EventRecord", "Article"]

logging.getLogger(__name__).addHandler(logging.NullHandler())

_LAZY = {
    "load": "pugnlp.events.loader",
    "extract_articles": "pugnlp.events.loader",
    "extract_article": "pugnlp.events.loader",
    "extract_text": "pugnlp.events.loader",
    "ArticleText": "pugnlp.events.loader",
    "record_from_doc": "pugnlp.events.record",
    "EventRecord": "pugnlp.schema",
    "Article": "pugnlp.schema",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(name)
