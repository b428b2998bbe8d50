"""pugnlp.events.participants: the stated number of participants and its span."""

from __future__ import annotations

import pytest

from pugnlp.events.participants import find_participants, parse_number


@pytest.mark.parametrize("text, count, surface", [
    ("Kegiatan diikuti 30 peserta dari OPD.", 30, "30"),
    ("Rapat diikuti oleh sebanyak 45 orang peserta.", 45, "45"),
    ("Peserta yang hadir sebanyak 60 orang.", 60, "60"),
    ("Sosialisasi diikuti sebanyak 1.250 peserta dari desa.", 1250, "1.250"),
    ("Bimtek diikuti tiga puluh peserta.", 30, "tiga puluh"),
    ("Rapat dihadiri 25 perwakilan OPD dan diikuti 40 peserta.", 25, "25"),
])
def test_participants(text: str, count: int, surface: str) -> None:
    found = find_participants(text)
    assert found is not None
    value, (start, end) = found
    assert (value, text[start:end]) == (count, surface)


@pytest.mark.parametrize("text", [
    "Kegiatan dihadiri 28 organisasi wanita.",
    "Anggaran Rp 30.000.000 untuk 12 kecamatan.",
    "Sebanyak 1 peserta mengundurkan diri.",       # one person is not an audience
    "Kampanye diikuti 500.000 peserta daring.",     # above the plausible maximum
    "Rapat tanpa angka peserta.",
])
def test_no_participants(text: str) -> None:
    assert find_participants(text) is None


def test_a_year_is_not_a_participant_count() -> None:
    assert find_participants("Pada Bimtek PUG Tahun 2023 peserta diajak menyusun dokumen GAP.") is None


@pytest.mark.parametrize("token, value", [
    ("30", 30), ("1.250", 1250), ("1,250", 1250), ("tiga  puluh", 30), ("Seratus", 100), ("x", None),
])
def test_parse_number(token: str, value: int | None) -> None:
    assert parse_number(token) == value


def test_any_people_noun_after_diikuti() -> None:
    found = find_participants("Bimtek itu diikuti 36 operator data dari perangkat daerah.")
    assert found is not None and found[0] == 36


def test_sebanyak_needs_a_verb_of_taking_part() -> None:
    assert find_participants("Sebanyak 48 kader posyandu mengikuti pelatihan itu.")[0] == 48
    assert find_participants("Sebanyak 48 kader posyandu tersebar di desa itu.") is None


def test_counted_units_are_not_people() -> None:
    assert find_participants("Rapat diikuti 12 OPD dan dibuka Sekda.") is None
    assert find_participants("Kegiatan ini diikuti 3 kecamatan sekaligus.") is None


def test_speakers_are_not_the_participant_count() -> None:
    text = ("Bimtek menghadirkan dua narasumber dari provinsi. Kegiatan ini diikuti 125 peserta "
            "dari unsur PKK dan GOW.")
    found = find_participants(text)
    assert found is not None and found[0] == 125
    assert find_participants("Panitia menghadirkan tiga pemateri nasional.") is None
