"""pugnlp.patterns.places: level prefixes, generic city/regency cues, datelines, comparisons."""

from __future__ import annotations

import pytest

from pugnlp.patterns.places import (
    COMPARISON,
    DATELINE_SPLIT,
    GENERIC_LEVEL_CUES,
    LEVEL_PREFIXES,
    PLACE_INTRODUCERS,
)


def test_level_prefixes() -> None:
    assert LEVEL_PREFIXES["pemko"] == LEVEL_PREFIXES["setdako"] == LEVEL_PREFIXES["kota"] == "kota"
    assert LEVEL_PREFIXES["pemkab"] == LEVEL_PREFIXES["kab"] == "kabupaten"
    assert LEVEL_PREFIXES["pemprov"] == LEVEL_PREFIXES["gubernur"] == "provinsi"
    assert all(k == k.lower() and "." not in k for k in LEVEL_PREFIXES)


@pytest.mark.parametrize("text", [
    "Pemko Bogor", "Pemkot Bogor", "Walikota membuka", "Setdako", "Pemerintah Kota", "Wawali",
    "Wali Kota membuka rapat",  # the official spelling (DOMAIN.md: "Wali Kota / Walikota")
])
def test_generic_cues_for_a_city(text: str) -> None:
    match = GENERIC_LEVEL_CUES.search(text)
    assert match is not None and match.group("kota")


@pytest.mark.parametrize("text", ["Pemkab Bogor", "Bupati Kupang", "Setdakab", "Pemerintah Kabupaten"])
def test_generic_cues_for_a_regency(text: str) -> None:
    match = GENERIC_LEVEL_CUES.search(text)
    assert match is not None and match.group("kab")


@pytest.mark.parametrize("text", ["Pemkomas", "pemkab", "kota tua", "Kabupaten"])
def test_generic_cues_ignore_other_words(text: str) -> None:
    assert GENERIC_LEVEL_CUES.search(text) is None


def test_dateline_split() -> None:
    assert DATELINE_SPLIT.split("Hai Kalteng - Kuala Kurun") == ["Hai Kalteng", "Kuala Kurun"]
    assert DATELINE_SPLIT.split("RILISKALIMANTAN.COM, KALSEL") == ["RILISKALIMANTAN.COM", "KALSEL"]
    assert DATELINE_SPLIT.split("Pare-Pare") == ["Pare-Pare"]  # a hyphen inside a name stays


@pytest.mark.parametrize("text", [
    "lebih tinggi dibandingkan Kota Balikpapan", "seperti halnya di Bontang",
    "belajar dari Kota Surabaya", "studi banding ke Kabupaten Badung", "Sementara itu di Samarinda",
])
def test_comparison_cues(text: str) -> None:
    assert COMPARISON.search(text)


@pytest.mark.parametrize("text", ["seperti biasa", "untuk sementara waktu", "bandingan data"])
def test_comparison_ignores_other_uses(text: str) -> None:
    assert not COMPARISON.search(text)


def test_place_introducers() -> None:
    assert {"desa", "kelurahan", "kecamatan", "jalan"} <= PLACE_INTRODUCERS
    assert "kepala" not in PLACE_INTRODUCERS
