"""Typed exceptions. The library raises these; ``cli.py`` turns them into clear messages."""

from __future__ import annotations


class PugnlpError(Exception):
    """Base class of every error pugnlp raises on purpose."""


class InputError(PugnlpError):
    """An input file or line cannot be read (empty, binary, not UTF-8, malformed jsonl)."""

    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


class ExtractError(PugnlpError):
    """Extraction failed on one article."""


class SourceError(PugnlpError):
    """The source registry (korpus/sumber.csv) is malformed."""


class FetchError(PugnlpError):
    """A page could not be fetched."""


class ModelError(PugnlpError):
    """A model file is missing, corrupt or from an incompatible version."""


class SchemaError(PugnlpError):
    """A records or dataset file does not match the expected schema."""


class AnnotationError(PugnlpError):
    """An annotation file has a bad span, an unknown label or a malformed line."""


class StoreError(PugnlpError):
    """The corpus store cannot be opened, read or written (disk full, damaged, read-only).

    ``kind`` is ``full``, ``damaged``, ``readonly``, ``busy``, ``io`` or ``other``: a crawl
    stops on any of them, and the message says what to do.
    """

    def __init__(self, message: str, kind: str = "other") -> None:
        super().__init__(message)
        self.kind = kind
