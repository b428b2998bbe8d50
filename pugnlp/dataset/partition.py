"""Partitions of a records corpus whose events can be merged apart, with the events of a merge
of the whole corpus at once: the plan of ``pugnlp dataset --engine dask``.

Why a province never shares an event with another: :func:`pugnlp.dataset.merge.cluster` links
two records only when they do not conflict, and two different province codes always conflict;
every record of a merged event is checked against every other. So a record placed in a
province (``province_code``) is merged only with records of that province, or with records
that have no province. Those unplaced records meet others only as candidates through a shared
title or text hash (:func:`pugnlp.dataset.merge.candidate_pairs`: region blocks need a
province). A partition is therefore a province, joined with every province (and unplaced
record) that an unplaced record reaches through a title or text hash it shares; a candidate
pair between two provinces of one partition never links, so packing several partitions into
one task changes nothing either.

Two corpus-wide facts are settled here, before any task runs: which ``doc_id`` repeats are
dropped (the last one given wins, as in :func:`pugnlp.dataset.records.unique_records`), and
which titles and text hashes are shared by more than :data:`~pugnlp.dataset.merge.
MAX_TITLE_GROUP` records (they give no candidates: passed to ``cluster`` as ``common``).

Every function here is pure; the keys are one small row per record (no text).
"""

from __future__ import annotations

import bisect
import heapq
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from pugnlp.dataset import signals
from pugnlp.dataset.merge import MAX_TITLE_GROUP

KEY_COLUMNS: tuple[str, ...] = ("piece", "row", "doc_id", "relevant", "province", "title",
                                "sha1")
"""The keys of one record: where it was read (input piece, row), and what partitions it."""


def record_key(record: Mapping[str, Any]) -> tuple[str | None, str | None, str | None]:
    """``(province, title key, text hash)`` of a record (a dict as ``EventRecord.as_dict()``),
    as :func:`pugnlp.dataset.merge.features` reads them (None when absent)."""
    return (record.get("province_code") or None, signals.title_key(record.get("title")),
            record.get("text_sha1") or None)


def keys_frame(columns: Mapping[str, Sequence[Any]]) -> pd.DataFrame:
    """The keys of a piece's records as a frame (columns :data:`KEY_COLUMNS`)."""
    frame = pd.DataFrame({name: columns[name] for name in KEY_COLUMNS})
    return frame.astype({"piece": "int32", "row": "int32", "relevant": "bool"})


@dataclass(slots=True)
class Pack:
    """The records one task merges: whole partitions, and the non-relevant records of some
    input pieces (they join no event; they are spread to balance the tasks).

    Attributes:
        provinces: the province codes whose records it merges.
        unplaced: ``doc_id`` of the relevant records without a province it merges.
        others: input pieces whose non-relevant records it takes.
        size: its records.
    """

    provinces: set[str] = field(default_factory=set)
    unplaced: set[str] = field(default_factory=set)
    others: set[int] = field(default_factory=set)
    size: int = 0


@dataclass(frozen=True, slots=True)
class Plan:
    """How the corpus is merged in parts.

    Attributes:
        packs: the tasks' records.
        dropped: input piece -> rows whose ``doc_id`` a later record repeats (not merged).
        common: titles and text hashes shared by more than ``MAX_TITLE_GROUP`` records.
        records: distinct ``doc_id`` values (rows of the mentions table).
        duplicates: records dropped as repeats.
        doc_splitters: ``doc_id`` bounds of the output buckets of the mentions table.
    """

    packs: list[Pack]
    dropped: dict[int, frozenset[int]]
    common: frozenset[str]
    records: int
    duplicates: int
    doc_splitters: list[str]


class _Union:
    """Union-find over partition labels (province codes, ``u:<doc_id>``)."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, label: str) -> str:
        parent = self.parent.setdefault(label, label)
        if parent != label:
            parent = self.parent[label] = self.find(parent)
        return parent

    def union(self, labels: Iterable[str]) -> None:
        roots = sorted({self.find(label) for label in labels})
        for other in roots[1:]:
            self.parent[other] = roots[0]


def common_keys(relevant: pd.DataFrame) -> frozenset[str]:
    """Titles and text hashes of more than ``MAX_TITLE_GROUP`` relevant records."""
    common: set[str] = set()
    for column in ("title", "sha1"):
        counts = relevant[column].dropna().value_counts()
        common.update(counts[counts > MAX_TITLE_GROUP].index)
    return frozenset(common)


def partitions(relevant: pd.DataFrame, common: frozenset[str]) -> dict[str, list[str]]:
    """The partitions of the relevant records: root label -> member labels (province codes,
    ``u:<doc_id>`` for a record without a province)."""
    labels = relevant["province"].where(relevant["province"].notna(),
                                        "u:" + relevant["doc_id"].astype(str))
    union = _Union()
    for label in labels.unique():
        union.find(label)
    unplaced = relevant["province"].isna()
    for column in ("title", "sha1"):
        reached = set(relevant.loc[unplaced, column].dropna()) - common
        if not reached:
            continue
        shared = relevant[column].isin(reached)
        for _, group in labels[shared].groupby(relevant.loc[shared, column]):
            if len(group) > 1:
                union.union(group)
    members: dict[str, list[str]] = defaultdict(list)
    for label in union.parent:
        members[union.find(label)].append(label)
    return dict(members)


def pack(sizes: Mapping[str, int], parts: Mapping[str, Sequence[str]], others: Mapping[int, int],
         n_packs: int) -> list[Pack]:
    """Spread the partitions and the non-relevant records of each input piece over ``n_packs``
    tasks: largest first, each to the least loaded task.

    Args:
        sizes: records per partition (by root label).
        parts: member labels per partition.
        others: non-relevant records per input piece.
        n_packs: how many tasks (at least one).
    """
    packs = [Pack() for _ in range(max(1, n_packs))]
    heap = [(0, n) for n in range(len(packs))]
    items: list[tuple[int, int, Any]] = [(size, 0, root) for root, size in sizes.items()]
    items += [(size, 1, piece) for piece, size in others.items()]
    for size, kind, name in sorted(items, key=lambda t: (-t[0], t[1], str(t[2]))):
        load, n = heapq.heappop(heap)
        target = packs[n]
        if kind == 0:
            for label in parts[name]:  # type: ignore[index]
                if label.startswith("u:"):
                    target.unplaced.add(label[2:])
                else:
                    target.provinces.add(label)
        else:
            target.others.add(name)  # type: ignore[arg-type]
        target.size += size
        heapq.heappush(heap, (load + size, n))
    return [p for p in packs if p.size] or packs[:1]


def splitters(values: Sequence[str], n_buckets: int) -> list[str]:
    """``n_buckets - 1`` bounds cutting sorted distinct ``values`` into equal runs: bucket
    ``bisect_right(bounds, v)``, in sorted order."""
    if n_buckets <= 1 or not values:
        return []
    return [values[k * len(values) // n_buckets] for k in range(1, n_buckets)]


def bucket_of(value: str, bounds: Sequence[str]) -> int:
    """The output bucket of ``value`` (see :func:`splitters`)."""
    return bisect.bisect_right(bounds, value)


def plan(keys: pd.DataFrame, n_tasks: int, pack_records: int, bucket_records: int) -> Plan:
    """The plan of a distributed merge, from the keys of every record.

    Args:
        keys: :data:`KEY_COLUMNS` of every record read, in input order (piece, then row).
        n_tasks: tasks wanted at least (a few per worker), when there are enough partitions.
        pack_records: records per task wanted at most, when partitions allow.
        bucket_records: rows per output bucket of the mentions table.
    """
    repeated = keys["doc_id"].duplicated(keep="last")
    dropped = {int(piece): frozenset(int(r) for r in rows)
               for piece, rows in keys.loc[repeated, "row"].groupby(keys.loc[repeated, "piece"])}
    kept = keys[~repeated]
    relevant = kept[kept["relevant"]]
    common = common_keys(relevant)
    parts = partitions(relevant, common)
    labels = relevant["province"].where(relevant["province"].notna(),
                                        "u:" + relevant["doc_id"].astype(str))
    per_label = labels.value_counts().to_dict()
    sizes = {root: sum(per_label.get(m, 0) for m in members) for root, members in parts.items()}
    others = kept.loc[~kept["relevant"], "piece"].value_counts().to_dict()
    n_packs = max(n_tasks, math.ceil(len(kept) / max(1, pack_records)))
    n_packs = max(1, min(n_packs, len(sizes) + len(others)))
    doc_ids = sorted(kept["doc_id"].astype(str))
    n_buckets = max(1, math.ceil(len(doc_ids) / max(1, bucket_records)))
    return Plan(packs=pack(sizes, parts, {int(k): int(v) for k, v in others.items()}, n_packs),
                dropped=dropped, common=common, records=len(kept),
                duplicates=int(repeated.sum()), doc_splitters=splitters(doc_ids, n_buckets))
