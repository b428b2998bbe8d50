"""Plain JSON values -> dataclasses, by the dataclass fields and their type hints.

Generic (it knows no pugnlp type): :mod:`pugnlp.schema` builds ``EventRecord.from_dict`` on
it, so that a field added to a record dataclass is read without editing any reader. Supported
hints: ``str``, ``int``, ``float`` (an int is accepted), ``bool`` (never for an int),
dataclasses, ``tuple[T, ...]`` (a JSON list) and ``T | None``. A field with
``metadata={"since": "1.1"}`` and a default may be absent from data of an older version.
"""

from __future__ import annotations

import functools
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import MISSING, Field, fields, is_dataclass
from typing import Any

Version = tuple[int, ...]
Decoder = Callable[[Any, Version], Any]


class Invalid(Exception):
    """A value that does not fit its type hint; ``path`` names where (``.a[2].b``)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.path: list[str] = []

    def within(self, segment: str) -> Invalid:
        self.path.insert(0, segment)
        return self

    def where(self) -> str:
        return "".join(self.path).lstrip(".")


def decode(cls: type, data: Any, version: Version) -> Any:
    """``cls`` from plain values of data ``version``.

    Raises:
        Invalid: a missing field or a value of the wrong type.
    """
    return _decoder(cls)(data, version)


def version_key(version: object, newest: Version) -> Version:
    """``"1.1"`` -> ``(1, 1)``; unreadable -> ``newest``."""
    try:
        return tuple(int(part) for part in str(version).split("."))
    except ValueError:
        return newest


def missing_fields(cls: type, data: Mapping[str, Any], version: Version) -> list[str]:
    return [f.name for f in _fields(cls) if f.name not in data and _required(f, version)]


@functools.cache
def field_types(cls: type) -> dict[str, Any]:
    """``{field name: resolved type hint}`` of a dataclass, in field order."""
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in fields(cls)}


def unwrap_optional(hint: Any) -> tuple[Any, bool]:
    """``(T, True)`` for ``T | None``, else ``(hint, False)``."""
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0], True
        raise TypeError(f"unsupported union: {hint}")
    return hint, False


def item_type(hint: Any) -> Any | None:
    """``T`` for ``tuple[T, ...]`` (a list field), else None."""
    if typing.get_origin(hint) is tuple:
        return typing.get_args(hint)[0]
    return None


@functools.cache
def _fields(cls: type) -> tuple[Field[Any], ...]:
    return fields(cls)


def _required(f: Field[Any], version: Version) -> bool:
    """False for a field added after ``version`` (``metadata={"since": ...}`` and a default)."""
    since = f.metadata.get("since")
    has_default = f.default is not MISSING or f.default_factory is not MISSING
    return not (since and has_default and version < version_key(since, version))


def _scalar(hint: type) -> Decoder:
    def decode(value: Any, version: Version) -> Any:
        if type(value) is hint:  # the common case, first
            return value
        if isinstance(value, hint) and not (isinstance(value, bool) and hint is not bool):
            return value
        if hint is float and isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        raise Invalid(f"expected {hint.__name__}, got {type(value).__name__} {value!r:.40}")

    return decode


def _sequence(item: Decoder) -> Decoder:
    def decode(value: Any, version: Version) -> tuple[Any, ...]:
        if type(value) is not list and not isinstance(value, (list, tuple)):
            raise Invalid(f"must be a list, got {type(value).__name__}")
        out = []
        for n, element in enumerate(value):
            try:
                out.append(item(element, version))
            except Invalid as exc:
                raise exc.within(f"[{n}]") from None
        return tuple(out)

    return decode


def _object(cls: type) -> Decoder:
    plan = []
    for f, hint in zip(fields(cls), field_types(cls).values()):
        inner, optional = unwrap_optional(hint)
        fast = inner if inner in (str, int, float, bool) else None  # checked inline below
        plan.append((f.name, fast, optional, _decoder(hint), f))

    def decode(value: Any, version: Version) -> Any:
        if type(value) is not dict and not isinstance(value, Mapping):
            raise Invalid(f"must be an object, got {type(value).__name__}")
        values, missing = {}, []
        for name, fast, optional, item, f in plan:
            if name not in value:
                if _required(f, version):
                    missing.append(name)
                continue
            element = value[name]
            if fast is not None and (type(element) is fast or (element is None and optional)):
                values[name] = element
                continue
            try:
                values[name] = item(element, version)
            except Invalid as exc:
                raise exc.within(f".{name}") from None
        if missing:
            raise Invalid(f"missing field(s) {', '.join(missing)}")
        return cls(**values)

    return decode


@functools.cache
def _decoder(hint: Any) -> Decoder:
    """The function that turns a plain value into ``hint``'s type (built once per type)."""
    inner, optional = unwrap_optional(hint)
    item = item_type(inner)
    if item is not None:
        decode = _sequence(_decoder(item))
    elif is_dataclass(inner):
        decode = _object(inner)  # type: ignore[arg-type]
    elif inner in (str, int, float, bool):
        decode = _scalar(inner)
    else:
        raise TypeError(f"unsupported type: {hint}")
    if not optional:
        return decode

    def nullable(value: Any, version: Version) -> Any:
        return None if value is None else decode(value, version)

    return nullable
