"""Finders keep nothing of a call on themselves: one finder serves interleaved calls.

Each test starts a second ``find`` in the middle of a first one (from inside one of the
finder's own steps) and checks that both give what they give when called alone; a finder that
stored the text or its regions on ``self`` would answer the first call with the second text's.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from pugnlp.events.agencies import AgencyFinder
from pugnlp.events.people import PeopleFinder

PEOPLE_TEXTS = (
    "Rapat dibuka oleh Kepala DP2KBPMP2A Kota Banjarbaru Sri Wulandari di Aula.",
    "Sekda Gumas Yansen Tarigan membuka kegiatan sosialisasi PUG.",
    "Kepala DP3APMP2KB Kota Banjarbaru, Erma Yulianti Hartati, mengatakan data itu penting.",
)
AGENCY_TEXTS = (
    "Rapat digelar DP3AP2KBPMD Kabupaten Gunung Mas bersama Bappeda.",
    "Dinas Pemberdayaan Perempuan dan Perlindungan Anak (DP3A) Kota Palu dan Pemko Banjarbaru.",
    "Kepala Inspektorat Budi Santoso hadir bersama KemenPPPA.",
)


def _nested(obj: Any, method: str, inner: Callable[[], object],
            monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Make ``obj.method`` run ``inner()`` once, on its first call, before doing its work."""
    original = getattr(obj, method)
    results: list[object] = []
    started: list[bool] = []

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if not started:
            started.append(True)
            results.append(inner())
        return original(*args, **kwargs)

    monkeypatch.setattr(obj, method, wrapper)
    return results


def test_people_finder_interleaved(nlp, people_finder: PeopleFinder,  # noqa: ANN001
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    docs = [nlp(t) for t in PEOPLE_TEXTS]
    alone = [people_finder.find(d) for d in docs]
    assert all(alone)
    inner = _nested(people_finder, "_parse_chunk", lambda: people_finder.find(docs[1]),
                    monkeypatch)
    assert people_finder.find(docs[0]) == alone[0]
    assert inner == [alone[1]]


def test_agency_finder_interleaved(agency_finder: AgencyFinder,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    alone = [agency_finder.find(t) for t in AGENCY_TEXTS]
    assert all(alone)
    inner = _nested(agency_finder, "_governments", lambda: agency_finder.find(AGENCY_TEXTS[2]),
                    monkeypatch)
    assert agency_finder.find(AGENCY_TEXTS[1]) == alone[1]
    assert inner == [alone[2]]


def test_finders_in_threads(nlp, people_finder: PeopleFinder,  # noqa: ANN001
                            agency_finder: AgencyFinder) -> None:
    docs = [nlp(t) for t in PEOPLE_TEXTS]
    people_alone = [people_finder.find(d) for d in docs]
    agencies_alone = [agency_finder.find(t) for t in AGENCY_TEXTS]
    jobs = list(range(len(docs))) * 50
    with ThreadPoolExecutor(max_workers=8) as pool:
        people = list(pool.map(lambda i: people_finder.find(docs[i]), jobs))
        agencies = list(pool.map(lambda i: agency_finder.find(AGENCY_TEXTS[i]), jobs))
    assert people == [people_alone[i] for i in jobs]
    assert agencies == [agencies_alone[i] for i in jobs]
