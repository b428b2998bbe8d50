"""pugnlp.nlp.extensions: Doc._ values survive msgpack (how Docs cross processes) unchanged."""

from __future__ import annotations

import datetime as dt
import gc
from dataclasses import dataclass

import pytest
import srsly
from spacy.tokens import Doc

from pugnlp.nlp.extensions import EXTENSIONS, doc_value, register_extensions


@doc_value
@dataclass(frozen=True)
class Inner:
    span: tuple[int, int]
    when: dt.date | None


@doc_value
@dataclass
class Outer:
    items: list[Inner]
    spans: tuple[tuple[int, int], ...]
    names: tuple[str, ...] = ()


@dataclass
class Unregistered:
    x: int


def test_registered_values_round_trip_with_tuples_lists_and_dates() -> None:
    register_extensions()
    value = Outer([Inner((1, 2), dt.date(2023, 10, 11)), Inner((3, 4), None)],
                  ((5, 6), (7, 8)), ("a", "b"))
    back = srsly.msgpack_loads(srsly.msgpack_dumps({"v": value}))["v"]
    assert back == value
    assert type(back.items) is list and type(back.spans) is tuple
    assert type(back.items[0].span) is tuple and back.items[0].when == dt.date(2023, 10, 11)


def test_a_doc_with_values_crosses_bytes_unchanged() -> None:
    import spacy

    register_extensions()
    nlp = spacy.blank("id")
    doc = nlp("Rakor PUG di Palu.")
    doc._.venues = (Inner((0, 5), None),)
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert list(again._.venues) == [Inner((0, 5), None)]


def test_an_unregistered_class_is_not_serialised() -> None:
    register_extensions()
    with pytest.raises(TypeError):
        srsly.msgpack_dumps({"v": Unregistered(1)})


def test_an_unknown_type_name_is_refused() -> None:
    register_extensions()
    data = srsly.msgpack_dumps({"__pugnlp__": "os:system", "fields": {"x": 1}})
    try:
        with pytest.raises(ValueError, match="unknown pugnlp value type"):
            srsly.msgpack_loads(data)
    finally:  # srsly.msgpack_loads disables the collector and, on an error, leaves it off
        gc.enable()


def test_every_extension_is_declared_once_with_a_default() -> None:
    register_extensions()
    register_extensions()  # idempotent
    for name in EXTENSIONS:
        assert Doc.has_extension(name)
        assert Doc.get_extension(name)[0] is None
