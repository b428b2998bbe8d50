"""pugnlp.events.venues: venue phrases with offsets."""

from __future__ import annotations

import pytest

from pugnlp.events.venues import find_venues


def _names(text: str) -> list[str]:
    found = find_venues(text)
    for v in found:
        assert text[v.start:v.end] == v.name
    return [v.name for v in found]


@pytest.mark.parametrize("text, venue", [
    ("Rapat digelar di Aula Gawi Sabarataan, Balai Kota Banjarbaru, Senin (6/11/2023).",
     "Aula Gawi Sabarataan, Balai Kota Banjarbaru"),
    ("Bimtek berlangsung di Hotel Midtown Samarinda selama dua hari.", "Hotel Midtown Samarinda"),
    ("Rapat bertempat di Ruang Rapat Bappeda lt. 2 Kantor Wali Kota.",
     "Ruang Rapat Bappeda lt. 2 Kantor Wali Kota"),
    ("Acara di Pendopo Bupati Gunung Mas, Kuala Kurun.", "Pendopo Bupati Gunung Mas"),
    ("Rapat digelar di Kantor Bupati Kapuas.", "Kantor Bupati Kapuas"),
    ("Rapat di Gedung Serbaguna Jumat pagi.", "Gedung Serbaguna"),
    ("Bimtek digelar di Hotel Aston Banjarmasin, Senin (6/11/2023).", "Hotel Aston Banjarmasin"),
    ("Rapat di Gedung Graha Bhakti, Jl. Ahmad Yani No. 12.", "Gedung Graha Bhakti"),
])
def test_venues(text: str, venue: str) -> None:
    assert _names(text) == [venue]


@pytest.mark.parametrize("text", [
    "Kepala Kantor Kementerian Agama hadir.",  # a weak head without "di"
    "Balai Kota menjadi saksi.",
    "Rapat di Aula.",                          # a head without a name
    "rapat di ruang rapat bappeda",
    "Rapat digelar secara daring melalui Zoom Meeting.",
])
def test_no_venue(text: str) -> None:
    assert _names(text) == []


def test_a_repeated_venue_is_kept_once() -> None:
    text = ("Rapat di Aula Bappeda Kota Bontang, Senin pagi. Peserta memenuhi Aula Bappeda Kota "
            "Bontang hingga siang.")
    assert _names(text) == ["Aula Bappeda Kota Bontang"]


@pytest.mark.parametrize("text, venue", [
    ("Rapat koordinasi digelar di Aula Bappeda. Kepala Bappeda membuka acara.", "Aula Bappeda"),
    ("Rapat digelar di Hotel Aston. Sekda membuka acara.", "Hotel Aston"),
])
def test_a_venue_ends_at_the_full_stop(text: str, venue: str) -> None:
    """The next sentence's first words are not part of the venue name."""
    assert _names(text) == [venue]


def test_a_long_venue_with_heads_inside_is_kept_whole() -> None:
    text = ("Bimtek berlangsung di Aula Cahai Ondhui Tingang Gedung B Kantor Bupati Murung Raya, "
            "Senin (10/11/2025).")
    assert [v.name for v in find_venues(text)] == [
        "Aula Cahai Ondhui Tingang Gedung B Kantor Bupati Murung Raya"]


def test_a_run_of_capitals_without_a_new_head_still_stops() -> None:
    text = "Rapat di Aula Satu Dua Tiga Empat Lima Enam Tujuh Delapan Sembilan Sepuluh."
    assert [v.name for v in find_venues(text)] == [
        "Aula Satu Dua Tiga Empat Lima Enam Tujuh Delapan"]


@pytest.mark.parametrize(("text", "venue"), [
    # a strong head written in lowercase, after a locative
    ("Rapat digelar di ruang rapat DP3APPKB Kota Batam, Kamis.", "ruang rapat DP3APPKB Kota Batam"),
    ("Kegiatan bertempat di ruang aula Kantor Bappeda Sarolangun, Senin (4/9/2023).",
     "ruang aula Kantor Bappeda Sarolangun"),
    # the name before the head
    ("Bimtek berlangsung di Fox Hotel, Selasa (5/3/2024).", "Fox Hotel"),
    ("Paparan disampaikan di Peace Room Kantor Bupati Gowa, Rabu.", "Peace Room Kantor Bupati Gowa"),
    # a head that names the place alone; an English name inside
    ("Trofi diterima di Rumah Jabatan, Jumat (2/12/2021).", "Rumah Jabatan"),
    ("Rapat digelar di Ruang Heart of Borneo Kantor Gubernur Kaltim.",
     "Ruang Heart of Borneo Kantor Gubernur Kaltim"),
])
def test_real_venue_shapes(text: str, venue: str) -> None:
    assert [v.name for v in find_venues(text)] == [venue]


def test_a_lowercase_head_without_a_locative_is_no_venue() -> None:
    assert find_venues("Peserta membahas ruang lingkup kerja pokja dan hotel pilihan.") == []
