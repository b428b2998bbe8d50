"""pugnlp.patterns.events: PUG terms, activity and distractor words, event-type cues."""

from __future__ import annotations

import pytest

from pugnlp.patterns.events import (
    ACTIVITY,
    CUE_TABLE,
    DISTRACTOR_CUES,
    EVENT_CUES,
    EVENT_PRIORITY,
    MAIN_VERB,
    PUG_CORE,
    PUG_WEAK,
)
from pugnlp.schema import EVENT_TYPES


@pytest.mark.parametrize("text", [
    "pengarusutamaan gender", "Pengarus Utamaan Gender", "Pokja PUG", "penyusunan PPRG",
    "anggaran responsif gender", "Anugerah Parahita Ekapraya", "focal point", "data terpilah",
    "Gender Analysis Pathway", "Indeks Pembangunan Gender",
])
def test_pug_core_terms(text: str) -> None:
    assert PUG_CORE.search(text)


@pytest.mark.parametrize("text", [
    "pemberdayaan perempuan", "kesetaraan gender", "perlindungan anak", "puguh", "harga",
])
def test_pug_core_ignores_related_but_general_words(text: str) -> None:
    assert not PUG_CORE.search(text)


def test_pug_weak_terms() -> None:
    assert PUG_WEAK.search("kesetaraan dan keadilan gender")
    assert PUG_WEAK.search("nilai IPG naik")
    assert not PUG_WEAK.search("gender")


def test_activity_and_distractor_words() -> None:
    assert ACTIVITY.count("Pemkot menggelar rapat yang diikuti peserta") == 4
    assert ACTIVITY.count("Menurutnya gender penting") == 0
    assert DISTRACTOR_CUES.count("Polres menangkap tersangka pencabulan") >= 3
    assert DISTRACTOR_CUES.count("rapat koordinasi PUG") == 0


def test_event_cues_cover_exactly_the_event_types() -> None:
    assert set(EVENT_CUES) == set(EVENT_TYPES)
    assert sorted(EVENT_PRIORITY) == sorted(EVENT_TYPES)
    assert all(weight > 0 for cues in EVENT_CUES.values() for _, weight in cues)


@pytest.mark.parametrize("text, label", [
    ("Rakor Pokja PUG", "rapat_koordinasi"), ("bimbingan teknis PPRG", "bimtek_pelatihan"),
    ("sosialisasi kesetaraan gender", "sosialisasi"), ("verifikasi lapangan", "evaluasi"),
    ("Anugerah Parahita Ekapraya", "penghargaan"), ("profil gender", "penyusunan_dokumen"),
    ("pengukuhan Pokja", "kebijakan"), ("studi banding", "lainnya"),
])
def test_cue_table_labels(text: str, label: str) -> None:
    assert label in {value[0] for _, value in CUE_TABLE.matches(text)}


def test_capital_cues_are_case_sensitive() -> None:
    assert "bimtek_pelatihan" in {v[0] for _, v in CUE_TABLE.matches("pelatihan TOT")}
    assert CUE_TABLE.matches("total tot") == []
    assert "penghargaan" not in {v[0] for _, v in CUE_TABLE.matches("ape")}


def test_main_verb() -> None:
    match = MAIN_VERB.search("Pemkot Bontang menggelar Rapat Koordinasi PUG")
    assert match is not None and match.group(0) == "menggelar"
    assert MAIN_VERB.search("Data terpilah penting bagi perencanaan") is None
