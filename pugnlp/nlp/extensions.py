"""The ``Doc._`` attributes of pugnlp's pipeline, declared once, and how they travel.

Each component of :func:`pugnlp.load` writes its findings to one attribute (``doc._.dates``,
``doc._.persons`` ...), and :func:`pugnlp.events.record.record_from_doc` reads them all. The
values are frozen dataclasses of the extraction stages, so that a Doc produced in another
process (``nlp.pipe(texts, n_process=2)``) arrives with the same values: spaCy sends Docs
between processes as msgpack (``Doc.to_bytes``), which knows neither dataclasses nor dates.
:func:`doc_value` registers a dataclass with the msgpack codec of this module: it is written
as its class name and its fields and rebuilt from them, tuples and lists restored from the
field types. Only registered classes are rebuilt; nothing is unpickled.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from collections.abc import Callable
from functools import lru_cache
from typing import Any, TypeVar

T = TypeVar("T")

_TYPE_KEY = "__pugnlp__"
_DATE_KEY = "__pugnlp_date__"
_CLASSES: dict[str, type] = {}

EXTENSIONS: dict[str, str] = {
    "article": "the Article the Doc was made from (doc_id, title, url, publication date...)",
    "published": "publication date (ISO), from the article or the dateline",
    "sections": "title, lead and body of the article (Sections)",
    "decision": "relevance and event type (Decision), by the rules or the classifier, the "
                "type then decided by the activity's head where it names one",
    "activity": "the activity as the article names it, with its head and type (Activity)",
    "event_date": "the chosen event date mention (DateMention) or None",
    "event_date_note": "why there is no event date (a key of schema.DATE_NOTES) or None",
    "venues": "venue mentions (VenueMention)",
    "persons": "officials found: name and position (PersonMention), one per person",
    "regions": "region mentions of the gazetteer (PlaceMention)",
    "place": "where the activity was held: regency/city and province (PlaceResult)",
    "region": "whose activity it is: region, precision, and the kab/kota held in "
              "(RegionDecision)",
    "agency_mentions": "every agency named, one entry per body (AgencyEntry)",
    "agencies": "the agencies the record lists (AgencyEntry), a subset of agency_mentions",
    "ape": "APE award categories (ApeMention)",
    "participants": "(count, (start, end)) of the stated participant count, or None",
    "entity_persons": "PER spans the entity model finds in the paragraphs worth reading",
    "selected_officials": "officials the learned selector adds (schema Official)",
    "class_probabilities": "the classifier's P(relevant) and P(event type) for every type "
                           "(ClassProbabilities)",
    "agency_scores": "the agency selector's probability for each agency it read "
                     "(ScoredMention)",
    "official_scores": "the official selector's probability for each person it read, in "
                       "relevant articles (ScoredMention)",
}
"""Every ``Doc._`` attribute pugnlp sets, with what it holds (default ``None``)."""


def doc_value(cls: type[T]) -> type[T]:
    """Class decorator: a dataclass that may be stored in ``Doc._`` and cross processes."""
    if not dataclasses.is_dataclass(cls):
        raise TypeError(f"{cls.__qualname__} is not a dataclass")
    _CLASSES[_name(cls)] = cls
    return cls


def _name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def register_extensions() -> None:
    """Declare every attribute of :data:`EXTENSIONS` on ``Doc`` (once) and the codec."""
    from spacy.tokens import Doc

    for name in EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    _register_codec()


def _register_codec() -> None:
    import srsly.msgpack as msgpack

    if "pugnlp" not in msgpack.msgpack_encoders.get_all():
        msgpack.msgpack_encoders.register("pugnlp", func=encode)
        msgpack.msgpack_decoders.register("pugnlp", func=decode)


def encode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """msgpack ``default`` hook: registered dataclasses and dates as plain maps."""
    if isinstance(obj, dt.date):
        return {_DATE_KEY: obj.isoformat()}
    name = _name(type(obj))
    if name in _CLASSES:
        return {_TYPE_KEY: name,
                "fields": {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}}
    return obj if chain is None else chain(obj)


def decode(obj: Any, chain: Callable[[Any], Any] | None = None) -> Any:
    """msgpack ``object_hook``: rebuild what :func:`encode` wrote."""
    if isinstance(obj, dict):
        if _DATE_KEY in obj:
            return dt.date.fromisoformat(obj[_DATE_KEY])
        if _TYPE_KEY in obj:
            cls = _CLASSES.get(obj[_TYPE_KEY])
            if cls is None:
                raise ValueError(f"unknown pugnlp value type {obj[_TYPE_KEY]!r}")
            hints = _hints(cls)
            return cls(**{k: _restore(v, hints.get(k)) for k, v in obj["fields"].items()})
    return obj if chain is None else chain(obj)


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _restore(value: Any, hint: Any) -> Any:
    """msgpack gives every array back as a list: make tuples of the fields typed as tuples."""
    if value is None or hint is None:
        return value
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [h for h in typing.get_args(hint) if h is not type(None)]
        return _restore(value, options[0]) if len(options) == 1 else value
    if origin in (tuple, list) and isinstance(value, (list, tuple)):
        args = typing.get_args(hint)
        if origin is tuple and len(args) == 2 and args[1] is Ellipsis or origin is list:
            items = [_restore(v, args[0] if args else None) for v in value]
        elif origin is tuple and args:
            items = [_restore(v, a) for v, a in zip(value, args)]
        else:
            items = list(value)
        return tuple(items) if origin is tuple else items
    return value
